import AWSModel
import BenchCore

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

extension TargetKey: ByteHashable {
    /// The id's byte hash with the port folded in (a target without a port hashes as its id).
    func byteHash(seed: UInt64) -> UInt64 {
        let idHash = id.byteHash(seed: seed)
        guard let port else { return idHash }
        return ByteHash.mix(idHash ^ UInt64(bitPattern: Int64(port)))
    }
}
