import AWSModel
import BenchCore
import Emulator
import Resilience
import Synchronization

/// Collects every completed logical operation into per-phase, per-operation counters and histograms.
///
/// Thread-safe: operations complete on many tasks at once. Each record takes one short lock (a closed-model worker
/// takes it once per ``Batch``); live totals for the progress line are atomics that never take it.
final class Recorder: Sendable {
    /// A start later than this after its intended time counts as late.
    static let lateThresholdNanoseconds: UInt64 = 1_000_000

    private struct State: Sendable {
        var phases: [PhaseStats]
        var series: IntervalSeries
        var timeline = DownsampledSeries()
    }

    private let state: Mutex<State>
    /// The process's CPU seconds so far, read when a phase starts and ends.
    private let processCPUSeconds: @Sendable () -> Double
    /// Receives closed interval rows, in order, under the recorder's lock (the `latency.csv` stream).
    private let rowSink: (@Sendable ([IntervalRow]) -> Void)?
    private let completedCount = Atomic<Int>(0)
    private let errorCount = Atomic<Int>(0)
    private let unknownCount = Atomic<Int>(0)
    private let inFlightCount = Atomic<Int>(0)

    /// - Parameters:
    ///   - origin: the run's start; interval rows are aligned to it.
    ///   - intervalNanoseconds: the length of a `latency.csv` interval.
    ///   - rowSink: where closed interval rows go as the run proceeds.
    ///   - processCPUSeconds: the process's CPU time so far (`getrusage`; tests pass a fake).
    init(
        phases: [Phase], origin: Instant = .zero, intervalNanoseconds: UInt64 = 1_000_000_000,
        rowSink: (@Sendable ([IntervalRow]) -> Void)? = nil,
        processCPUSeconds: @escaping @Sendable () -> Double = { ProcessResources.sample().cpuSeconds }
    ) {
        state = Mutex(State(
            phases: phases.map { PhaseStats(name: $0.name, executor: $0.executor) },
            series: IntervalSeries(origin: origin, intervalNanoseconds: intervalNanoseconds)
        ))
        self.rowSink = rowSink
        self.processCPUSeconds = processCPUSeconds
    }

    func phaseStarted(_ phase: Int, at instant: Instant) {
        let cpu = processCPUSeconds()
        state.withLock {
            $0.phases[phase].startedAt = instant
            $0.phases[phase].cpuSecondsAtStart = cpu
            $0.series.startPhase($0.phases[phase].name, at: instant)
            flushRows(&$0)
        }
    }

    func phaseEnded(_ phase: Int, at instant: Instant, dropped: Int) {
        let cpu = processCPUSeconds()
        state.withLock {
            $0.phases[phase].endedAt = instant
            $0.phases[phase].cpuSeconds = $0.phases[phase].cpuSecondsAtStart.map { max(0, cpu - $0) }
            $0.phases[phase].dropped += dropped
            $0.series.finish(at: instant)
            flushRows(&$0)
        }
    }

    private func flushRows(_ state: inout State) {
        let rows = state.series.takePending()
        guard !rows.isEmpty else { return }
        state.timeline.append(contentsOf: rows)
        rowSink?(rows)
    }

    /// Notes that an operation started, for the live in-flight count. No lock: what the operation's start means for
    /// the phase's stats (its schedule lag) is recorded with its completion, under one lock per operation.
    func started() {
        inFlightCount.add(1, ordering: .relaxed)
    }

    /// Records one completed logical call with everything its retry layer did, through `batch`: the call is
    /// recorded when the batch is full or old enough, or on ``record(_:)``. O(attempts) once recorded.
    /// - Parameter lagNanoseconds: how late the operation started after its intended time, for open models; nil
    ///   for closed ones (their next operation is due when the previous one answered).
    func completed(phase: Int, call: CallRecord, intended: Instant, lagNanoseconds: UInt64?, into batch: inout Batch) {
        completed(
            phase: phase, operation: call.operation, outcome: OperationOutcome(call.finalResult), intended: intended,
            sent: call.attempts.first?.actualSend ?? call.start, finished: call.end, lagNanoseconds: lagNanoseconds,
            call: CallFigures(call), into: &batch)
    }

    /// Records one completed logical operation that has no call record (issued, and answered or given up), with
    /// its schedule lag for open models, at once. O(1) amortised.
    func completed(
        phase: Int, operation: String, outcome: OperationOutcome, intended: Instant, sent: Instant, finished: Instant,
        lagNanoseconds: UInt64? = nil
    ) {
        var batch = Batch(capacity: 1)
        completed(
            phase: phase, operation: operation, outcome: outcome, intended: intended, sent: sent, finished: finished,
            lagNanoseconds: lagNanoseconds, call: nil, into: &batch)
    }

    private func completed(
        phase: Int, operation: String, outcome: OperationOutcome, intended: Instant, sent: Instant, finished: Instant,
        lagNanoseconds: UInt64?, call: CallFigures?, into batch: inout Batch
    ) {
        batch.entries.append(
            Batch.Entry(
                phase: phase, operation: operation, outcome: outcome, corrected: finished.nanoseconds(since: intended),
                raw: finished.nanoseconds(since: sent), finished: finished, lagNanoseconds: lagNanoseconds, call: call))
        if batch.entries.count >= batch.capacity
            || finished.nanoseconds(since: batch.entries[0].finished) >= Batch.maxAgeNanoseconds
        {
            record(&batch)
        }
    }

    /// Records the operations gathered in `batch` under one lock, with one update of each live counter, and empties
    /// it. A worker calls this when it stops, so that nothing it completed is left out of its phase.
    /// - Complexity: O(operations in the batch, and their attempts).
    func record(_ batch: inout Batch) {
        guard !batch.entries.isEmpty else { return }
        var errors = 0
        var unknown = 0
        for entry in batch.entries {
            switch entry.outcome {
            case .ok: break
            case .error: errors += 1
            case .unknown: unknown += 1
            }
        }
        inFlightCount.subtract(batch.entries.count, ordering: .relaxed)
        completedCount.add(batch.entries.count, ordering: .relaxed)
        if errors > 0 { errorCount.add(errors, ordering: .relaxed) }
        if unknown > 0 { unknownCount.add(unknown, ordering: .relaxed) }
        state.withLock { state in
            for entry in batch.entries {
                let phase = entry.phase
                state.phases[phase].issued += 1
                if let lag = entry.lagNanoseconds {
                    _ = state.phases[phase].scheduleLag.record(max(lag, 1))
                    if lag > Recorder.lateThresholdNanoseconds { state.phases[phase].lateStarts += 1 }
                }
                // One dictionary lookup, mutated in place: the histograms inside are not copied.
                state.phases[phase].operations[entry.operation, default: OperationStats()].record(
                    entry.outcome, correctedNanoseconds: entry.corrected, rawNanoseconds: entry.raw, call: entry.call)
                let closed = state.series.current
                state.series.record(
                    operation: entry.operation, outcome: entry.outcome, corrected: entry.corrected, raw: entry.raw,
                    attempts: entry.call?.attemptCount ?? 1, finished: entry.finished)
                if state.series.current != closed { flushRows(&state) }
            }
        }
        batch.entries.removeAll(keepingCapacity: true)
    }

    /// Completed operations that one worker gathers and the recorder takes together (``record(_:)``).
    ///
    /// Why: with two workers at full speed, recording each operation under the shared lock moves the lock, the
    /// live counters and the histograms between the two cores' caches on every operation. A batch moves them once
    /// per batch: per operation, batches of 32 cost the cheapest call (issue 8's P3 floor) 0.89-0.96 x the CPU of
    /// recording each operation alone (four sets of 8 alternating runs, lower in 24 of 32), and batches of 256 cost it
    /// 0.91-0.99 x the CPU of batches of 32 (eight alternating runs of each, 2 workers, lower in 8 of 8: 0.92-1.01
    /// million calls/s against 0.86-0.94). The recording itself (dictionary look-ups, four histograms) is the same
    /// work either way.
    ///
    /// What waits in a batch is not yet in ``snapshot`` or ``live`` (the progress line, the abort thresholds) nor in
    /// its `latency.csv` interval: a batch is recorded once it holds ``closedWorkerCapacity`` operations (about 0.5 ms
    /// of a worker at full speed) or once its operations span ``maxAgeNanoseconds``, so that slow calls (a closed
    /// model against a real endpoint) are recorded as they complete, not seconds later in another interval.
    struct Batch: Sendable {
        /// One completed operation, as the recorder keeps it.
        struct Entry: Sendable {
            let phase: Int
            let operation: String
            let outcome: OperationOutcome
            let corrected: UInt64
            let raw: UInt64
            let finished: Instant
            let lagNanoseconds: UInt64?
            let call: CallFigures?
        }

        /// The batch size of a closed-model worker. An open model records each operation as it completes (its
        /// operations run on tasks of their own, and its rates are far below the closed model's full speed).
        static let closedWorkerCapacity = 256

        /// The room reserved when a batch is made. A batch grows past it only when its worker completes that many
        /// operations within ``maxAgeNanoseconds``: a closed model of thousands of workers against a slow endpoint
        /// holds a few entries each, not ``closedWorkerCapacity``.
        static let initialReservation = 16

        /// A batch is recorded when an operation completes this long after its first one (10 ms).
        static let maxAgeNanoseconds: UInt64 = 10_000_000

        /// The batch is recorded when it holds this many operations.
        let capacity: Int
        fileprivate var entries: [Entry] = []

        init(capacity: Int) {
            self.capacity = max(1, capacity)
            entries.reserveCapacity(min(self.capacity, Self.initialReservation))
        }
    }

    /// Live totals for the progress line (no lock).
    var live: (completed: Int, errors: Int, unknown: Int, inFlight: Int) {
        (
            completedCount.load(ordering: .relaxed), errorCount.load(ordering: .relaxed),
            unknownCount.load(ordering: .relaxed), inFlightCount.load(ordering: .relaxed)
        )
    }

    /// A copy of every phase's stats.
    var snapshot: [PhaseStats] { state.withLock { $0.phases } }

    /// The interval rows kept for the HTML report (downsampled on long runs).
    var timeline: [IntervalRow] { state.withLock { $0.timeline.rows } }

    /// The p99 corrected latency of a phase so far, in nanoseconds (for the progress line).
    func p99SoFar(phase: Int) -> UInt64 {
        state.withLock { state in
            var merged = Histogram(significantDigits: 3)
            for stats in state.phases[phase].operations.values { try? merged.add(stats.corrected) }
            return merged.totalCount == 0 ? 0 : merged.valueAtPercentile(99)
        }
    }
}
