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
/// - Complexity: lookups, inserts and removals are O(1) on average, one extra hash of the key for the shard;
///   growth rehashes at most `count / shardCount` entries at a time. An empty instance allocates nothing; the
///   first insert allocates the shard table (2 KiB).
///
/// Its members are `@inlinable`, so that callers in other modules get code specialised to their key and value
/// types: unspecialised, generic lookups cost the emulator more than the pauses they remove.
public struct ShardedDictionary<Key: Hashable, Value> {
    /// Shards per dictionary; a power of two, so the shard is the hash's low bits.
    @inlinable public static var shardCount: Int { 256 }

    /// Empty until the first insert, then exactly ``shardCount`` dictionaries.
    @usableFromInline var shards: [[Key: Value]] = []
    /// Entries across all shards.
    @inlinable public var count: Int { storedCount }
    @usableFromInline var storedCount = 0

    @inlinable public init() {}

    /// Whether there are no entries.
    @inlinable public var isEmpty: Bool { count == 0 }

    @inlinable static func shard(of key: Key) -> Int { key.hashValue & (shardCount - 1) }

    /// The value for `key`, or `nil`; setting `nil` removes the entry. Mutations happen in place, as through a
    /// `Dictionary`'s subscript (the value is not copied out and back).
    @inlinable public subscript(key: Key) -> Value? {
        get {
            shards.isEmpty ? nil : shards[Self.shard(of: key)][key]
        }
        _modify {
            if shards.isEmpty { shards = Array(repeating: [:], count: Self.shardCount) }
            let shard = Self.shard(of: key)
            let before = shards[shard].count
            defer { storedCount += shards[shard].count - before }
            yield &shards[shard][key]
        }
    }

    /// Removes the entry for `key` and returns its value, or `nil` when there was none.
    @inlinable @discardableResult
    public mutating func removeValue(forKey key: Key) -> Value? {
        guard !shards.isEmpty, let old = shards[Self.shard(of: key)].removeValue(forKey: key) else { return nil }
        storedCount -= 1
        return old
    }

    /// Every key, in unspecified order. O(`count`).
    @inlinable public var keys: [Key] { shards.flatMap(\.keys) }
}

extension ShardedDictionary: Sequence {
    /// Entries shard by shard, in unspecified order.
    @inlinable public func makeIterator() -> FlattenSequence<[[Key: Value]]>.Iterator {
        shards.joined().makeIterator()
    }
}

extension ShardedDictionary: Sendable where Key: Sendable, Value: Sendable {}
