import BenchCore

/// The digest of a Cloud Map registration: service, instance and attributes. The emulator's ledger records it as
/// `RegisterInstance`'s `parameterDigest`, and the checker computes it for the history and the read-backs, so that a
/// registration in the history, a ledger entry and a read-back instance compare equal when they carry the same
/// attributes. One function for all three, so they cannot drift apart; stable across builds (``StableDigest``), as
/// a newer `bench check` re-checks older runs' files.
public enum InstanceDigest {
    /// - Complexity: O(a log a) for `a` attributes.
    public static func of(serviceId: String, instanceId: String, attributes: [String: String]) -> String {
        of(serviceId: serviceId, instanceId: instanceId, sortedAttributes: sorted(attributes))
    }

    /// ``of(serviceId:instanceId:attributes:)`` for attributes already in ``sorted(_:)`` order.
    /// - Complexity: O(total size of the keys and values).
    static func of(serviceId: String, instanceId: String, sortedAttributes: [(key: String, value: String)]) -> String {
        var digest = StableDigest()
        digest.combine("RegisterInstance")
        digest.combine(serviceId)
        digest.combine(instanceId)
        for (key, value) in sortedAttributes {
            digest.combine(key)
            digest.combine(value)
        }
        return digest.hex
    }

    /// `attributes` as key-value pairs in ascending key order: the digest's order, and the order the emulator
    /// checks them in.
    static func sorted(_ attributes: [String: String]) -> [(key: String, value: String)] {
        attributes.sorted { $0.key < $1.key }
    }
}
