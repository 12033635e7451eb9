/// Deliberately broken service behaviours, so that the idempotency checker can be shown to catch them.
/// Each is off by default; a correct emulator never enables them.
public struct EmulatorMutations: Sendable, Hashable {
    /// VPC Lattice `CreateTargetGroup` ignores `clientToken`: every call creates a new group, and a call whose
    /// token was used before skips the name-conflict check, so a retry leaves a duplicate group of the same name.
    public var ignoreClientToken: Bool
    /// Cloud Map `RegisterInstance` ignores `CreatorRequestId`: a repeated token is a new operation with a new
    /// `OperationId` and a second ledger effect (and is not refused with `DuplicateRequest` while the first
    /// operation is still in flight, so the duplicate shows however soon the retry comes).
    public var ignoreCreatorRequestId: Bool
    /// VPC Lattice `RegisterTargets` answers this fraction (0-1) of the targets it would newly register in
    /// `successful` but does not store them. The loss is written neither to the ledger nor anywhere a client can
    /// see; only ``EmulatorFaultCounts/droppedRegistrations`` (the truth counter) records it.
    public var dropAcknowledgedRegistrations: Double
    /// CodeDeploy `BatchGetDeploymentTargets` answers with one extra target of the deployment that was not
    /// requested (the first in creation order; none when every target was requested).
    public var extraBatchGetIds: Bool

    public init(
        ignoreClientToken: Bool = false, ignoreCreatorRequestId: Bool = false,
        dropAcknowledgedRegistrations: Double = 0, extraBatchGetIds: Bool = false
    ) {
        self.ignoreClientToken = ignoreClientToken
        self.ignoreCreatorRequestId = ignoreCreatorRequestId
        self.dropAcknowledgedRegistrations = dropAcknowledgedRegistrations
        self.extraBatchGetIds = extraBatchGetIds
    }
}
