/// A key stored beside its ``ByteHash``, so that a `Dictionary` or `Set` of them hashes each key once, when it is
/// made, and compares hashes before keys.
///
/// A `Dictionary<String, Value>` runs SipHash over the whole string for every look-up (a `Hasher`'s set-up, a round per
/// 8 bytes and four more to finish), and compares the string with `memcmp` at every occupied bucket its probe passes.
/// Keyed by `Prehashed<String>`, a look-up takes its bucket from the stored hash with one multiply
/// (``_rawHashValue(seed:)``) and calls `memcmp` only on a full hash match. ``ShardedDictionary`` and ``FlatHashTable``
/// store their keys this way, and the idempotency checker keys its tables with it (hundreds of thousands of ids and
/// `group|target` keys, each looked up several times).
///
///     var acknowledged: Set<Prehashed<String>> = []
///     acknowledged.insert(Prehashed("tg-0123456789abcdef0|10.0.0.1:80"))
///
/// Keys equal by `==` but hashed differently (``ByteHashable``: strings spelled in different bytes) are different
/// keys. The hash is seeded per process (``ByteHash/processSeed``), so iteration order differs between runs.
public struct Prehashed<Key: ByteHashable>: Hashable {
    /// The key itself.
    public let key: Key
    /// ``ByteHashable/byteHash(seed:)`` of ``key`` with ``ByteHash/processSeed``.
    public let hash: Int

    /// Hashes `key` (O(its length), no allocation).
    @inlinable public init(_ key: Key) {
        self.key = key
        hash = Int(truncatingIfNeeded: key.byteHash(seed: ByteHash.processSeed))
    }

    @inlinable public func hash(into hasher: inout Hasher) { hasher.combine(hash) }

    /// What a `Dictionary` or `Set` takes its bucket from (the standard library's hook for this; its default runs a
    /// `Hasher` over ``hash(into:)``): the stored hash with the table's seed, mixed (``ByteHash/mix(_:)``). The mix
    /// matters: a bucket is the low bits, and every key of a ``ShardedDictionary`` shard has the same low bits, the
    /// shard's number.
    @inlinable public func _rawHashValue(seed: Int) -> Int {
        Int(truncatingIfNeeded: ByteHash.mix(UInt64(UInt(bitPattern: hash ^ seed))))
    }

    @inlinable public static func == (lhs: Self, rhs: Self) -> Bool { lhs.hash == rhs.hash && lhs.key == rhs.key }
}

extension Prehashed: Sendable where Key: Sendable {}

extension Prehashed: CustomStringConvertible {
    /// The key's own description, so that a message interpolating a key reads as the key.
    public var description: String { String(describing: key) }
}
