import AWSModel
import BenchCore
import Emulator
import Resilience
import Synchronization

/// Collects every completed logical operation into per-phase, per-operation counters and histograms.
///
/// Thread-safe: operations complete on many tasks at once. Each record takes one short lock; live totals
/// for the progress line are atomics that never take it.
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

    /// Records one completed logical call with everything its retry layer did. O(attempts).
    /// - Parameter lagNanoseconds: how late the operation started after its intended time, for open models; nil
    ///   for closed ones (their next operation is due when the previous one answered).
    func completed(phase: Int, call: CallRecord, intended: Instant, lagNanoseconds: UInt64?) {
        completed(
            phase: phase, operation: call.operation, outcome: OperationOutcome(call.finalResult), intended: intended,
            sent: call.attempts.first?.actualSend ?? call.start, finished: call.end, lagNanoseconds: lagNanoseconds,
            call: call)
    }

    /// Records one completed logical operation (issued, and answered or given up), with its schedule lag for open
    /// models and its call record when the retry layer made one. O(1) amortised, plus O(attempts) for the record.
    func completed(
        phase: Int, operation: String, outcome: OperationOutcome, intended: Instant, sent: Instant, finished: Instant,
        lagNanoseconds: UInt64? = nil, call: CallRecord? = nil
    ) {
        inFlightCount.subtract(1, ordering: .relaxed)
        completedCount.add(1, ordering: .relaxed)
        switch outcome {
        case .ok: break
        case .error: errorCount.add(1, ordering: .relaxed)
        case .unknown: unknownCount.add(1, ordering: .relaxed)
        }
        let corrected = finished.nanoseconds(since: intended)
        let raw = finished.nanoseconds(since: sent)
        state.withLock {
            $0.phases[phase].issued += 1
            if let lag = lagNanoseconds {
                _ = $0.phases[phase].scheduleLag.record(max(lag, 1))
                if lag > Recorder.lateThresholdNanoseconds { $0.phases[phase].lateStarts += 1 }
            }
            // One dictionary lookup, mutated in place: the histograms inside are not copied.
            $0.phases[phase].operations[operation, default: OperationStats()].record(
                outcome, correctedNanoseconds: corrected, rawNanoseconds: raw, call: call)
            let closed = $0.series.current
            $0.series.record(
                operation: operation, outcome: outcome, corrected: corrected, raw: raw,
                attempts: call?.attemptCount ?? 1, finished: finished)
            if $0.series.current != closed { flushRows(&$0) }
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
