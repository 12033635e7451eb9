import AWSModel
import BenchCore
import Emulator
import Resilience

/// Carries one attempt to an endpoint: the in-process emulator or HTTP. The answer is an ``AttemptResult``:
/// a response, a modeled error, or a ``TransportFailure`` whose `requestSent` says whether the outcome is unknown.
///
/// `send` is `nonisolated(nonsending)`: it runs on its caller's executor, as does every layer of a call above it
/// (``OperationIssuer``, `CallPipeline`, `FaultInjector`, `AttemptTransport`). Each layer declared plainly
/// `nonisolated` instead began with a check of the executor (`swift_task_switch`, 8 % of the CPU of the cheapest
/// call); without them that call costs 0.89-1.02 x the CPU, about 0.95 x at the median (issue 8's P3 floor, lower in 9
/// of 10 alternating pairs on one worker and two). A transport whose `send` is plainly `nonisolated` still conforms,
/// and runs off its caller's executor.
public protocol Transport: Sendable {
    nonisolated(nonsending) func send(_ request: AWSRequest, context: RequestContext) async -> AttemptResult
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
    nonisolated(nonsending) public func send(_ request: AWSRequest, context: RequestContext) async -> AttemptResult {
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

    nonisolated(nonsending) func send(_ request: AWSRequest, context: RequestContext) async -> AttemptResult {
        await transports[request.service]!.send(request, context: context)
    }
}
