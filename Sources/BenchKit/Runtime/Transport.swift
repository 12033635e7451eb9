import AWSModel
import BenchCore
import Emulator

/// How an attempt ended when no answer came back: the request may or may not have taken effect.
public struct TransportFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// A short stable kind: `timeout`, `reset`, `connect`, `unsupported`, `cancelled`.
    public var kind: String
    public var detail: String

    public init(kind: String, detail: String) {
        self.kind = kind
        self.detail = detail
    }

    public var description: String { "\(kind): \(detail)" }
}

/// The answer to one attempt.
public enum TransportResult: Sendable {
    /// The service answered with success.
    case response(AWSResponse)
    /// The service answered with a modeled error (it did not apply the request, unless the error says so).
    case serviceError(ServiceError)
    /// No answer: the outcome is unknown.
    case failure(TransportFailure)
}

/// Carries one attempt to an endpoint: the in-process emulator, or (later) HTTP.
public protocol Transport: Sendable {
    func send(_ request: AWSRequest, context: RequestContext) async -> TransportResult
}

/// The in-process emulator as a transport: no sockets, no encoding; the call runs on the caller's thread.
public struct EmbeddedTransport: Transport {
    public let emulator: Emulator

    public init(emulator: Emulator) { self.emulator = emulator }

    /// - Complexity: that of the emulated operation (O(1) or O(batch)).
    public func send(_ request: AWSRequest, context: RequestContext) async -> TransportResult {
        do throws(ServiceError) {
            return .response(try emulator.handle(request, context: context))
        } catch {
            return .serviceError(error)
        }
    }
}
