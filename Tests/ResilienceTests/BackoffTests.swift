import AWSModel
import BenchCore
import Testing

@testable import Resilience

/// Backoff bounds per attempt (`wire.md` §3.2 table) over many seeds, and the `x-amz-retry-after` hint.
@Suite("Retry backoff")
struct BackoffTests {
    /// The delays (seconds) `strategy` chooses after attempts 1... of an always-failing call, one list per seed.
    static func delays(
        _ makeStrategy: () -> any RetryStrategy, result: AttemptResult, service: AWSService = .vpcLattice,
        seeds: Int = 400
    ) -> [[Double]] {
        (0..<seeds).map { seed in
            let strategy = makeStrategy()
            var random = SplitMix64(seed: UInt64(seed))
            var delays: [Double] = []
            for attempt in 1..<strategy.maxAttempts {
                let context = RetryContext(
                    service: service, operation: "GetTargetGroup", attempt: attempt, result: result)
                guard case .retry(let nanos, _) = strategy.decide(context, random: &random) else { break }
                delays.append(Double(nanos) / 1e9)
            }
            return delays
        }
    }

    /// Checks that delay i lies in [0, bound[i]) and that the largest observed is close to the bound.
    static func expectBounds(_ delays: [[Double]], _ bounds: [Double], closeness: Double = 0.97) {
        for (index, bound) in bounds.enumerated() {
            let column = delays.map { $0[index] }
            #expect(column.allSatisfy { $0 >= 0 && $0 < bound }, "before attempt \(index + 2)")
            #expect((column.max() ?? 0) > bound * closeness, "before attempt \(index + 2)")
        }
    }

    @Test func standardBoundsDoubleUpToTwentySeconds() {
        var rules = StandardRetryStrategy.Rules.standard
        rules.maxAttempts = 8
        rules.quotaCapacity = 1_000_000
        let delays = Self.delays({ StandardRetryStrategy(rules) }, result: Fixtures.bare503)
        Self.expectBounds(delays, [1, 2, 4, 8, 16, 20, 20])
    }

    @Test func standardBackoffCapIsConfigurable() {
        var rules = StandardRetryStrategy.Rules.standard
        rules.maxAttempts = 6
        rules.maxBackoffSeconds = 3
        let delays = Self.delays({ StandardRetryStrategy(rules) }, result: Fixtures.bare503)
        Self.expectBounds(delays, [1, 2, 3, 3, 3])
    }

    @Test func legacyBoundsHaveNoCap() {
        let delays = Self.delays({ LegacyRetryStrategy(maxAttempts: 7) }, result: Fixtures.bare503)
        Self.expectBounds(delays, [1, 2, 4, 8, 16, 32])
        let capped = Self.delays(
            { LegacyRetryStrategy(maxAttempts: 7, maxBackoffSeconds: 5) }, result: Fixtures.bare503)
        Self.expectBounds(capped, [1, 2, 4, 5, 5, 5])
    }

    @Test func standard2026UsesFiftyMillisecondsForTransientAndOneSecondForThrottling() {
        let transient = Self.delays({ StandardRetryStrategy(.standard2026) }, result: Fixtures.bare503)
        Self.expectBounds(transient, [0.05, 0.1])
        let throttled = Self.delays({ StandardRetryStrategy(.standard2026) }, result: Fixtures.latticeThrottle)
        Self.expectBounds(throttled, [1, 2])
    }

    @Test func sameSeedSameDelays() {
        let first = Self.delays({ StandardRetryStrategy() }, result: Fixtures.bare503, seeds: 20)
        let second = Self.delays({ StandardRetryStrategy() }, result: Fixtures.bare503, seeds: 20)
        #expect(first == second)
    }

    static func throttle(amzRetryAfterMilliseconds: Int?) -> AttemptResult {
        .serviceError(SyntheticErrors.throttle(for: .vpcLattice, amzRetryAfterMilliseconds: amzRetryAfterMilliseconds))
    }

    @Test func standard2026HonoursAmzRetryAfter() {
        // delay = max(t, min(hint, t + 5)) with t < 1 s: a 3 s hint is slept exactly.
        let delays = Self.delays(
            { StandardRetryStrategy(.standard2026) }, result: Self.throttle(amzRetryAfterMilliseconds: 3000))
        #expect(delays.allSatisfy { $0 == [3, 3] })
        // A hint above t + 5 s is clamped to t + 5 s.
        let long = Self.delays(
            { StandardRetryStrategy(.standard2026) }, result: Self.throttle(amzRetryAfterMilliseconds: 60_000))
        #expect(long.allSatisfy { $0[0] >= 5 && $0[0] < 6 })
        // A hint below t leaves t.
        let short = Self.delays(
            { StandardRetryStrategy(.standard2026) }, result: Self.throttle(amzRetryAfterMilliseconds: 0))
        Self.expectBounds(short, [1, 2])
    }

    @Test func preTwentySixStandardIgnoresBothRetryAfterHeaders() {
        let delays = Self.delays({ StandardRetryStrategy() }, result: Self.throttle(amzRetryAfterMilliseconds: 3000))
        Self.expectBounds(delays, [1, 2])
    }

    @Test func amzRetryAfterIsCarriedAsAFieldNamedAfterTheHeader() {
        var error = ServiceError.latticeThrottling()
        #expect(error.amzRetryAfterMilliseconds == nil)
        error.amzRetryAfterMilliseconds = 1500
        #expect(error.fields["x-amz-retry-after"] == .number(1500))
        error.fields["x-amz-retry-after"] = "250"
        #expect(error.amzRetryAfterMilliseconds == 250)
        error.fields["x-amz-retry-after"] = "1.5"
        #expect(error.amzRetryAfterMilliseconds == nil)
    }

    @Test func pipelineSleepsTheChosenBackoffOnTheClock() async {
        let clock = ManualClock()
        let record = await runCall(StandardRetryStrategy(), [Fixtures.bare503], clock: clock)
        #expect(record.attemptCount == 3)
        let slept = record.attempts.map(\.backoffNanoseconds)
        #expect(slept[0] == 0 && slept[1] < 1_000_000_000 && slept[2] < 2_000_000_000)
        #expect(record.attempts[2].intendedSend.nanoseconds == slept[1] + slept[2])
        #expect(record.backoffNanoseconds == slept[1] + slept[2])
        #expect(clock.now.nanoseconds == record.backoffNanoseconds)
    }
}
