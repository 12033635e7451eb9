/// The knobs of the emulated services: account, region, quotas, timings, server-side faults and mutations.
///
/// Defaults follow the real services' default quotas where the documentation names one.
public struct EmulatorConfiguration: Sendable, Hashable {
    /// The 12-digit account id used in ARNs.
    public var account: String = "123456789012"
    /// The region used in ARNs.
    public var region: String = "us-east-1"
    /// VPC Lattice: target groups per account before `ServiceQuotaExceededException`.
    public var targetGroupQuota: Int = 1_000
    /// VPC Lattice: targets per target group before `ServiceQuotaExceededException`.
    public var targetsPerGroupQuota: Int = 1_000
    /// Cloud Map: instances per service before `ResourceLimitExceeded`.
    public var instancesPerServiceQuota: Int = 1_000
    /// Cloud Map: nanoseconds an asynchronous operation takes from submission to `SUCCESS`. It is `SUBMITTED`
    /// for the first half and `PENDING` for the second; while it runs, another `RegisterInstance` for the
    /// same service and instance is answered with `DuplicateRequest`.
    public var cloudMapOperationDelayNanoseconds: UInt64 = 20_000_000
    /// Default and largest page size of the list operations that do not say otherwise.
    public var defaultPageSize: Int = 100
    /// Server-side faults (rate limits, brownouts, partial `RegisterTargets` failures); none by default.
    public var faults = EmulatorFaults()
    /// Deliberately broken behaviours for testing the idempotency checker; all off by default.
    public var mutations = EmulatorMutations()
    /// Whether the ledger keeps every state change (on by default; the idempotency checker needs it).
    public var recordsLedger = true

    public init() {}
}
