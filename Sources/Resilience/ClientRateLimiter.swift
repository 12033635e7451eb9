import BenchCore
import Synchronization

/// The client-side rate limiter of adaptive mode (`retries/adaptive.py` `ClientRateLimiter`, `wire.md` §3.3):
/// a CUBIC-controlled token bucket, disabled until the first throttling response.
///
/// Time is the injected clock's, in seconds. botocore blocks a sender on a condition variable until the bucket
/// has a token; here ``admit(at:)`` reserves the token at once (later senders queue behind earlier ones) and
/// returns the wait, which the caller sleeps on the clock. The one difference: a rate change while a sender
/// waits does not shorten or lengthen a wait already granted.
public final class ClientRateLimiter: Sendable {
    /// botocore's `_MAX_RATE_ADJUST_SCALE`: the bucket rate never exceeds twice the measured rate.
    static let maxRateAdjustScale = 2.0

    private struct State {
        var enabled = false
        var bucket = TokenBucket(maxRate: 1)
        var clocker: RateClocker
        var cubic: CubicCalculator
        var delayedSends = 0
        var delayNanoseconds: UInt64 = 0
    }

    private let state: Mutex<State>

    /// - Parameter start: the instant the client was created (the CUBIC calculator's first "last failure").
    public init(start: Instant) {
        let t = start.seconds
        state = Mutex(State(clocker: RateClocker(start: t), cubic: CubicCalculator(startingMaxRate: 0, start: t)))
    }

    /// Whether a throttling response has switched the limiter on.
    public var isEnabled: Bool { state.withLock { $0.enabled } }
    /// The bucket's current fill rate (requests per second).
    public var currentRate: Double { state.withLock { $0.bucket.maxRate } }

    /// Admits one send at `now`; returns the nanoseconds it must wait (0 while the limiter is disabled).
    /// - Complexity: O(1) under one lock.
    public func admit(at now: Instant) -> UInt64 {
        state.withLock { s in
            guard s.enabled else { return 0 }
            let wait = RetryDecision.nanoseconds(s.bucket.acquire(at: now.seconds))
            if wait > 0 {
                s.delayedSends += 1
                s.delayNanoseconds &+= wait
            }
            return wait
        }
    }

    /// Feeds one response (any attempt's) into the rate measurement and the CUBIC controller.
    public func record(throttled: Bool, at now: Instant) {
        let t = now.seconds
        state.withLock { s in
            let measured = s.clocker.record(at: t)
            let newRate: Double
            if throttled {
                let rateToUse = s.enabled ? min(measured, s.bucket.maxRate) : measured
                newRate = s.cubic.errorReceived(rate: rateToUse, at: t)
                s.enabled = true
            } else {
                newRate = s.cubic.successReceived(at: t)
            }
            s.bucket.maxRate = min(newRate, Self.maxRateAdjustScale * measured)
        }
    }

    /// Sends delayed and the total delay imposed.
    var delayCounters: (sends: Int, nanoseconds: UInt64) { state.withLock { ($0.delayedSends, $0.delayNanoseconds) } }
}
