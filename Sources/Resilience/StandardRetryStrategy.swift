import BenchCore

/// botocore's `standard` mode (`retries/standard.py`, `wire.md` §3.2), pre-2026 or with the 2026 rules.
///
/// Retries transient errors (codes, 500/502/503/504, connection errors), the throttling codes and the modeled
/// retryable errors, but not a bare 429. Each retry must be paid from the client's ``RetryQuota``; a success
/// refunds 1 if it needed no retry, else what its latest retry acquired.
public struct StandardRetryStrategy: RetryStrategy {
    /// The numbers that tell the pre-2026 rules from the 2026 ones (`features.md` §5.2).
    public struct Rules: Sendable, Hashable {
        public var name: String
        /// Total attempts, first included.
        public var maxAttempts: Int
        /// The cap on the backoff bound, in seconds.
        public var maxBackoffSeconds: Double
        /// Backoff base for throttling errors, in seconds: the bound after attempt n is `base * 2^(n-1)`.
        public var throttlingBaseSeconds: Double
        /// Backoff base for every other retryable result, in seconds.
        public var transientBaseSeconds: Double
        /// Quota cost of a retry after a throttling error.
        public var throttlingCost: Int
        /// Quota cost of a retry after a timeout.
        public var timeoutCost: Int
        /// Quota cost of any other retry.
        public var transientCost: Int
        /// Whether the `x-amz-retry-after` hint (milliseconds) is honoured: `delay = max(t, min(hint, t + 5 s))`.
        public var honoursAmzRetryAfter: Bool
        /// The client's retry quota capacity.
        public var quotaCapacity: Int

        /// botocore 1.43.11 as installed (NEW_RETRIES off): 3 attempts, `U(0, min(2^(n-1), 20))`, costs 5/10.
        public static let standard = Rules(
            name: "standard", maxAttempts: 3, maxBackoffSeconds: 20, throttlingBaseSeconds: 1,
            transientBaseSeconds: 1, throttlingCost: 5, timeoutCost: 10, transientCost: 5,
            honoursAmzRetryAfter: false, quotaCapacity: 500)

        /// The 2026 rules (`AWS_NEW_RETRIES_2026=true`): bases 50 ms / 1 s, costs 14 (timeouts included) and 5
        /// for throttling, `x-amz-retry-after` honoured.
        public static let standard2026 = Rules(
            name: "standard2026", maxAttempts: 3, maxBackoffSeconds: 20, throttlingBaseSeconds: 1,
            transientBaseSeconds: 0.05, throttlingCost: 5, timeoutCost: 14, transientCost: 14,
            honoursAmzRetryAfter: true, quotaCapacity: 500)
    }

    public let rules: Rules
    /// The client's retry quota, shared by every call through this strategy value.
    public let quota: RetryQuota

    public var name: String { rules.name }
    public var maxAttempts: Int { rules.maxAttempts }

    public init(_ rules: Rules = .standard) {
        var rules = rules
        rules.maxAttempts = max(1, rules.maxAttempts)
        self.rules = rules
        quota = RetryQuota(capacity: rules.quotaCapacity)
    }

    public var statistics: RetryStatistics {
        var statistics = RetryStatistics()
        statistics.quotaExhaustionEvents = quota.exhaustionEvents
        statistics.quotaAvailable = quota.available
        return statistics
    }

    public func decide(_ context: RetryContext, random: inout SplitMix64) -> RetryDecision {
        if context.result.isSuccess {
            quota.release(context.quotaHeld > 0 ? context.quotaHeld : 1)
            return .done
        }
        let retryable = RetryErrorClass.isStandardRetryable(context.result, service: context.service)
        if let verdict = context.preliminaryDecision(retryable: retryable, maxAttempts: rules.maxAttempts) {
            return verdict
        }
        let throttling = RetryErrorClass.isThrottling(context.result, service: context.service)
        let cost =
            throttling
            ? rules.throttlingCost
            : context.result.transportFailure?.isTimeout == true ? rules.timeoutCost : rules.transientCost
        guard quota.acquire(cost) else { return .giveUp(.quotaExhausted) }
        let base = throttling ? rules.throttlingBaseSeconds : rules.transientBaseSeconds
        let bound = Backoff.exponentialBound(attempt: context.attempt, base: base, cap: rules.maxBackoffSeconds)
        var delay = random.nextUnitDouble() * bound
        if rules.honoursAmzRetryAfter, let hint = context.result.serviceError?.amzRetryAfterSeconds {
            delay = max(delay, min(hint, delay + 5))
        }
        return .retry(afterSeconds: delay, quotaAcquired: cost)
    }
}
