/// A dictionary split into ``shardCount`` smaller dictionaries by key hash, so that growing it never rehashes more
/// than a small part of its entries at once.
///
/// A Swift `Dictionary` grows by doubling and rehashing every entry in one go: at 200,000 `String` keys that is
/// 50-100 ms during which the emulator holds its lock and every operation due meanwhile starts late (issue 8's
/// schedule-lag measure). Here each shard doubles on its own, so the largest single pause is 1/256 of that, and the
/// total work is the same.
///
/// Iteration order is unspecified, as a `Dictionary`'s; callers that show entries sort them.
///
///     var instances = ShardedDictionary<String, Int>()
///     instances["i-1"] = 1
///     instances["i-1"]     // 1
///     instances.count      // 1
///
/// The key is hashed once per access, with ``ByteHash`` rather than SipHash (``ByteHashable``), and the shards store
/// it beside that hash (``Prehashed``): the shard's own `Dictionary` takes its bucket from that hash with one multiply
/// (no `Hasher`), and compares the hashes before the keys. Keys with equal `==` but different byte hashes (strings
/// spelled in different bytes, see ``ByteHashable``) are different keys.
///
/// - Complexity: lookups, inserts and removals are O(1) on average, one byte hash of the key and one multiply;
///   growth rehashes at most `count / shardCount` entries at a time, from their stored hashes. An empty instance
///   allocates nothing; the first insert allocates the shard table (2 KiB).
///
/// Its members are `@inlinable`, so that callers in other modules get code specialised to their key and value
/// types: unspecialised, generic lookups cost the emulator more than the pauses they remove.
public struct ShardedDictionary<Key: ByteHashable, Value> {
    /// Shards per dictionary; a power of two, so the shard is the hash's low bits.
    @inlinable public static var shardCount: Int { 256 }

    /// Empty until the first insert, then exactly ``shardCount`` dictionaries.
    @usableFromInline var shards: [[HashedKey: Value]] = []
    /// Entries across all shards.
    @inlinable public var count: Int { storedCount }
    @usableFromInline var storedCount = 0

    @inlinable public init() {}

    /// Whether there are no entries.
    @inlinable public var isEmpty: Bool { count == 0 }

    /// A key with its hash, as the shards store it.
    @usableFromInline typealias HashedKey = Prehashed<Key>

    /// The value for `key`, or `nil`; setting `nil` removes the entry. Mutations happen in place, as through a
    /// `Dictionary`'s subscript (the value is not copied out and back).
    @inlinable public subscript(key: Key) -> Value? {
        get {
            guard !shards.isEmpty else { return nil }
            let hashed = HashedKey(key)
            return shards[hashed.shard][hashed]
        }
        _modify {
            if shards.isEmpty { shards = Array(repeating: [:], count: Self.shardCount) }
            let hashed = HashedKey(key)
            let shard = hashed.shard
            let before = shards[shard].count
            defer { storedCount += shards[shard].count - before }
            yield &shards[shard][hashed]
        }
    }

    /// Removes the entry for `key` and returns its value, or `nil` when there was none.
    @inlinable @discardableResult
    public mutating func removeValue(forKey key: Key) -> Value? {
        guard !shards.isEmpty else { return nil }
        let hashed = HashedKey(key)
        guard let old = shards[hashed.shard].removeValue(forKey: hashed) else { return nil }
        storedCount -= 1
        return old
    }

    /// Every key, in unspecified order. O(`count`).
    @inlinable public var keys: [Key] { shards.flatMap { $0.keys.map(\.key) } }
}

extension ShardedDictionary: Sequence {
    /// Entries shard by shard, in unspecified order.
    public struct Iterator: IteratorProtocol {
        @usableFromInline var entries: FlattenSequence<[[HashedKey: Value]]>.Iterator

        @inlinable init(_ entries: FlattenSequence<[[HashedKey: Value]]>.Iterator) { self.entries = entries }

        @inlinable public mutating func next() -> (key: Key, value: Value)? {
            entries.next().map { (key: $0.key.key, value: $0.value) }
        }
    }

    @inlinable public func makeIterator() -> Iterator { Iterator(shards.joined().makeIterator()) }
}

extension ShardedDictionary: Sendable where Key: Sendable, Value: Sendable {}

extension Prehashed {
    /// The ``ShardedDictionary`` shard this key belongs to: the hash's low bits.
    @inlinable var shard: Int { hash & (ShardedDictionary<Key, Never>.shardCount - 1) }
}
