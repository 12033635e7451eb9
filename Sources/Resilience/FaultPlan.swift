import AWSModel
import BenchCore

/// The client-side faults of a run, in order.
///
/// Whether a fault hits an attempt is a pure function of (seed, call sequence number, attempt number, fault
/// index): each fault draws from its own generator seeded by those four numbers, so a seeded run replays the
/// same faults whatever order concurrent calls arrive in, and adding a fault does not move the others.
public struct FaultPlan: Sendable, Hashable {
    public var faults: [Fault]

    public init(_ faults: [Fault] = []) { self.faults = faults }

    /// A fault that hits one attempt.
    public struct Hit: Sendable, Hashable {
        /// The fault's index in the plan.
        public var index: Int
        public var kind: FaultKind
        /// The latency drawn for a `latency` fault (0 for the others).
        public var latencyNanoseconds: UInt64
    }

    /// The faults that hit `attempt` of call `call`: every latency fault that fires, then at most one fault that
    /// decides the outcome (the first in plan order that fires).
    /// - Parameters:
    ///   - phase: the phase the call runs in, for phase windows.
    ///   - elapsedSeconds: seconds since the run started, for time windows.
    /// - Complexity: O(faults).
    public func hits(
        seed: UInt64, call: UInt64, attempt: Int, request: AWSRequest, phase: String?, elapsedSeconds: Double
    ) -> [Hit] {
        var hits: [Hit] = []
        var outcomeDecided = false
        for (index, fault) in faults.enumerated() {
            if fault.kind.decidesOutcome && outcomeDecided { continue }
            guard fault.operations.isEmpty || fault.operations.contains(request.operationName),
                fault.window.contains(elapsedSeconds: elapsedSeconds, phase: phase),
                fault.kind != .conflict || SyntheticErrors.conflict(for: request) != nil
            else { continue }
            var random = SeedMix.generator(seed, call, UInt64(max(0, attempt)), UInt64(index))
            guard random.nextUnitDouble() < fault.probability else { continue }
            var latency: UInt64 = 0
            if case .latency(let distribution) = fault.kind { latency = distribution.sample(&random) }
            hits.append(Hit(index: index, kind: fault.kind, latencyNanoseconds: latency))
            outcomeDecided = outcomeDecided || fault.kind.decidesOutcome
        }
        return hits
    }
}
