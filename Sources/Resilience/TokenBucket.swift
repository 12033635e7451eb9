/// botocore's `TokenBucket` (`retries/bucket.py`) with reservation instead of blocking.
///
/// - Complexity: O(1) per acquisition.
///
/// Starts empty; refills at `fillRate` tokens per second up to `max(maxRate, 1)`; the rate never drops below
/// 0.5 per second.
struct TokenBucket {
    /// botocore's `_MIN_RATE`.
    static let minRate = 0.5

    private(set) var fillRate = 0.0
    private var maxCapacity = 1.0
    private var capacity = 0.0
    private var lastTimestamp: Double?

    init(maxRate: Double) { self.maxRate = maxRate }

    /// The fill rate; setting it clamps to ``minRate``, resizes the capacity and trims the balance.
    var maxRate: Double {
        get { fillRate }
        set {
            let value = max(newValue, Self.minRate)
            maxCapacity = value >= 1 ? value : 1
            capacity = min(capacity, maxCapacity)
            fillRate = value
        }
    }

    /// Takes one token at time `t` (seconds) and returns how many seconds the taker must wait for it.
    ///
    /// A taker that must wait leaves the bucket as botocore's blocked acquirer does when it wakes: empty, and
    /// last refilled at the moment its token became available. Later takers queue behind it.
    mutating func acquire(at t: Double) -> Double {
        refill(at: t)
        let base = lastTimestamp ?? t
        if capacity >= 1 {
            capacity -= 1
            return 0
        }
        let ready = base + (1 - capacity) / fillRate
        lastTimestamp = ready
        capacity = 0
        return ready - t
    }

    /// Adds what accrued since the last refill; a refill before a queued taker's moment adds nothing.
    private mutating func refill(at t: Double) {
        guard let last = lastTimestamp else {
            lastTimestamp = t
            return
        }
        guard t > last else { return }
        capacity = min(maxCapacity, capacity + (t - last) * fillRate)
        lastTimestamp = t
    }
}
