import AWSModel
import BenchCore
import Resilience
import Synchronization

/// The fault draws of a server that sees requests rather than calls (`bench serve`, `bench proxy`): each request
/// is the next call of a per-server counter, drawn from the seed, its `amz-sdk-request` attempt and the time since
/// the server started, so a seeded server replays the same decisions for the same request order.
final class RequestFaultDraws: Sendable {
    let plan: FaultPlan
    /// When the server started: fault windows and logged times count from it.
    let start: Instant
    private let seed: UInt64
    private let clock: any BenchClock
    private let counter = Atomic<UInt64>(0)

    init(plan: FaultPlan, seed: UInt64, clock: any BenchClock) {
        self.plan = plan
        self.seed = seed
        self.clock = clock
        start = clock.now
    }

    /// The faults that hit `request` now, and when it was drawn. O(faults).
    func hits(for request: AWSRequest, attempt: Int) -> (hits: [FaultPlan.Hit], at: Instant) {
        let call = counter.add(1, ordering: .relaxed).newValue
        let now = clock.now
        let hits = plan.hits(
            seed: seed, call: call, attempt: attempt, request: request, phase: nil,
            elapsedSeconds: Double(now.nanoseconds(since: start)) / 1e9)
        return (hits, now)
    }
}
