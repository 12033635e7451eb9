import BenchCore

/// One attempt per call, never a retry (botocore with `total_max_attempts=1`).
public struct NoRetryStrategy: RetryStrategy {
    public var name: String { "none" }
    public var maxAttempts: Int { 1 }

    public init() {}

    public func decide(_ context: RetryContext, random: inout SplitMix64) -> RetryDecision {
        context.preliminaryDecision(retryable: true, maxAttempts: 1) ?? .giveUp(.maxAttempts)
    }
}
