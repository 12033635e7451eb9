/// The `failureCode` values the emulator puts in `RegisterTargets` / `DeregisterTargets` `unsuccessful` items.
///
/// The model leaves `failureCode` a free-form string and does not list values (wire.md §1.1); these are the
/// emulator's choice, and a checker or report may rely on them.
public enum LatticeFailureCode {
    /// The id is not of the form the group type takes (instance id, IP literal of the group's address family,
    /// Lambda function ARN, ALB ARN) or is not 1-200 characters long.
    public static let invalidTargetId = "InvalidTargetId"
    /// The port is outside 1-65535, or a port was given for a `LAMBDA` target (which has none).
    public static let invalidPort = "InvalidPort"
    /// A `LAMBDA` target group already holds a different target; it can hold only one.
    public static let lambdaTargetLimitExceeded = "TargetLimitExceeded"
    /// The group already holds `EmulatorConfiguration.targetsPerGroupQuota` targets.
    public static let serviceQuotaExceeded = "ServiceQuotaExceeded"
    /// A transient failure injected by ``EmulatorFaults/registerTargetsFailureFraction``: the target was not
    /// registered and a retry may succeed.
    public static let internalFailure = "InternalFailure"
}
