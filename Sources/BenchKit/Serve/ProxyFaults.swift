import AWSModel
import AWSWire
import BenchCore
import BenchHTTP
import Resilience
import Synchronization

/// The faults `bench proxy` injects, decided like `bench serve`'s (``ServedFaults``): each request draws from the
/// seed, a per-proxy request counter as the call and its `amz-sdk-request` attempt; every hit is logged.
final class ProxyFaults: Sendable {
    private let plan: FaultPlan
    private let seed: UInt64
    private let clock: any BenchClock
    private let start: Instant
    private let counter = Atomic<UInt64>(0)
    private let requestIds = RequestIdGenerator()
    let log: FaultLog

    init(plan: FaultPlan, seed: UInt64, clock: any BenchClock, log: FaultLog) {
        self.plan = plan
        self.seed = seed
        self.clock = clock
        self.log = log
        start = clock.now
    }

    /// What to do with `request`. Requests that are not one of the emulated operations are forwarded untouched.
    /// - Complexity: a request decode and O(faults) draws; nothing when the plan is empty.
    func decide(_ request: HTTPRequest) -> ProxyDecision {
        var decision = ProxyDecision()
        guard !plan.faults.isEmpty else { return decision }
        let wire = WireRequest(http: request)
        guard case .success(let typed) = AWSWireCodec.decodeRequest(wire) else { return decision }
        let attempt = SDKRequestHeader.attempt(wire.headers["amz-sdk-request"])
        let call = counter.add(1, ordering: .relaxed).newValue
        let now = clock.now
        let hits = plan.hits(
            seed: seed, call: call, attempt: attempt, request: typed, phase: nil,
            elapsedSeconds: Double(now.nanoseconds(since: start)) / 1e9)
        for hit in hits {
            let detail: String
            switch hit.kind {
            case .latency:
                decision.delayNanoseconds += hit.latencyNanoseconds
                detail = "\(hit.latencyNanoseconds / 1_000_000)ms"
            case .throttle, .conflict, .error5xx:
                guard let error = SyntheticErrors.answer(for: hit.kind, to: typed) else { continue }
                decision.action = .answer(answer(error, to: typed))
                detail = "\(error.code) \(error.httpStatus)"
            case .duplicate(let mode):
                decision.action = .duplicate(mode)
                detail = "forwarded twice"
            case .loseResponse(let mode):
                decision.action = .loseResponse(mode)
                detail = "answer dropped (\(mode.rawValue))"
            case .reset:
                decision.action = .reset
                detail = "reset before forwarding"
            }
            log.record(
                FaultEvent(
                    time: now, operation: typed.operationName, callId: wire.headers["amz-sdk-invocation-id"] ?? "",
                    attempt: attempt, kind: hit.kind.name, detail: detail, faultIndex: hit.index),
                origin: start)
        }
        return decision
    }

    /// `error` in the service's exact wire shape.
    private func answer(_ error: ServiceError, to request: AWSRequest) -> HTTPResponse {
        HTTPResponse(
            AWSWireCodec.encodeResponse(
                .failure(error), for: request, service: request.service, requestId: requestIds.next()))
    }
}
