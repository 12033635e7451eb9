import AWSModel
import BenchCore
import Emulator
import Synchronization

/// Evaluates the thresholds that abort on failure while a run goes (k6's `abortOnFail` with
/// `delayAbortEval`), and stops the run at the first breach seen after a threshold's grace period.
///
/// It ticks on the run's clock, so tests drive it with a ``ManualClock``. Each tick summarises what the
/// recorder holds so far; a metric the run has not measured yet (a phase that has not started, no retry
/// statistics) never aborts a run: only the end-of-run evaluation fails on it.
public final class AbortMonitor: Sendable {
    private struct State: Sendable {
        var task: Task<Void, Never>?
        var breach: ThresholdResult?
    }

    /// The thresholds with an abort grace period.
    let thresholds: [Threshold]
    private let periodNanoseconds: UInt64
    private let state = Mutex(State())

    /// - Parameters:
    ///   - thresholds: every threshold of the run; only those with an ``Threshold/abortGrace`` are watched.
    ///   - periodNanoseconds: time between evaluations (default 1 s).
    public init(thresholds: [Threshold], periodNanoseconds: UInt64 = 1_000_000_000) {
        self.thresholds = thresholds.filter { $0.abortGrace != nil }
        self.periodNanoseconds = max(periodNanoseconds, 1_000_000)
    }

    /// The breach that stopped the run, if one did.
    public var breach: ThresholdResult? { state.withLock { $0.breach } }

    /// Starts evaluating every period from now (the start of load) until ``finish()`` or a breach, which sets
    /// `stop`.
    func start(scenario: Scenario, recorder: Recorder, clock: any BenchClock, stop: StopSignal) {
        guard !thresholds.isEmpty else { return }
        let (thresholds, period) = (self.thresholds, periodNanoseconds)
        let origin = clock.now
        let task = Task.detached { [weak self] in
            while !Task.isCancelled && !stop.isStopped {
                do { try await clock.sleep(nanoseconds: period) } catch { return }
                let now = clock.now
                let summary = AbortMonitor.liveSummary(
                    scenario, recorder.snapshot, origin: origin, now: now, clock: clock)
                if let breach = AbortMonitor.firstBreach(
                    thresholds, in: summary, elapsed: now.nanoseconds(since: origin))
                {
                    self?.state.withLock { $0.breach = breach }
                    stop.stop()
                    return
                }
            }
        }
        state.withLock { $0.task = task }
    }

    /// Stops evaluating (the run's phases are done).
    func finish() {
        state.withLock { $0.task?.cancel() }
    }

    /// The first watched threshold whose grace period is over and whose measured value breaches its limit.
    static func firstBreach(_ thresholds: [Threshold], in summary: RunSummary, elapsed: UInt64) -> ThresholdResult? {
        for threshold in thresholds {
            guard let grace = threshold.abortGrace, elapsed >= grace.nanosecondsClamped else { continue }
            let result = threshold.evaluate(summary)
            if result.verdict == .fail { return result }
        }
        return nil
    }

    /// The summary of what `phases` recorded up to `now`; phases still running count as ending now.
    static func liveSummary(
        _ scenario: Scenario, _ phases: [PhaseStats], origin: Instant, now: Instant, clock: any BenchClock
    ) -> RunSummary {
        var phases = phases
        for index in phases.indices where phases[index].startedAt != nil && phases[index].endedAt == nil {
            phases[index].endedAt = now
        }
        let result = RunResult(
            scenario: scenario, phases: phases, startedAt: origin, finishedAt: now, wallStart: clock.date(of: origin),
            interrupted: false, ledger: nil, timeline: []
        )
        return RunSummary(result)
    }
}
