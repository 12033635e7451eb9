/// The `quotaCode` values of the emulator's `ServiceQuotaExceededException`s.
///
/// The real Service Quotas codes are not in the wire facts, so these are the emulator's own, readable names.
public enum LatticeQuotaCode {
    /// Target groups per account (``EmulatorConfiguration/targetGroupQuota``).
    public static let targetGroups = "bench-target-groups-per-account"

    /// The request rate of one operation (``EmulatorFaults/rateLimits``), e.g.
    /// `bench-RegisterTargets-requests-per-second`.
    public static func requestRate(_ operation: String) -> String { "bench-\(operation)-requests-per-second" }
}
