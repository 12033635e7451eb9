/// A hash table whose entries (the key's ``ByteHash``, the key and the value) sit side by side in one array:
/// open addressing with linear probing, so a look-up reads the slots from the key's bucket on, usually one.
///
/// A `Dictionary` keeps its occupancy bitmap, its keys and its values in three separate regions, and a
/// ``ShardedDictionary`` gives each shard a `Dictionary` of its own: a look-up of a key that is not in the cache
/// misses on the shard's storage header, its bitmap, the key and the value. Under issue 8's P3 mix, where the
/// other operations' state pushes a Lattice group's targets out of the cache, those misses made
/// `RegisterTargets`' look-ups cost about twice what they cost alone (`docs/performance-journal.md`, "Why a mixed
/// call costs more than its operations alone"). Here the same look-up reads one slot.
///
/// Growth doubles the array and moves every entry by its stored hash (no key is hashed again): O(`count`) at once,
/// so keep it to tables of bounded size (a target group's targets); ``ShardedDictionary`` grows a shard at a time.
/// Removal shifts the entries that follow back into the gap (no tombstones), so a table that churns does not slow.
/// Iteration order is unspecified and differs between processes (the hash is seeded per process).
///
///     var targets = FlatHashTable<String, UInt64>()
///     targets["10.0.0.1"] = 0
///     targets["10.0.0.1"]   // 0
///     targets.count         // 1
///
/// - Complexity: look-ups, inserts and removals O(1) on average, one ``ByteHashable/byteHash(seed:)`` of the key;
///   growth O(`count`). An empty table allocates nothing; the first insert allocates 16 slots.
public struct FlatHashTable<Key: ByteHashable, Value> {
    /// One entry: the key beside its hash (``Prehashed``, which compares the hashes before the keys), and the value.
    @usableFromInline struct Entry {
        @usableFromInline var key: Prehashed<Key>
        @usableFromInline var value: Value

        @inlinable init(key: Prehashed<Key>, value: Value) {
            self.key = key
            self.value = value
        }
    }

    /// A power of two long (or empty), at most three quarters full, so that a probe always ends at an empty slot.
    @usableFromInline var slots: ContiguousArray<Entry?> = []
    /// Entries held.
    @usableFromInline var storedCount = 0

    @inlinable public init() {}

    /// Entries held.
    @inlinable public var count: Int { storedCount }

    /// Whether there are no entries.
    @inlinable public var isEmpty: Bool { storedCount == 0 }

    /// The value for `key`, or `nil`; setting `nil` removes the entry.
    @inlinable public subscript(key: Key) -> Value? {
        get {
            guard let slot = slot(of: Prehashed(key)), let entry = slots[slot] else { return nil }
            return entry.value
        }
        set {
            if let newValue { insert(newValue, for: key) } else { removeValue(forKey: key) }
        }
    }

    /// Removes the entry for `key` and returns its value, or `nil` when there was none.
    @inlinable @discardableResult
    public mutating func removeValue(forKey key: Key) -> Value? {
        guard let slot = slot(of: Prehashed(key)), let old = slots[slot] else { return nil }
        remove(at: slot)
        return old.value
    }

    /// The slot holding `key`, or the empty slot its probe ended at; `nil` when there are no slots.
    @inlinable func slot(of key: Prehashed<Key>) -> Int? {
        guard !slots.isEmpty else { return nil }
        let mask = slots.count - 1
        var slot = Self.bucket(key, mask: mask)
        while let entry = slots[slot] {
            if entry.key == key { return slot }
            slot = (slot + 1) & mask
        }
        return slot
    }

    /// The first slot `key` probes: its hash's low bits, after ``ByteHash/mix(_:)`` (so a key type whose hashes
    /// differ only in their high bits still spreads over the slots).
    @inlinable static func bucket(_ key: Prehashed<Key>, mask: Int) -> Int {
        Int(truncatingIfNeeded: ByteHash.mix(UInt64(UInt(bitPattern: key.hash)))) & mask
    }

    /// Sets `key`'s value: in place when the key is held, else in the empty slot its probe ended at (after growing
    /// when the table would be more than three quarters full).
    @inlinable mutating func insert(_ value: Value, for key: Key) {
        let key = Prehashed(key)
        var found = slot(of: key)
        if let slot = found, slots[slot] != nil {
            slots[slot]!.value = value
            return
        }
        if (storedCount + 1) * 4 > slots.count * 3 {
            grow()
            found = slot(of: key)
        }
        slots[found!] = Entry(key: key, value: value)  // an empty slot: growth leaves room
        storedCount += 1
    }

    /// Doubles the slots (16 at first) and moves every entry to its bucket in them.
    @inlinable mutating func grow() {
        var grown = ContiguousArray<Entry?>(repeating: nil, count: Swift.max(16, slots.count * 2))
        let mask = grown.count - 1
        for case let entry? in slots {
            var slot = Self.bucket(entry.key, mask: mask)
            while grown[slot] != nil { slot = (slot + 1) & mask }
            grown[slot] = entry
        }
        slots = grown
    }

    /// Empties `slot` and moves back each following entry of the probe run that may stand in the gap (one whose
    /// bucket is not cyclically after the gap), so that every entry stays reachable from its bucket.
    @inlinable mutating func remove(at slot: Int) {
        let mask = slots.count - 1
        var gap = slot
        var next = (slot + 1) & mask
        while let entry = slots[next] {
            let bucket = Self.bucket(entry.key, mask: mask)
            // Distances from the entry's bucket, cyclically: it may move into the gap when the gap lies between its
            // bucket and where it is now.
            if (next - bucket) & mask >= (next - gap) & mask {
                slots[gap] = entry
                gap = next
            }
            next = (next + 1) & mask
        }
        slots[gap] = nil
        storedCount -= 1
    }
}

extension FlatHashTable: Sequence {
    /// Entries in slot order, which is unspecified.
    public struct Iterator: IteratorProtocol {
        @usableFromInline var slots: IndexingIterator<ContiguousArray<Entry?>>

        @inlinable init(_ slots: IndexingIterator<ContiguousArray<Entry?>>) { self.slots = slots }

        @inlinable public mutating func next() -> (key: Key, value: Value)? {
            while let slot = slots.next() {
                if let entry = slot { return (key: entry.key.key, value: entry.value) }
            }
            return nil
        }
    }

    @inlinable public func makeIterator() -> Iterator { Iterator(slots.makeIterator()) }

    @inlinable public var underestimatedCount: Int { storedCount }
}

extension FlatHashTable.Entry: Sendable where Key: Sendable, Value: Sendable {}
extension FlatHashTable: Sendable where Key: Sendable, Value: Sendable {}
