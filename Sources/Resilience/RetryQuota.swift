import Synchronization

/// botocore's per-client retry quota (`retries/quota.py`): a thread-safe pool of capacity that retries spend
/// and successes refill, so a client facing a broken endpoint stops retrying instead of multiplying load.
///
/// Lock-free, and a success while the pool is full (every call of a healthy run) only reads it: the workers of a
/// run share one quota, and a write by each success, even under a lock, moved its memory between their cores at
/// every call (`RetryQuota.release` was 3 % of the profile of issue 8's cheapest call; `docs/performance-journal.md`).
public final class RetryQuota: Sendable {
    /// The capacity the quota starts with and never exceeds (botocore: 500).
    public let capacity: Int
    private let pool: Atomic<Int>
    private let exhaustions = Atomic<Int>(0)

    public init(capacity: Int = 500) {
        self.capacity = max(0, capacity)
        pool = Atomic(max(0, capacity))
    }

    /// The capacity left now.
    public var available: Int { pool.load(ordering: .relaxed) }
    /// How many acquisitions were refused.
    public var exhaustionEvents: Int { exhaustions.load(ordering: .relaxed) }

    /// Takes `amount` if that much is left; otherwise takes nothing, counts an exhaustion event and returns false.
    /// - Complexity: O(1); a retry on contention.
    public func acquire(_ amount: Int) -> Bool {
        var left = pool.load(ordering: .relaxed)
        while amount <= left {
            let (exchanged, found) = pool.compareExchange(
                expected: left, desired: left - amount, ordering: .relaxed)
            if exchanged { return true }
            left = found
        }
        exhaustions.add(1, ordering: .relaxed)
        return false
    }

    /// Gives back `amount`, capped at ``capacity``; a read, and no write, when the pool is already full.
    /// - Complexity: O(1); a retry on contention.
    public func release(_ amount: Int) {
        var left = pool.load(ordering: .relaxed)
        while amount > 0, left < capacity {
            let (exchanged, found) = pool.compareExchange(
                expected: left, desired: amount >= capacity - left ? capacity : left + amount, ordering: .relaxed)
            if exchanged { return }
            left = found
        }
    }
}
