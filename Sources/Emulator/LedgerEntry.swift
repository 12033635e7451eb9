import AWSModel
import BenchCore

/// One state change in the emulator, with the request that caused it.
///
/// The idempotency checker replays the run's history against these entries: which token created which
/// resource, which attempt registered which target, when each asynchronous operation completed.
public struct LedgerEntry: Sendable, Hashable, Codable {
    /// What happened to the resource.
    public enum Change: String, Sendable, Hashable, Codable {
        case created, updated, registered, deregistered, deleted
        case operationSubmitted, operationSucceeded, operationFailed
    }

    /// Position in the ledger, from 1, in the order the changes took effect.
    public var sequence: UInt64
    /// When the change took effect (the emulator clock).
    public var time: Instant
    public var service: AWSService
    /// The API operation, e.g. `CreateTargetGroup`.
    public var operation: String
    public var change: Change
    /// The kind of resource, e.g. `TargetGroup`, `Target`, `Instance`, `Operation`, `Namespace`, `Service`.
    public var resourceType: String
    /// The resource's id (for a target: `id` or `id:port`).
    public var resourceId: String
    /// The enclosing resource: the target group of a target, the service of an instance.
    public var parentId: String?
    /// The idempotency token that caused the change (`clientToken`, `CreatorRequestId`), if any.
    public var token: String?
    /// A ``StableDigest`` of the request's parameters.
    public var parameterDigest: String?
    /// The request id of the attempt that caused the change.
    public var requestId: String
    /// The logical call (invocation id) of that attempt, if the caller said.
    public var invocationId: String?
    /// The attempt number of that attempt.
    public var attempt: Int

    public init(
        sequence: UInt64 = 0, time: Instant, service: AWSService, operation: String, change: Change,
        resourceType: String, resourceId: String, parentId: String? = nil, token: String? = nil,
        parameterDigest: String? = nil, context: RequestContext
    ) {
        self.sequence = sequence
        self.time = time
        self.service = service
        self.operation = operation
        self.change = change
        self.resourceType = resourceType
        self.resourceId = resourceId
        self.parentId = parentId
        self.token = token
        self.parameterDigest = parameterDigest
        self.requestId = context.requestId
        self.invocationId = context.invocationId
        self.attempt = context.attempt
    }
}
