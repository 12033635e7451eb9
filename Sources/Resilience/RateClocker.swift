import Foundation

/// botocore's `RateClocker` (`retries/adaptive.py`): the measured response rate, smoothed (0.8) over
/// half-second buckets.
struct RateClocker {
    static let smoothing = 0.8
    static let bucketsPerSecond = 2.0

    private(set) var measuredRate = 0.0
    private var lastBucket: Double
    private var count = 0.0

    /// - Parameter start: the creation time in seconds (botocore floors it to a whole second).
    init(start: Double) { lastBucket = start.rounded(.down) }

    /// Counts one response at `t` (seconds) and returns the measured rate.
    mutating func record(at t: Double) -> Double {
        let bucket = (t * Self.bucketsPerSecond).rounded(.down) / Self.bucketsPerSecond
        count += 1
        if bucket > lastBucket {
            let rate = count / (bucket - lastBucket)
            measuredRate = rate * Self.smoothing + measuredRate * (1 - Self.smoothing)
            count = 0
            lastBucket = bucket
        }
        return measuredRate
    }
}
