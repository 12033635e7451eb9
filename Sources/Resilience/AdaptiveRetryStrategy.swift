import BenchCore

/// botocore's `adaptive` mode (`wire.md` §3.3): the standard rules and quota plus the client's
/// ``ClientRateLimiter``, which every send passes once a throttling response has switched it on.
public struct AdaptiveRetryStrategy: RetryStrategy {
    public let standard: StandardRetryStrategy
    public let limiter: ClientRateLimiter

    public var name: String { "adaptive" }
    public var maxAttempts: Int { standard.maxAttempts }

    /// - Parameters:
    ///   - rules: the standard rules underneath (botocore: the pre-2026 ones).
    ///   - start: the instant the client is created, on the clock the caller sleeps on.
    public init(_ rules: StandardRetryStrategy.Rules = .standard, start: Instant) {
        standard = StandardRetryStrategy(rules)
        limiter = ClientRateLimiter(start: start)
    }

    public func admit(at now: Instant) -> UInt64 { limiter.admit(at: now) }

    public func decide(_ context: RetryContext, random: inout SplitMix64) -> RetryDecision {
        limiter.record(
            throttled: RetryErrorClass.isThrottling(context.result, service: context.service), at: context.now)
        return standard.decide(context, random: &random)
    }

    public var statistics: RetryStatistics {
        var statistics = standard.statistics
        (statistics.limiterDelayedSends, statistics.limiterDelayNanoseconds) = limiter.delayCounters
        return statistics
    }
}
