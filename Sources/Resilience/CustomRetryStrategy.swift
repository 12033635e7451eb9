import BenchCore

/// A strategy written in a scenario file: a `@Sendable` closure decides retry and delay for every failed
/// attempt that still has attempts left. Success and the attempt limit are handled before the closure runs.
public struct CustomRetryStrategy: RetryStrategy {
    /// Decides after a failed attempt: `.retry(...)` or `.giveUp(...)`. Draw randomness only from `random`.
    public typealias Decide = @Sendable (RetryContext, inout SplitMix64) -> RetryDecision

    public let name: String
    public let maxAttempts: Int
    private let decideClosure: Decide

    public init(name: String = "custom", maxAttempts: Int = 3, decide: @escaping Decide) {
        self.name = name
        self.maxAttempts = max(1, maxAttempts)
        decideClosure = decide
    }

    public func decide(_ context: RetryContext, random: inout SplitMix64) -> RetryDecision {
        if let verdict = context.preliminaryDecision(retryable: true, maxAttempts: maxAttempts) { return verdict }
        let verdict = decideClosure(context, &random)
        // `.done` means success; a failed attempt cannot be one, so it reads as "stop".
        if case .done = verdict { return .giveUp(.notRetryable) }
        return verdict
    }
}
