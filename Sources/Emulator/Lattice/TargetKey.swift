import AWSModel

/// A target's identity inside its group: the id plus the effective port (none for `LAMBDA` targets).
///
/// The same id on two ports is two targets, as in the service; a target registered without a port takes the
/// group's port.
struct TargetKey: Hashable {
    let id: String
    let port: Int?

    /// The target as the answers echo it.
    var target: Target { Target(id: id, port: port) }

    /// The ledger's `resourceId`: ``TargetRef``'s key, `id:port`, or `id` when there is no port.
    var ledgerID: String { TargetRef.key(id: id, port: port) }
}
