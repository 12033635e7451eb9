import AWSModel
import BenchCore

/// The text key of a VPC Lattice target, the same in the history, the ledger and the read-backs: `id:port`,
/// or `id` when there is no port (`LAMBDA` targets): one definition for all three (``key(id:port:)`` and the JSON
/// form ``appendJSON(id:port:to:)`` beside it, which `TargetRefTests` holds to it), so they cannot drift apart.
public enum TargetRef {
    /// The key of `id` on `port`.
    public static func key(id: String, port: Int?) -> String {
        if let port { id.appending(":", decimal: port) } else { id }
    }

    /// The key of a target as sent or answered.
    public static func key(_ target: Target) -> String { key(id: target.id, port: target.port) }

    /// Writes ``key(id:port:)`` as a JSON string without building it: the history writes one for every target
    /// of every `RegisterTargets` request and answer.
    /// - Complexity: O(length of the key); inlinable, so specialized for the caller's sink.
    @inlinable
    public static func appendJSON(id: String, port: Int?, to bytes: inout some JSONByteSink) {
        bytes.append(UInt8(ascii: "\""))
        JSONText.appendStringContent(id, to: &bytes)
        if let port {
            bytes.append(UInt8(ascii: ":"))
            JSONText.appendInteger(port, to: &bytes)
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Writes the key of a target as sent or answered as a JSON string (``appendJSON(id:port:to:)``).
    @inlinable
    public static func appendJSON(_ target: Target, to bytes: inout some JSONByteSink) {
        appendJSON(id: target.id, port: target.port, to: &bytes)
    }

    /// `key` without its `:port` suffix (the key a request names when it leaves the port to the group).
    /// - Complexity: O(length of the key).
    public static func withoutPort(_ key: String) -> String {
        guard let colon = key.utf8.lastIndex(of: UInt8(ascii: ":")) else { return key }
        let digits = key.utf8[key.utf8.index(after: colon)...]
        guard !digits.isEmpty, digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return key }
        return String(key[..<colon])
    }
}
