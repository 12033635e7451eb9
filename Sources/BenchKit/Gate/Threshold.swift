import AWSModel
import BenchCore
import Emulator

/// How a measured value must relate to a threshold's limit to pass.
public enum ThresholdComparison: String, Sendable, Hashable, CaseIterable {
    case lessThan = "<"
    case lessThanOrEqual = "<="
    case greaterThan = ">"
    case greaterThanOrEqual = ">="
    case equal = "=="

    /// Whether `value` passes against `limit`.
    func holds(_ value: Double, _ limit: Double) -> Bool {
        switch self {
        case .lessThan: return value < limit
        case .lessThanOrEqual: return value <= limit
        case .greaterThan: return value > limit
        case .greaterThanOrEqual: return value >= limit
        case .equal: return value == limit
        }
    }
}

/// A pass/fail bound on one metric of a run, e.g. `p99(RegisterTargets) < 50ms`.
///
/// Declared in a scenario's `Gate { }` or with `--threshold` on the command line, evaluated against the
/// run's summary at the end (and, with ``abortGrace``, periodically while it runs, like k6's `abortOnFail`
/// with `delayAbortEval`).
public struct Threshold: Sendable, Hashable, CustomStringConvertible {
    public var metric: ThresholdMetric
    public var comparison: ThresholdComparison
    /// The bound, in the metric's ``ThresholdMetric/unit`` (milliseconds for durations).
    public var limit: Double
    /// When set, a breach seen this long after the run started stops the run at once (exit code 3 or 4);
    /// `nil` means the threshold is only evaluated at the end.
    public var abortGrace: Duration?

    public init(
        _ metric: ThresholdMetric, _ comparison: ThresholdComparison, _ limit: Double, abortGrace: Duration? = nil
    ) {
        self.metric = metric
        self.comparison = comparison
        self.limit = limit
        self.abortGrace = abortGrace
    }

    /// This threshold, stopping the run early when it is breached after `grace` (k6's `abortOnFail` with
    /// `delayAbortEval`).
    public func abortOnFail(after grace: Duration = .zero) -> Threshold {
        var copy = self
        copy.abortGrace = grace
        return copy
    }

    /// The text form, e.g. `p99(RegisterTargets) < 50ms` or `error_rate(*) < 1%`.
    public var description: String { "\(metric) \(comparison.rawValue) \(Threshold.format(limit, of: metric))" }

    /// `value` in the metric's natural spelling: `50ms`, `1%`, `400/s`, `1.3`, `0`.
    static func format(_ value: Double, of metric: ThresholdMetric) -> String {
        switch metric {
        case .latency, .scheduleLag: return number(value) + "ms"
        case .errorRate: return number(value * 100) + "%"
        case .achievedRate: return number(value) + "/s"
        case .retryAmplification, .idempotencyViolations: return number(value)
        }
    }

    /// A measured value in its unit's spelling, rounded for people: `0.052ms`, `0.5%`, `399.8/s`, `1.25`.
    static func formatMeasured(_ value: Double, unit: String) -> String {
        switch unit {
        case "ms": return ConsoleSummary.format(value, 3) + "ms"
        case "ratio": return number((value * 100_000).rounded() / 1_000) + "%"
        case "ops/s": return ConsoleSummary.format(value, 1) + "/s"
        default: return number((value * 1_000).rounded() / 1_000)
        }
    }

    /// A number with at most 6 significant decimals and no trailing zeros (locale-free).
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "\(value)" }
        var text = ConsoleSummary.format(value, 6)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }

    /// Problems with this threshold for `scenario` (unknown phase or operation, limit out of range), each naming
    /// the threshold.
    func validationIssues(at path: String, phases: Set<String>, operations: Set<String>) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        let path = "\(path) \"\(self)\""
        if !limit.isFinite || limit < 0 {
            issues.append(.init(path: path, message: "the limit must be a finite number >= 0 (got \(limit))"))
        }
        let scope: MetricScope
        switch metric {
        case .latency(let statistic, _, let metricScope):
            scope = metricScope
            if case .percentile(let value) = statistic, !(value > 0 && value <= 100) {
                issues.append(.init(path: path, message: "the percentile must be in (0, 100] (got \(value))"))
            }
        case .scheduleLag(let statistic, let phase):
            scope = MetricScope(phase: phase)
            if !ThresholdMetric.scheduleLagStatistics.contains(statistic) {
                issues.append(.init(path: path, message: "schedule lag supports p50, p90, p99, p99.9, max and mean"))
            }
        case .errorRate(let metricScope): scope = metricScope
        case .achievedRate(let phase): scope = MetricScope(phase: phase)
        case .retryAmplification(let operation): scope = MetricScope(operation: operation)
        case .idempotencyViolations: scope = .all
        }
        if let phase = scope.phase, !phases.contains(phase) {
            issues.append(
                .init(
                    path: path,
                    message: "no phase is named \"\(phase)\" (phases: \(phases.sorted().joined(separator: ", ")))"))
        }
        if let operation = scope.operation, !operations.contains(operation) {
            issues.append(
                .init(
                    path: path,
                    message:
                        "no workload of this scenario issues \"\(operation)\" "
                        + "(operations: \(operations.sorted().joined(separator: ", ")))"
                ))
        }
        if let grace = abortGrace, grace < .zero {
            issues.append(.init(path: path, message: "the abort grace period must be >= 0"))
        }
        return issues
    }
}

extension Scenario {
    /// Problems with the scenario's thresholds: phases and operations they name must exist in the scenario.
    public func thresholdIssues() -> [ValidationIssue] {
        let phaseNames = Set(phases.map(\.name))
        var operations: Set<String> = []
        for phase in phases {
            for workload in (phase.mix ?? defaultMix ?? .allOperations).workloads {
                operations.insert(workload.operationName)
            }
        }
        var issues: [ValidationIssue] = []
        for (index, threshold) in thresholds.enumerated() {
            issues += threshold.validationIssues(at: "gate[\(index)]", phases: phaseNames, operations: operations)
        }
        var names: Set<String> = []
        for (index, invariant) in invariants.enumerated()
        where !names.insert(invariant.name).inserted || invariant.name.isEmpty {
            issues.append(
                .init(
                    path: "invariants[\(index)]",
                    message: "names must be non-empty and unique (got \"\(invariant.name)\")"))
        }
        return issues
    }
}
