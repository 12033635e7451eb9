import AWSModel
import BenchCore
import Emulator
import Resilience

/// Carries one attempt to an endpoint: the in-process emulator or HTTP. The answer is an ``AttemptResult``:
/// a response, a modeled error, or a ``TransportFailure`` whose `requestSent` says whether the outcome is unknown.
public protocol Transport: Sendable {
    func send(_ request: AWSRequest, context: RequestContext) async -> AttemptResult
}

/// The in-process emulator as a transport: no sockets, no encoding; the call runs on the caller's thread.
public struct EmbeddedTransport: Transport {
    public let emulator: Emulator

    public init(emulator: Emulator) { self.emulator = emulator }

    /// - Complexity: that of the emulated operation (O(1) or O(batch)).
    public func send(_ request: AWSRequest, context: RequestContext) async -> AttemptResult {
        do throws(ServiceError) {
            return .response(try emulator.handle(request, context: context))
        } catch {
            return .serviceError(error)
        }
    }
}
