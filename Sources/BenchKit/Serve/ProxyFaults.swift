import AWSModel
import AWSWire
import BenchCore
import BenchHTTP
import Resilience

/// The faults `bench proxy` injects, drawn like `bench serve`'s (``RequestFaultDraws``); every hit is logged.
final class ProxyFaults: Sendable {
    private let draws: RequestFaultDraws
    private let requestIds = RequestIdGenerator()
    let log: FaultLog

    init(plan: FaultPlan, seed: UInt64, clock: any BenchClock, log: FaultLog) {
        draws = RequestFaultDraws(plan: plan, seed: seed, clock: clock)
        self.log = log
    }

    /// What to do with `request`. Requests that are not one of the emulated operations are forwarded untouched.
    /// - Complexity: a request decode and O(faults) draws; nothing when the plan is empty.
    func decide(_ request: HTTPRequest) -> ProxyDecision {
        var decision = ProxyDecision()
        guard !draws.plan.faults.isEmpty else { return decision }
        let wire = WireRequest(http: request)
        guard case .success(let typed) = AWSWireCodec.decodeRequest(wire) else { return decision }
        let attempt = SDKRequestHeader.attempt(wire.headers["amz-sdk-request"])
        let (hits, now) = draws.hits(for: typed, attempt: attempt)
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
                origin: draws.start)
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
