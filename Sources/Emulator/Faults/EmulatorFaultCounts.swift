/// How many server-side faults the emulator injected: the "truth" a test compares a checker's findings with.
///
/// Kept apart from the ``Ledger`` on purpose: the ledger records what the service did as it would report it,
/// while these counts also record what it hid (``droppedRegistrations``).
public struct EmulatorFaultCounts: Sendable, Hashable {
    /// Requests refused by a rate limit.
    public var throttled = 0
    /// Requests failed by a brownout window.
    public var brownoutErrors = 0
    /// `RegisterTargets` targets answered in `unsuccessful` by the partial-failure fault.
    public var partialFailures = 0
    /// `RegisterTargets` targets acknowledged but not stored (the `dropAcknowledgedRegistrations` mutation).
    public var droppedRegistrations = 0

    public init() {}

    /// The counts of both operands added up.
    public static func + (lhs: EmulatorFaultCounts, rhs: EmulatorFaultCounts) -> EmulatorFaultCounts {
        var sum = lhs
        sum.throttled += rhs.throttled
        sum.brownoutErrors += rhs.brownoutErrors
        sum.partialFailures += rhs.partialFailures
        sum.droppedRegistrations += rhs.droppedRegistrations
        return sum
    }
}
