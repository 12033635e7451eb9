/// Server-side faults the emulator injects: per-operation rate limits, brownout windows and partial
/// `RegisterTargets` failures. Everything is off by default.
///
/// Every seeded decision is derived from the scenario seed and the request (its request id and attempt, or a
/// per-service request counter when the request id is empty), never from thread timing, so a seeded run
/// injects the same faults into the same requests. See docs/emulator.md, "Server-side faults and mutation modes".
public struct EmulatorFaults: Sendable, Hashable {
    /// Token buckets keyed by API operation name (e.g. `RegisterTargets`); operations without one are not limited.
    /// Operation names are unique across the three services, so no service qualifier is needed.
    public var rateLimits: [String: RateLimit]
    /// Time windows of elevated errors and/or latency.
    public var brownouts: [Brownout]
    /// The fraction (0-1) of otherwise successful `RegisterTargets` targets answered in `unsuccessful` with
    /// failure code ``LatticeFailureCode/internalFailure`` and not registered.
    public var registerTargetsFailureFraction: Double

    public init(
        rateLimits: [String: RateLimit] = [:], brownouts: [Brownout] = [], registerTargetsFailureFraction: Double = 0
    ) {
        self.rateLimits = rateLimits
        self.brownouts = brownouts
        self.registerTargetsFailureFraction = registerTargetsFailureFraction
    }
}
