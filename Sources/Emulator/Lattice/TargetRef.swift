import AWSModel
import BenchCore

/// The text key of a VPC Lattice target, the same in the history, the ledger and the read-backs: `id:port`,
/// or `id` when there is no port (`LAMBDA` targets): one function for all three, so they cannot drift apart.
public enum TargetRef {
    /// The key of `id` on `port`.
    public static func key(id: String, port: Int?) -> String {
        if let port { id.appending(":", decimal: port) } else { id }
    }

    /// The key of a target as sent or answered.
    public static func key(_ target: Target) -> String { key(id: target.id, port: target.port) }

    /// `key` without its `:port` suffix (the key a request names when it leaves the port to the group).
    /// - Complexity: O(length of the key).
    public static func withoutPort(_ key: String) -> String {
        guard let colon = key.utf8.lastIndex(of: UInt8(ascii: ":")) else { return key }
        let digits = key.utf8[key.utf8.index(after: colon)...]
        guard !digits.isEmpty, digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return key }
        return String(key[..<colon])
    }
}
