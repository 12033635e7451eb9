import AWSModel
import BenchCore
import Emulator
import Synchronization

/// Collects every completed logical operation into per-phase, per-operation counters and histograms.
///
/// Thread-safe: operations complete on many tasks at once. Each record takes one short lock; live totals
/// for the progress line are atomics that never take it.
final class Recorder: Sendable {
    /// A start later than this after its intended time counts as late.
    static let lateThresholdNanoseconds: UInt64 = 1_000_000

    private let phases: Mutex<[PhaseStats]>
    private let completedCount = Atomic<Int>(0)
    private let errorCount = Atomic<Int>(0)
    private let unknownCount = Atomic<Int>(0)
    private let inFlightCount = Atomic<Int>(0)

    init(phases: [Phase]) {
        self.phases = Mutex(phases.map { PhaseStats(name: $0.name, executor: $0.executor) })
    }

    func phaseStarted(_ phase: Int, at instant: Instant) {
        phases.withLock { $0[phase].startedAt = instant }
    }

    func phaseEnded(_ phase: Int, at instant: Instant, dropped: Int) {
        phases.withLock {
            $0[phase].endedAt = instant
            $0[phase].dropped += dropped
        }
    }

    /// Notes that an operation was issued `lag` nanoseconds after its intended time (0 for closed models).
    func started(phase: Int, lagNanoseconds lag: UInt64, openModel: Bool) {
        inFlightCount.add(1, ordering: .relaxed)
        phases.withLock {
            $0[phase].issued += 1
            if openModel {
                _ = $0[phase].scheduleLag.record(max(lag, 1))
                if lag > Recorder.lateThresholdNanoseconds { $0[phase].lateStarts += 1 }
            }
        }
    }

    /// Records one completed logical operation. O(1) amortised.
    func completed(
        phase: Int, operation: String, outcome: CallOutcome, intended: Instant, sent: Instant, finished: Instant
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
        phases.withLock {
            $0[phase].operations[operation, default: OperationStats()]
                .record(outcome, correctedNanoseconds: corrected, rawNanoseconds: raw)
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
    var snapshot: [PhaseStats] { phases.withLock { $0 } }

    /// The p99 corrected latency of a phase so far, in nanoseconds (for the progress line).
    func p99SoFar(phase: Int) -> UInt64 {
        phases.withLock { state in
            var merged = Histogram(significantDigits: 3)
            for stats in state[phase].operations.values { try? merged.add(stats.corrected) }
            return merged.totalCount == 0 ? 0 : merged.valueAtPercentile(99)
        }
    }
}
