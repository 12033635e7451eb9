import AWSModel
import BenchCore

/// A retry strategy under test: decides, after each attempt of one logical call, whether to try again and
/// after how long.
///
/// One strategy value serves one client: its shared state (retry quota, client-side rate limiter) is
/// thread-safe and shared by every call the client makes. Per-call state lives in ``RetryContext``, which the
/// caller (``CallPipeline``) carries; random draws come from the per-call generator it passes in, so decisions
/// replay exactly under concurrency.
public protocol RetryStrategy: Sendable {
    /// A short name for reports: `none`, `legacy`, `standard`, `standard2026`, `adaptive` or a custom name.
    var name: String { get }
    /// The total number of attempts a call may make (first attempt included).
    var maxAttempts: Int { get }
    /// Admits one send at `now` and returns how many nanoseconds it must wait first (the client-side rate
    /// limiter of adaptive mode; 0 for every other strategy). Every send calls this, first attempts included.
    func admit(at now: Instant) -> UInt64
    /// Decides what follows the attempt `context.attempt`, and updates the shared state (quota, limiter).
    /// Called exactly once per attempt, success included (a success refunds retry quota).
    func decide(_ context: RetryContext, random: inout SplitMix64) -> RetryDecision
    /// Counters of the shared state, for reports.
    var statistics: RetryStatistics { get }
}

extension RetryStrategy {
    public func admit(at now: Instant) -> UInt64 { 0 }
    public var statistics: RetryStatistics { RetryStatistics() }
}

/// What a strategy knows when it decides about one attempt.
public struct RetryContext: Sendable {
    /// The service the call goes to.
    public var service: AWSService
    /// The API operation name.
    public var operation: String
    /// The 1-based number of the attempt that just ended.
    public var attempt: Int
    /// How the attempt ended.
    public var result: AttemptResult
    /// Nanoseconds from the start of the call to now.
    public var elapsedNanoseconds: UInt64
    /// The instant of the decision.
    public var now: Instant
    /// The retry quota the latest retry of this call acquired (0 before any retry): what a success refunds.
    public var quotaHeld: Int

    public init(
        service: AWSService, operation: String, attempt: Int, result: AttemptResult,
        elapsedNanoseconds: UInt64 = 0, now: Instant = .zero, quotaHeld: Int = 0
    ) {
        self.service = service
        self.operation = operation
        self.attempt = attempt
        self.result = result
        self.elapsedNanoseconds = elapsedNanoseconds
        self.now = now
        self.quotaHeld = quotaHeld
    }
}

/// Why a call stopped without success.
public enum GiveUpReason: String, Sendable, Hashable, Codable, CaseIterable {
    /// The last result was not retryable (or the call was cancelled).
    case notRetryable
    /// The result was retryable but the call had made its maximum number of attempts.
    case maxAttempts
    /// The result was retryable but the client's retry quota could not pay for another attempt.
    case quotaExhausted
    /// The caller's task was cancelled.
    case cancelled
}

/// The verdict after one attempt.
public enum RetryDecision: Sendable, Hashable {
    /// The attempt succeeded; the call is over.
    case done
    /// Try again after `delayNanoseconds`; `quotaAcquired` is the retry quota this retry took (0 for none).
    case retry(delayNanoseconds: UInt64, quotaAcquired: Int)
    /// Stop and report the last result.
    case giveUp(GiveUpReason)

    /// A retry after `seconds` (negative and NaN become 0), taking no quota.
    public static func retry(afterSeconds seconds: Double, quotaAcquired: Int = 0) -> RetryDecision {
        .retry(delayNanoseconds: nanoseconds(seconds), quotaAcquired: quotaAcquired)
    }

    /// Whole nanoseconds in `seconds`, clamped to `0...UInt64.max`.
    static func nanoseconds(_ seconds: Double) -> UInt64 {
        guard seconds > 0 else { return 0 }
        let nanos = seconds * 1e9
        return nanos >= 1.8e19 ? .max : UInt64(nanos)
    }
}

/// Counters of a strategy's shared state.
public struct RetryStatistics: Sendable, Hashable, Codable {
    /// Times a retry was refused because the retry quota could not pay for it.
    public var quotaExhaustionEvents: Int = 0
    /// The retry quota left now (nil for strategies without one).
    public var quotaAvailable: Int?
    /// Sends the adaptive rate limiter delayed.
    public var limiterDelayedSends: Int = 0
    /// Nanoseconds of delay the adaptive rate limiter imposed in total.
    public var limiterDelayNanoseconds: UInt64 = 0

    public init() {}
}

extension RetryContext {
    /// The verdict every strategy starts with: `.done` on success, `.giveUp(.notRetryable)` when `retryable` is
    /// false, `.giveUp(.maxAttempts)` when no attempt is left; nil when the strategy must decide on.
    func preliminaryDecision(retryable: Bool, maxAttempts: Int) -> RetryDecision? {
        if result.isSuccess { return .done }
        if !retryable { return .giveUp(.notRetryable) }
        if attempt >= maxAttempts { return .giveUp(.maxAttempts) }
        return nil
    }
}
