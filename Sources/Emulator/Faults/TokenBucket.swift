import BenchCore

/// A token bucket in its virtual-scheduling form (the generic cell rate algorithm): instead of a token count
/// refilled on every call, it keeps one instant, the theoretical arrival time, and integer nanoseconds, so
/// refills are exact on a ``ManualClock`` and never drift.
///
/// A full bucket holds `burst` tokens; one token comes back every `1 / rate` seconds.
/// - Complexity: O(1) per request, no allocation.
struct TokenBucket: Sendable {
    /// Nanoseconds per token.
    private let interval: UInt64
    /// How far past `now` the theoretical arrival time may run: `burst - 1` intervals.
    private let tolerance: UInt64
    /// When the bucket would next hold a token if requests had arrived exactly on schedule.
    private var theoreticalArrival: Instant = .zero

    /// The bucket of `limit`, full. A rate that is not finite and positive never refills; a burst below 1 is 1.
    init(_ limit: EmulatorFaults.RateLimit) {
        let nanosecondsPerToken = 1e9 / limit.rate
        let never = UInt64.max / 4
        interval =
            limit.rate > 0 && nanosecondsPerToken < Double(never)
            ? max(1, UInt64(nanosecondsPerToken.rounded())) : never
        let (product, overflow) = interval.multipliedReportingOverflow(by: UInt64(max(limit.burst, 1) - 1))
        tolerance = overflow ? UInt64.max / 2 : product
    }

    /// Takes a token at `now`.
    /// - Returns: `nil` when a token was taken, else the nanoseconds until the next one (nothing is taken).
    mutating func take(at now: Instant) -> UInt64? {
        let start = max(theoreticalArrival, now)
        let ahead = start.nanoseconds - now.nanoseconds
        guard ahead <= tolerance else { return ahead - tolerance }
        let (next, overflow) = start.nanoseconds.addingReportingOverflow(interval)
        theoreticalArrival = Instant(nanoseconds: overflow ? .max : next)
        return nil
    }
}
