/// The stable names of the checker's invariants, as reports, `idempotency.csv` and `junit.xml` spell them.
public enum InvariantName: String, Sendable, Hashable, Codable, CaseIterable {
    /// At most one target group per `clientToken`.
    case createOnePerToken = "CreateTargetGroup.onePerToken"
    /// Every ok answer for one token carries the same id and ARN (the group the token created), and a retry
    /// with the token and parameters that created a group is answered with it, not refused.
    case createSameAnswer = "CreateTargetGroup.sameAnswerPerToken"
    /// A token reused with other parameters is refused and creates nothing.
    case createMismatchRefused = "CreateTargetGroup.mismatchRefused"
    /// No two target groups share a name.
    case createUniqueNames = "CreateTargetGroup.uniqueNames"
    /// Every acknowledged group exists.
    case createAcknowledgedExists = "CreateTargetGroup.acknowledgedExists"
    /// A call created at most one group (none when it failed); no group exists that no call created.
    case createAtMostOnePerCall = "CreateTargetGroup.atMostOnePerCall"
    /// Every target acknowledged in `successful` is registered at the end, unless it was deregistered.
    case targetsAcknowledgedRegistered = "RegisterTargets.acknowledgedRegistered"
    /// No `unsuccessful` entry was registered by the call that reported it.
    case targetsUnsuccessfulNotRegistered = "RegisterTargets.unsuccessfulNotRegistered"
    /// No registered target exists that no call asked for.
    case targetsNoUnexpected = "RegisterTargets.noUnexpected"
    /// One OperationId per `CreatorRequestId`.
    case instanceOneOperationPerToken = "RegisterInstance.oneOperationPerToken"
    /// A logical call submitted at most one registration, whatever its attempts' tokens.
    case instanceOncePerCall = "RegisterInstance.oncePerCall"
    /// Every acknowledged instance exists, with the attributes of its last acknowledged registration (or of a
    /// later registration whose outcome is unknown).
    case instanceAcknowledgedExists = "RegisterInstance.acknowledgedExists"
    /// `DuplicateRequest` only while another operation on the same service and instance was in flight.
    case instanceDuplicateOnlyInFlight = "RegisterInstance.duplicateRequestOnlyInFlight"
    /// Every operation ends in `SUCCESS` or `FAIL`.
    case instanceOperationsTerminate = "RegisterInstance.operationsTerminate"
    /// Each answer holds exactly the requested ids that exist, each once.
    case batchExactIds = "BatchGetDeploymentTargets.exactIds"
    /// No answer holds more than 25 targets.
    case batchAtMost25 = "BatchGetDeploymentTargets.atMost25"
    /// Every returned target has the deployment's target type.
    case batchTypesMatch = "BatchGetDeploymentTargets.typesMatchDeployment"

    /// The API operation the invariant is about.
    public var operation: String { String(rawValue.prefix { $0 != "." }) }

    /// The case's position in ``allCases`` (declaration order), for per-invariant counters kept in an array: a
    /// dictionary keyed by the enum hashes its raw value, a string, with SipHash, and the checker counts a few
    /// invariants for every history line. An enum without payloads stores a case as that position (one byte here);
    /// `InvariantNameTests` holds every case to it.
    var ordinal: Int { Int(unsafeBitCast(self, to: UInt8.self)) }
}
