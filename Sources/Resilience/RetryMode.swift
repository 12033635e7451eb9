import BenchCore

/// A retry strategy as a scenario names it: a description from which each client makes its own strategy
/// (with its own quota and rate limiter).
public enum RetryMode: Sendable {
    case none
    /// botocore legacy: `maxAttempts` total (5), optional cap on one delay (none).
    case legacy(maxAttempts: Int = 5, maxBackoffSeconds: Double? = nil)
    /// botocore standard with the given rules (``StandardRetryStrategy/Rules/standard`` or `.standard2026`).
    case standardRules(StandardRetryStrategy.Rules)
    /// botocore adaptive over the given standard rules.
    case adaptiveRules(StandardRetryStrategy.Rules)
    /// A scenario's own strategy.
    case custom(name: String, maxAttempts: Int, decide: CustomRetryStrategy.Decide)

    /// botocore standard (pre-2026).
    public static var standard: RetryMode { .standardRules(.standard) }
    /// The 2026 standard rules.
    public static var standard2026: RetryMode { .standardRules(.standard2026) }
    /// botocore adaptive (pre-2026 standard rules underneath).
    public static var adaptive: RetryMode { .adaptiveRules(.standard) }

    /// A fresh strategy for one client created at `clock.now`.
    public func makeStrategy(clock: any BenchClock) -> any RetryStrategy {
        switch self {
        case .none: NoRetryStrategy()
        case .legacy(let attempts, let cap): LegacyRetryStrategy(maxAttempts: attempts, maxBackoffSeconds: cap)
        case .standardRules(let rules): StandardRetryStrategy(rules)
        case .adaptiveRules(let rules): AdaptiveRetryStrategy(rules, start: clock.now)
        case .custom(let name, let attempts, let decide):
            CustomRetryStrategy(name: name, maxAttempts: attempts, decide: decide)
        }
    }
}
