import AWSModel
import BenchCore
import Foundation
import Testing

@testable import Resilience

/// Adaptive mode's client-side rate limiter (`wire.md` §3.3) on a manual clock.
@Suite("Adaptive rate limiter")
struct AdaptiveRetryTests {
    @Test func noLimiterDelayBeforeTheFirstThrottleAndDelaysAfter() async {
        let clock = ManualClock()
        let strategy = AdaptiveRetryStrategy(start: clock.now)
        for sequence in 0..<20 {
            clock.advance(by: 10_000_000)
            let record = await runCall(strategy, [Fixtures.ok], clock: clock, sequence: UInt64(sequence))
            #expect(record.attempts[0].limiterWaitNanoseconds == 0)
        }
        #expect(!strategy.limiter.isEnabled)

        let throttled = await runCall(strategy, [Fixtures.latticeThrottle, Fixtures.ok], clock: clock, sequence: 100)
        #expect(strategy.limiter.isEnabled)
        #expect(throttled.attemptCount == 2)
        #expect(throttled.attempts[1].limiterWaitNanoseconds > 0)
        // First attempts of later calls wait too, and the waits are slept on the clock.
        var waits: [UInt64] = []
        for sequence in 101..<105 {
            let record = await runCall(strategy, [Fixtures.ok], clock: clock, sequence: UInt64(sequence))
            waits.append(record.attempts[0].limiterWaitNanoseconds)
            #expect(
                record.attempts[0].end.nanoseconds(since: record.attempts[0].intendedSend)
                    >= record.attempts[0].limiterWaitNanoseconds)
        }
        #expect(waits.allSatisfy { $0 > 0 })
        #expect(strategy.statistics.limiterDelayedSends >= 5)
    }

    @Test func throttlesLowerTheRateAndSuccessesRaiseIt() {
        let limiter = ClientRateLimiter(start: .zero)
        // 40 responses per second for 5 s, measured, then a throttle.
        var t: UInt64 = 0
        for _ in 0..<200 {
            t += 25_000_000
            limiter.record(throttled: false, at: Instant(nanoseconds: t))
        }
        limiter.record(throttled: true, at: Instant(nanoseconds: t))
        let afterThrottle = limiter.currentRate
        // CUBIC: 0.7 x the measured rate (about 40/s).
        #expect(afterThrottle > 20 && afterThrottle < 35)
        for _ in 0..<120 {
            t += 25_000_000
            limiter.record(throttled: false, at: Instant(nanoseconds: t))
        }
        #expect(limiter.currentRate > afterThrottle)
        #expect(limiter.currentRate <= 2 * 41)
    }

    @Test func bucketNeverFillsSlowerThanHalfATokenPerSecond() {
        var bucket = TokenBucket(maxRate: 0)
        #expect(bucket.maxRate == 0.5)
        #expect(bucket.acquire(at: 0) == 2)
        #expect(bucket.acquire(at: 0) == 4)
        #expect(bucket.acquire(at: 10) == 0)
    }

    @Test func cubicMatchesBotocore() {
        var cubic = CubicCalculator(startingMaxRate: 0, start: 0)
        #expect(abs(cubic.errorReceived(rate: 10, at: 1) - 7) < 1e-9)
        // K = cbrt(10 * 0.3 / 0.4); at t = 1 + K the rate is back at wMax.
        let k = cbrt(7.5)
        #expect(abs(cubic.successReceived(at: 1 + k) - 10) < 1e-9)
        #expect(abs(cubic.successReceived(at: 1) - (10 - 0.4 * 7.5)) < 1e-9)
    }
}
