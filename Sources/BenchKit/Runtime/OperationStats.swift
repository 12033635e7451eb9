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
    /// Corrected latency of the `ok` outcome: kept apart from ``otherOutcomes`` so that the common case looks no
    /// key up.
    var okLatency = Histogram(significantDigits: 3)
    /// Corrected latency of every other outcome: each error code, and `unknown`.
    var otherOutcomes: [String: Histogram] = [:]
    /// Calls by their Jepsen outcome over all attempts, at the outcome's index in ``callOutcomeOrder``.
    var callOutcomeCounts = DenseCounts()
    /// Calls by how many attempts they made, at that number.
    var attemptCounts = DenseCounts()
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
        let latency = max(correctedNanoseconds, 1)
        switch outcome {
        case .ok:
            ok += 1
            okLatency.record(latency)
        case .error(let code, _):
            errors[code, default: 0] += 1
            otherOutcomes[code, default: Histogram(significantDigits: 3)].record(latency)
        case .unknown(let kind):
            unknown += 1
            unknownKinds[kind, default: 0] += 1
            otherOutcomes["unknown", default: Histogram(significantDigits: 3)].record(latency)
        }
        _ = corrected.record(latency)
        _ = raw.record(max(rawNanoseconds, 1))
    }

    /// Corrected latency per outcome: `ok` (once there is one), each error code, and `unknown`.
    var byOutcome: [String: Histogram] {
        var all = otherOutcomes
        if ok > 0 { all["ok"] = okLatency }
        return all
    }

    /// The Jepsen outcomes in the order ``callOutcomeCounts`` counts them.
    static let callOutcomeOrder: [CallOutcome] = [.ok, .fail, .unknown]

    /// Calls by their Jepsen outcome over all attempts: `ok`, `fail` (definitely not applied), `unknown`.
    var callOutcomes: [String: Int] {
        Dictionary(
            uniqueKeysWithValues: callOutcomeCounts.nonZero.map { (Self.callOutcomeOrder[$0.key].rawValue, $0.value) })
    }

    /// Calls by how many attempts they made.
    var attemptsPerCall: [Int: Int] { attemptCounts.nonZero }

    /// Adds one completed call: its outcome and latency, and what the retry layer did (attempts, backoff,
    /// give-up reason, Jepsen outcome) when there is a call record. O(attempts).
    mutating func record(
        _ outcome: OperationOutcome, correctedNanoseconds: UInt64, rawNanoseconds: UInt64, call: CallFigures?
    ) {
        record(outcome, correctedNanoseconds: correctedNanoseconds, rawNanoseconds: rawNanoseconds)
        guard let call else { return }
        callOutcomeCounts.add(1, at: Self.callOutcomeOrder.firstIndex(of: call.outcome) ?? 0)
        attemptCounts.add(1, at: call.attemptCount)
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
        try? okLatency.add(other.okLatency)
        for (key, histogram) in other.otherOutcomes {
            try? otherOutcomes[key, default: Histogram(significantDigits: 3)].add(histogram)
        }
        callOutcomeCounts.merge(other.callOutcomeCounts)
        attemptCounts.merge(other.attemptCounts)
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

/// What ``OperationStats`` reads of a call record: what the retry layer did. A recorder batch holds this for each
/// call it has not recorded yet, rather than the whole record: copying a record into the batch and destroying it
/// there retained and released each of its strings and its answer.
struct CallFigures: Sendable {
    let outcome: CallOutcome
    let giveUpReason: GiveUpReason?
    let backoffNanoseconds: UInt64
    /// The call's attempts, for their count and latencies: the record's own list, shared (one retain).
    let attempts: [AttemptRecord]

    init(_ call: CallRecord) {
        outcome = call.outcome
        giveUpReason = call.giveUpReason
        backoffNanoseconds = call.backoffNanoseconds
        attempts = call.attempts
    }

    var attemptCount: Int { attempts.count }
}
