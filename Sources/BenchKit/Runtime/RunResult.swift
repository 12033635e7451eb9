import AWSModel
import BenchCore
import Checker
import Emulator
import Foundation
import Resilience

/// Everything a run recorded, ready for the reports.
public struct RunResult: Sendable {
    public let scenario: Scenario
    let phases: [PhaseStats]
    public let startedAt: Instant
    public let finishedAt: Instant
    /// The wall-clock time the run started.
    public let wallStart: Date
    /// Whether the run was stopped before its phases were done.
    public let interrupted: Bool
    /// The emulator's ledger, for an embedded run.
    public let ledger: Ledger?
    /// Interval rows (downsampled on long runs) for the HTML report.
    public let timeline: [IntervalRow]
    /// The retry strategy's name and what it did across the run (quota exhaustion, limiter delays).
    public internal(set) var retryStrategy = "none"
    public internal(set) var retryStatistics = RetryStatistics()
    /// Injected faults by kind, and when each kind fired first and last (seconds since the first phase started).
    public internal(set) var faultCounts: [String: Int] = [:]
    var faultSpans: [String: ClosedRange<Double>] = [:]
    /// The token policy's name.
    public internal(set) var tokenPolicy = "stablePerCall"
    /// The idempotency checker's report, when the run was checked.
    public internal(set) var idempotency: IdempotencyReport?
    /// Why the run could not be checked (a read-back the endpoint does not implement), if it could not.
    public internal(set) var idempotencyUnchecked: String?

    /// The run's summary, as written to `summary.json`.
    public var summary: RunSummary { RunSummary(self) }
}
