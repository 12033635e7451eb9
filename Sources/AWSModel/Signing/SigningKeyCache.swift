import Synchronization

/// Remembers derived SigV4 signing keys, which change only with the date, region, service and secret: a
/// load run signs thousands of requests a second with one scope, so every request after the first skips the
/// four HMACs of the derivation.
final class SigningKeyCache: Sendable {
    /// Bound on the number of keys kept; when reached, the cache starts over (a run uses a handful).
    private static let capacity = 64

    private struct Entry {
        var secret: String
        var key: [UInt8]
    }

    private let entries = Mutex<[String: Entry]>([:])

    /// The signing key for this secret and scope, derived once and then served from the cache.
    /// - Complexity: O(1) when cached; four HMACs otherwise.
    func key(accessKeyId: String, secret: String, dateStamp: String, region: String, service: String) -> [UInt8] {
        let name = "\(accessKeyId)\n\(dateStamp)\n\(region)\n\(service)"
        if let entry = entries.withLock({ $0[name] }), entry.secret == secret { return entry.key }
        let key = SigV4.signingKey(secret: secret, dateStamp: dateStamp, region: region, service: service)
        entries.withLock { entries in
            if entries.count >= Self.capacity { entries.removeAll(keepingCapacity: true) }
            entries[name] = Entry(secret: secret, key: key)
        }
        return key
    }
}
