import AWSModel
import BenchCore
import Emulator
import Resilience

/// Counters and latency histograms of one operation within one phase.
///
/// Latency is kept twice, as wrk2 does: `corrected` from the intended send time (it includes the time an
/// operation waited because the generator or the endpoint fell behind, so coordinated omission does not hide
/// stalls), and `raw` from the actual send.
struct OperationStats: Sendable {
    var count = 0
    var ok = 0
    var unknown = 0
    var errors: [String: Int] = [:]
    var unknownKinds: [String: Int] = [:]
    var corrected = Histogram(significantDigits: 3)
    var raw = Histogram(significantDigits: 3)
    /// Corrected latency per outcome: `ok`, each error code, and `unknown`.
    var byOutcome: [String: Histogram] = [:]
    /// Calls by their Jepsen outcome over all attempts: `ok`, `fail` (definitely not applied), `unknown`.
    var callOutcomes: [String: Int] = [:]
    /// Calls by how many attempts they made.
    var attemptsPerCall: [Int: Int] = [:]
    var attempts = 0
    /// Nanoseconds spent sleeping in backoff before retries.
    var backoffNanoseconds: UInt64 = 0
    /// Calls that gave up, by reason (`maxAttempts`, `quotaExhausted`, `notRetryable`, `cancelled`).
    var giveUps: [String: Int] = [:]
    /// Latency of each attempt, from its actual send to its end.
    var attemptLatency = Histogram(significantDigits: 3)

    /// Adds one completed operation. O(1) amortised, no allocation once each outcome has been seen once.
    mutating func record(_ outcome: OperationOutcome, correctedNanoseconds: UInt64, rawNanoseconds: UInt64) {
        count += 1
        let key: String
        switch outcome {
        case .ok:
            ok += 1
            key = "ok"
        case .error(let code, _):
            errors[code, default: 0] += 1
            key = code
        case .unknown(let kind):
            unknown += 1
            unknownKinds[kind, default: 0] += 1
            key = "unknown"
        }
        _ = corrected.record(max(correctedNanoseconds, 1))
        _ = raw.record(max(rawNanoseconds, 1))
        byOutcome[key, default: Histogram(significantDigits: 3)].record(max(correctedNanoseconds, 1))
    }

    /// Adds one completed call: its outcome and latency, and what the retry layer did (attempts, backoff,
    /// give-up reason, Jepsen outcome) when there is a call record. O(attempts).
    mutating func record(
        _ outcome: OperationOutcome, correctedNanoseconds: UInt64, rawNanoseconds: UInt64, call: CallRecord?
    ) {
        record(outcome, correctedNanoseconds: correctedNanoseconds, rawNanoseconds: rawNanoseconds)
        guard let call else { return }
        callOutcomes[call.outcome.rawValue, default: 0] += 1
        attemptsPerCall[call.attemptCount, default: 0] += 1
        attempts += call.attemptCount
        backoffNanoseconds &+= call.backoffNanoseconds
        // Giving up on a call that never failed, or that a non-retryable error ended, is not news; only
        // exhausted budgets and cancellations are reported.
        if let reason = call.giveUpReason, reason != .notRetryable { giveUps[reason.rawValue, default: 0] += 1 }
        for attempt in call.attempts { attemptLatency.record(max(attempt.end.nanoseconds(since: attempt.actualSend), 1)) }
    }

    /// Adds another phase's (or worker's) counts into these.
    mutating func merge(_ other: OperationStats) {
        count += other.count
        ok += other.ok
        unknown += other.unknown
        errors.merge(other.errors, uniquingKeysWith: +)
        unknownKinds.merge(other.unknownKinds, uniquingKeysWith: +)
        try? corrected.add(other.corrected)
        try? raw.add(other.raw)
        for (key, histogram) in other.byOutcome { try? byOutcome[key, default: Histogram(significantDigits: 3)].add(histogram) }
        callOutcomes.merge(other.callOutcomes, uniquingKeysWith: +)
        attemptsPerCall.merge(other.attemptsPerCall, uniquingKeysWith: +)
        attempts += other.attempts
        backoffNanoseconds &+= other.backoffNanoseconds
        giveUps.merge(other.giveUps, uniquingKeysWith: +)
        try? attemptLatency.add(other.attemptLatency)
    }

    var errorCount: Int { errors.values.reduce(0, +) }
}

/// What one phase did: when it ran, what it issued, how late its starts were, and its operations' stats.
struct PhaseStats: Sendable {
    let name: String
    let executor: Executor
    var startedAt: Instant?
    var endedAt: Instant?
    /// The process's CPU seconds (user and system, every thread) when the phase started, and spent during it.
    var cpuSecondsAtStart: Double?
    var cpuSeconds: Double?
    /// Logical operations issued, each counted when it completes (answered, failed, or cancelled as unknown when
    /// a stopped run's drain times out), under the one lock an operation takes.
    var issued = 0
    /// Starts more than ``Recorder/lateThresholdNanoseconds`` after their intended time.
    var lateStarts = 0
    /// Intended starts that were never issued because the run was interrupted.
    var dropped = 0
    /// Actual minus intended send time of every start (open model only).
    var scheduleLag = Histogram(significantDigits: 3)
    var operations: [String: OperationStats] = [:]
}
