import AWSModel
import BenchCore
import Emulator

/// The gate's decision about a run: every threshold and invariant with its outcome, and the exit code that
/// follows from them (`docs/exit-codes.md`).
///
/// Correctness wins over performance: any violated invariant or breached correctness threshold gives 4;
/// otherwise any breached threshold, any threshold the run did not measure (whatever its metric: nothing was
/// proven wrong, but nothing was proven right either) or an early abort gives 3; otherwise 0.
public struct GateVerdict: Sendable, Codable, Hashable {
    public enum Status: String, Sendable, Codable, Hashable {
        case pass
        /// A performance threshold was breached or could not be measured (exit code 3).
        case thresholdBreached = "threshold-breached"
        /// An invariant or a correctness threshold failed (exit code 4).
        case correctnessViolation = "correctness-violation"
    }

    public var status: Status
    public var thresholds: [ThresholdResult]
    public var invariants: [InvariantResult]
    /// The threshold whose breach stopped the run early, if one did.
    public var abortedBy: String?

    public init(thresholds: [ThresholdResult], invariants: [InvariantResult], abortedBy: String? = nil) {
        self.thresholds = thresholds
        self.invariants = invariants
        self.abortedBy = abortedBy
        if invariants.contains(where: { !$0.passed })
            || thresholds.contains(where: { $0.correctness && $0.verdict == .fail })
        {
            status = .correctnessViolation
        } else if !thresholds.allSatisfy(\.passed) || abortedBy != nil {
            status = .thresholdBreached
        } else {
            status = .pass
        }
    }

    /// Evaluates `thresholds` against the run's summary and `invariants` against the run, adding the checker's
    /// invariants from `summary.idempotency` when the run has them.
    public static func evaluate(
        _ result: RunResult, summary: RunSummary, thresholds: [Threshold], invariants: [Invariant],
        abortedBy: String? = nil
    ) -> GateVerdict {
        var invariantResults = invariants.map { invariant in
            let evidence = invariant.check(result)
            return InvariantResult(name: invariant.name, violations: evidence.count, evidence: evidence)
        }
        invariantResults += summary.idempotency?.invariants ?? []
        return GateVerdict(
            thresholds: thresholds.map { $0.evaluate(summary) }, invariants: invariantResults, abortedBy: abortedBy
        )
    }

    /// The exit code this verdict stands for.
    public var exitCode: ExitCode {
        switch status {
        case .pass: return .success
        case .thresholdBreached: return .thresholdBreached
        case .correctnessViolation: return .correctnessViolation
        }
    }

    /// The exit code of a run with this verdict: an interruption (Ctrl-C) gives 130 unless the gate itself
    /// stopped the run or found a correctness violation, which a partial run still proves.
    public func exitCode(interrupted: Bool) -> ExitCode {
        if status == .correctnessViolation || abortedBy != nil || !interrupted { return exitCode }
        return .interrupted
    }
}
