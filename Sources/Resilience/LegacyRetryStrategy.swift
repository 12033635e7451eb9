import BenchCore

/// botocore's `legacy` mode (`retryhandler.py` with `_retry.json` `__default__`, `wire.md` §3.4): the default
/// mode of botocore 1.43.11.
///
/// Retries socket errors, any 429/500/502/503/504/509, and the throttling codes only with status 400. The delay
/// before attempt k+1 is `U(0, 2^(k-1))` seconds with no cap; there is no retry quota and no modeled check.
public struct LegacyRetryStrategy: RetryStrategy {
    public var name: String { "legacy" }
    public let maxAttempts: Int
    /// An optional cap on one delay, in seconds (botocore has none).
    public let maxBackoffSeconds: Double?

    /// - Parameters:
    ///   - maxAttempts: total attempts, first included (botocore: 5).
    ///   - maxBackoffSeconds: a cap on one delay; nil (botocore) for none.
    public init(maxAttempts: Int = 5, maxBackoffSeconds: Double? = nil) {
        self.maxAttempts = max(1, maxAttempts)
        self.maxBackoffSeconds = maxBackoffSeconds
    }

    public func decide(_ context: RetryContext, random: inout SplitMix64) -> RetryDecision {
        let retryable = RetryErrorClass.isLegacyRetryable(context.result)
        if let verdict = context.preliminaryDecision(retryable: retryable, maxAttempts: maxAttempts) { return verdict }
        let bound = Backoff.exponentialBound(attempt: context.attempt, base: 1, cap: maxBackoffSeconds)
        return .retry(afterSeconds: random.nextUnitDouble() * bound)
    }
}

/// The exponential backoff bound shared by the botocore strategies.
enum Backoff {
    /// `min(base * 2^(attempt-1), cap)` seconds: the upper bound of the jittered delay after attempt `attempt`.
    static func exponentialBound(attempt: Int, base: Double, cap: Double?) -> Double {
        let bound = base * Double(sign: .plus, exponent: max(0, attempt - 1), significand: 1)
        guard let cap else { return bound }
        return min(bound, cap)
    }
}
