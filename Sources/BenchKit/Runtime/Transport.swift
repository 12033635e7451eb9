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

    /// The clock a brownout's extra latency is slept on.
    let clock: any BenchClock

    public init(emulator: Emulator, clock: any BenchClock) {
        self.emulator = emulator
        self.clock = clock
    }

    /// - Complexity: that of the emulated operation (O(1) or O(batch)), plus any brownout latency.
    public func send(_ request: AWSRequest, context: RequestContext) async -> AttemptResult {
        let latency = emulator.extraLatency(for: request)
        if latency > 0, (try? await clock.sleep(nanoseconds: latency)) == nil {
            return .failure(TransportFailure(kind: TransportFailure.Kind.cancelled, detail: "cancelled", requestSent: false))
        }
        do throws(ServiceError) {
            return .response(try emulator.handle(request, context: context))
        } catch {
            return .serviceError(error)
        }
    }
}

/// Sends each request to the transport of its service (per-service endpoint overrides).
struct ServiceRoutingTransport: Transport {
    let transports: [AWSService: any Transport]

    func send(_ request: AWSRequest, context: RequestContext) async -> AttemptResult {
        await transports[request.service]!.send(request, context: context)
    }
}
