import Synchronization

/// botocore's per-client retry quota (`retries/quota.py`): a thread-safe pool of capacity that retries spend
/// and successes refill, so a client facing a broken endpoint stops retrying instead of multiplying load.
public final class RetryQuota: Sendable {
    private struct State {
        var available: Int
        var exhaustionEvents = 0
    }

    /// The capacity the quota starts with and never exceeds (botocore: 500).
    public let capacity: Int
    private let state: Mutex<State>

    public init(capacity: Int = 500) {
        self.capacity = max(0, capacity)
        state = Mutex(State(available: max(0, capacity)))
    }

    /// The capacity left now.
    public var available: Int { state.withLock { $0.available } }
    /// How many acquisitions were refused.
    public var exhaustionEvents: Int { state.withLock { $0.exhaustionEvents } }

    /// Takes `amount` if that much is left; otherwise takes nothing, counts an exhaustion event and returns false.
    public func acquire(_ amount: Int) -> Bool {
        state.withLock { s in
            guard amount <= s.available else {
                s.exhaustionEvents += 1
                return false
            }
            s.available -= amount
            return true
        }
    }

    /// Gives back `amount`, capped at ``capacity``.
    public func release(_ amount: Int) {
        state.withLock { s in s.available = min(capacity, s.available + max(0, amount)) }
    }
}
