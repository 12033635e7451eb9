import AWSModel
import BenchCore
import Emulator
import Foundation

/// A baseline run and a current run side by side: every compared metric of every operation and phase, with
/// its change, tolerance and verdict. Written as `compare.json` (schema `bench.compare/1`) and `compare.md`.
public struct SummaryComparison: Sendable, Codable, Hashable {
    /// Which run one side of the comparison is.
    public struct Side: Sendable, Codable, Hashable {
        /// The baseline name or run folder as given on the command line.
        public var label: String
        public var scenario: String
        public var seed: UInt64
        public var startedAt: Date
    }

    /// What `--confirm N` found: the suspected regressions and how many of the N reruns showed each.
    public struct Confirmation: Sendable, Codable, Hashable {
        public var reruns: Int
        /// Row key -> reruns in which it regressed again.
        public var reproduced: [String: Int]
    }

    public var schema = "bench.compare/1"
    public var baseline: Side
    public var current: Side
    public var rows: [ComparisonRow]
    public var confirmation: Confirmation?

    /// Compares `current` with `baseline`: per operation (all phases added up) p50, p90, p99, p99.9, max and
    /// error rate; per phase the achieved rate and the CPU per operation. Rows are sorted by scope, then metric.
    public init(
        baseline: RunSummary, baselineLabel: String, current: RunSummary, currentLabel: String,
        tolerances: ToleranceTable = .default
    ) {
        self.baseline = Side(
            label: baselineLabel, scenario: baseline.scenario, seed: baseline.seed, startedAt: baseline.startedAt)
        self.current = Side(
            label: currentLabel, scenario: current.scenario, seed: current.seed, startedAt: current.startedAt)
        var rows: [ComparisonRow] = []
        for name in Set(baseline.totals.keys).union(current.totals.keys).sorted() {
            let old = baseline.totals[name]
            let new = current.totals[name]
            for metric in ComparedMetric.allCases where !metric.isPerPhase {
                rows.append(
                    ComparisonRow(
                        scope: name, metric: metric, baseline: old.flatMap { metric.value(of: $0) },
                        current: new.flatMap { metric.value(of: $0) }, tolerance: tolerances[metric]
                    ))
            }
        }
        let phaseNames =
            baseline.phases.map(\.name)
            + current.phases.map(\.name).filter { name in
                !baseline.phases.contains { $0.name == name }
            }
        for name in phaseNames {
            let old = baseline.phases.first { $0.name == name }
            let new = current.phases.first { $0.name == name }
            for metric in ComparedMetric.allCases where metric.isPerPhase {
                let before = old.flatMap { metric.value(of: $0) }
                // A baseline phase without the figure (written before phases carried their CPU): no row.
                if old != nil, before == nil { continue }
                rows.append(
                    ComparisonRow(
                        scope: "phase \(name)", metric: metric, baseline: before,
                        current: new.flatMap { metric.value(of: $0) }, tolerance: tolerances[metric]))
            }
        }
        self.rows = rows
    }

    /// Rows that regressed (confirmed ones, after ``confirm(with:)``).
    public var regressions: [ComparisonRow] { rows.filter { $0.verdict == .regression } }
    public var improvements: [ComparisonRow] { rows.filter { $0.verdict == .improvement } }

    /// 3 (``ExitCode/thresholdBreached``) when a regression stands, else 0.
    public var exitCode: ExitCode { regressions.isEmpty ? .success : .thresholdBreached }

    /// Keeps only the regressions that more than half of `reruns` reproduce; the others become
    /// ``ComparisonRow/Verdict/unconfirmed``. Each rerun is a comparison of a fresh run with the same baseline.
    public mutating func confirm(with reruns: [SummaryComparison]) {
        var reproduced: [String: Int] = [:]
        for row in regressions {
            reproduced[row.key] =
                reruns.filter { rerun in
                    rerun.rows.contains { $0.key == row.key && $0.verdict == .regression }
                }.count
        }
        for index in rows.indices where rows[index].verdict == .regression {
            if 2 * (reproduced[rows[index].key] ?? 0) <= reruns.count { rows[index].verdict = .unconfirmed }
        }
        confirmation = Confirmation(reruns: reruns.count, reproduced: reproduced)
    }

    /// The comparison as pretty, key-sorted JSON (`compare.json`).
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return try encoder.encode(self)
    }
}

extension ComparedMetric {
    /// This metric of one operation's totals (corrected latency); `nil` for per-phase metrics.
    func value(of operation: RunSummary.Operation) -> Double? {
        switch self {
        case .p50: return operation.corrected.p50
        case .p90: return operation.corrected.p90
        case .p99: return operation.corrected.p99
        case .p999: return operation.corrected.p999
        case .max: return operation.corrected.max
        case .errorRate:
            guard operation.count > 0 else { return nil }
            return Double(operation.errors.values.reduce(0, +) + operation.unknown) / Double(operation.count)
        case .achievedRate, .cpuPerOperation: return nil
        }
    }

    /// This metric of one phase; `nil` for per-operation metrics, and for the CPU of a phase that has none.
    func value(of phase: RunSummary.PhaseSummary) -> Double? {
        switch self {
        case .achievedRate: return phase.achievedRate
        case .cpuPerOperation: return phase.cpuMicrosecondsPerOperation
        default: return nil
        }
    }
}
