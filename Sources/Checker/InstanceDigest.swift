import BenchCore

/// The digest of a Cloud Map registration: service, instance and attributes, computed exactly as the
/// emulator's ledger computes `parameterDigest` for `RegisterInstance`, so that a registration in the
/// history, a ledger entry and a read-back instance compare equal when they carry the same attributes.
public enum InstanceDigest {
    /// - Complexity: O(a log a) for `a` attributes.
    public static func of(serviceId: String, instanceId: String, attributes: [String: String]) -> String {
        var digest = StableDigest()
        digest.combine("RegisterInstance")
        digest.combine(serviceId)
        digest.combine(instanceId)
        for (key, value) in attributes.sorted(by: { $0.key < $1.key }) {
            digest.combine(key)
            digest.combine(value)
        }
        return digest.hex
    }
}
