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
}

extension LedgerEntry {
    /// An entry for the change `context`'s attempt caused.
    ///
    /// Declared here, outside the type, so that the type keeps its memberwise initializer, and handing it every
    /// member: an initializer that stored the members itself made the optimized build build each entry in a
    /// temporary and copy it into ``Ledger/append(_:)``'s argument (`outlined init with copy of LedgerEntry`, then
    /// the temporary destroyed), a retain and a release of each of its strings for every entry of every run.
    /// 26,456 copies -> 0 in a 10,000-call run of the P3 mix (`scripts/count-calls.sh`).
    public init(
        sequence: UInt64 = 0, time: Instant, service: AWSService, operation: String, change: Change,
        resourceType: String, resourceId: String, parentId: String? = nil, token: String? = nil,
        parameterDigest: String? = nil, context: RequestContext
    ) {
        self.init(
            sequence: sequence, time: time, service: service, operation: operation, change: change,
            resourceType: resourceType, resourceId: resourceId, parentId: parentId, token: token,
            parameterDigest: parameterDigest, requestId: context.requestId, invocationId: context.invocationId,
            attempt: context.attempt)
    }
}
