import BenchCore

/// The digest of a Cloud Map registration: service, instance and attributes. The emulator's ledger records it as
/// `RegisterInstance`'s `parameterDigest`, and the checker computes it for the history and the read-backs, so that a
/// registration in the history, a ledger entry and a read-back instance compare equal when they carry the same
/// attributes. One function for all three, so they cannot drift apart; stable across builds (``StableDigest``), as
/// a newer `bench check` re-checks older runs' files.
public enum InstanceDigest {
    /// - Complexity: O(a log a) for `a` attributes; the attributes are sorted on the stack (``withSorted(_:_:)``),
    ///   so the only allocation is the 16-digit string.
    public static func of(serviceId: String, instanceId: String, attributes: [String: String]) -> String {
        withSorted(attributes) { of(serviceId: serviceId, instanceId: instanceId, sortedAttributes: $0) }
    }

    /// ``of(serviceId:instanceId:attributes:)`` for attributes already in ascending key order.
    /// - Complexity: O(total size of the keys and values).
    static func of(
        serviceId: String, instanceId: String, sortedAttributes: UnsafeBufferPointer<(key: String, value: String)>
    ) -> String {
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

    /// Hands `body` the attributes as key-value pairs in ascending key order: the digest's order, and the order the
    /// emulator checks them in. They are sorted in the standard library's temporary room, on the stack for any list
    /// a valid request can have (30 custom attributes and a few reserved ones), not in a new array: every
    /// `RegisterInstance` sorts its attributes twice, once in the emulator and once for its history line.
    /// - Complexity: O(a log a) for `a` attributes.
    static func withSorted<Result, Failure: Error>(
        _ attributes: [String: String],
        _ body: (UnsafeBufferPointer<(key: String, value: String)>) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        try withUnsafeTemporaryAllocation(of: (key: String, value: String).self, capacity: attributes.count) {
            (pairs: UnsafeMutableBufferPointer<(key: String, value: String)>) throws(Failure) -> Result in
            var sorted = pairs  // `sort` is mutating; the copy is of the pointer, the pairs stay where they are
            _ = sorted.initialize(fromContentsOf: attributes)
            defer { sorted.deinitialize() }
            sorted.sort { $0.key < $1.key }
            return try body(UnsafeBufferPointer(sorted))
        }
    }
}
