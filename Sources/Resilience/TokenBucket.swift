/// botocore's `TokenBucket` (`retries/bucket.py`) with reservation instead of blocking.
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
    mutating func acquire(at t: Double) -> Double {
        refill(at: t)
        capacity -= 1
        return capacity >= 0 ? 0 : -capacity / fillRate
    }

    private mutating func refill(at t: Double) {
        guard let last = lastTimestamp else {
            lastTimestamp = t
            return
        }
        capacity = min(maxCapacity, capacity + max(0, t - last) * fillRate)
        lastTimestamp = max(last, t)
    }
}
