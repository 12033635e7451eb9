import AWSModel
import BenchCore

/// An asynchronous operation the emulator accepted, with the timeline its status follows.
///
/// The status is computed from the clock on every read (no timers): `SUBMITTED` for the first half of the
/// operation's delay, `PENDING` for the second, `SUCCESS` from ``completesAt`` on.
struct CloudMapOperationRecord: Sendable {
    var id: String
    /// One of ``CloudMap/OperationType``.
    var type: String
    /// The API operation that submitted it (for the ledger), e.g. `RegisterInstance`.
    var apiOperation: String
    var targets: Targets
    var submittedAt: Instant
    var completesAt: Instant
    /// The resource the operation's ledger entries name as parent (the service or the namespace).
    var parentId: String?
    var token: String?
    var parameterDigest: String
    /// The attempt that submitted the operation: the cause of its completion too.
    var context: RequestContext

    /// The resources an operation acts on: the wire's `Targets` map, built only when an answer shows it (a
    /// dictionary per operation was an allocation and two hashed inserts on every `RegisterInstance`).
    struct Targets: Sendable {
        var namespace: String?
        var service: String?
        var instance: String?

        /// `Targets` as the wire shows it: `OperationTargetType` to id.
        var dictionary: [String: String] {
            var map: [String: String] = [:]
            map[CloudMap.OperationTargetType.namespace] = namespace
            map[CloudMap.OperationTargetType.service] = service
            map[CloudMap.OperationTargetType.instance] = instance
            return map
        }
    }

    /// When the status turns `PENDING`: half of the delay, rounded up.
    var pendingAt: Instant {
        submittedAt.advanced(by: (completesAt.nanoseconds(since: submittedAt) + 1) / 2)
    }

    /// Whether the operation is still running at `now` (it blocks another on the same instance).
    func isInFlight(at now: Instant) -> Bool { now < completesAt }

    /// The status at `now`.
    func status(at now: Instant) -> String {
        if now >= completesAt { return CloudMap.OperationStatus.success }
        return now >= pendingAt ? CloudMap.OperationStatus.pending : CloudMap.OperationStatus.submitted
    }

    /// When the status seen at `now` began (the operation's `UpdateDate`).
    func statusChangedAt(at now: Instant) -> Instant {
        if now >= completesAt { return completesAt }
        return now >= pendingAt ? pendingAt : submittedAt
    }
}
