/// The `quotaCode` values of the emulator's `ServiceQuotaExceededException`s.
///
/// The real Service Quotas codes are not in the wire facts, so these are the emulator's own, readable names.
public enum LatticeQuotaCode {
    /// Target groups per account (``EmulatorConfiguration/targetGroupQuota``).
    public static let targetGroups = "bench-target-groups-per-account"
}
