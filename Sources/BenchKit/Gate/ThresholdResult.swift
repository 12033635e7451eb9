import AWSModel
import BenchCore
import Emulator

/// One threshold's outcome: its measured value and verdict, as `summary.json`, `junit.xml` and the console
/// show it.
public struct ThresholdResult: Sendable, Codable, Hashable {
    public enum Verdict: String, Sendable, Codable, Hashable {
        case pass
        case fail
        /// The run did not measure the metric (no retry statistics, no checker, no operation in scope): the gate
        /// fails, because a threshold that cannot be checked must not pass silently.
        case notMeasured = "not-measured"
    }

    /// The threshold's text form, e.g. `p99(RegisterTargets) < 50ms`.
    public var threshold: String
    /// The metric's text form, e.g. `p99(RegisterTargets)`.
    public var metric: String
    /// `<`, `<=`, `>`, `>=` or `==`.
    public var comparison: String
    /// The bound, in ``unit``.
    public var limit: Double
    /// The measured value in ``unit``; `nil` when not measured.
    public var measured: Double?
    /// `ms`, `ratio`, `ops/s`, `attempts/call` or `count`.
    public var unit: String
    public var verdict: Verdict
    /// A breach is a correctness failure (exit code 4) rather than a performance one (3).
    public var correctness: Bool
    /// One line for people: the measured value against the limit, or why nothing was measured.
    public var message: String

    public var passed: Bool { verdict == .pass }
}

extension Threshold {
    /// Measures this threshold's metric in `summary` and compares it with the limit.
    public func evaluate(_ summary: RunSummary) -> ThresholdResult {
        let measurement = metric.measure(in: summary)
        let verdict: ThresholdResult.Verdict
        let message: String
        switch measurement {
        case .value(let value):
            verdict = comparison.holds(value, limit) ? .pass : .fail
            let formatted = Threshold.formatMeasured(value, unit: metric.unit)
            message = "\(metric) = \(formatted) (limit \(comparison.rawValue) \(Threshold.format(limit, of: metric)))"
        case .notMeasured(let reason):
            verdict = .notMeasured
            message = "\(metric) was not measured: \(reason)"
        }
        return ThresholdResult(
            threshold: description, metric: metric.description, comparison: comparison.rawValue, limit: limit,
            measured: measurement.value, unit: metric.unit, verdict: verdict, correctness: metric.isCorrectness,
            message: message
        )
    }
}

/// A metric's value in one run, or why the run has none.
enum Measurement: Sendable, Hashable {
    case value(Double)
    case notMeasured(String)

    var value: Double? {
        if case .value(let value) = self { return value }
        return nil
    }
}

extension ThresholdMetric {
    /// This metric's value in `summary`. Latency percentiles come from the merged HDR histograms, so any
    /// percentile of any set of operations is exact to the histograms' precision.
    func measure(in summary: RunSummary) -> Measurement {
        switch self {
        case .latency(let statistic, let measure, let scope):
            let operations = summary.operations(in: scope)
            switch operations {
            case .failure(let reason): return .notMeasured(reason.description)
            case .success(let list):
                var merged = Histogram(significantDigits: 3)
                for operation in list {
                    try? merged.add(measure == .raw ? operation.histograms.raw : operation.histograms.corrected)
                }
                guard merged.totalCount > 0 else { return .notMeasured("no operation in \(scope) completed") }
                let nanoseconds: Double =
                    switch statistic {
                    case .percentile(let value): Double(merged.valueAtPercentile(value))
                    case .max: Double(merged.max)
                    case .mean: merged.mean
                    }
                return .value(nanoseconds / 1e6)
            }
        case .errorRate(let scope):
            switch summary.operations(in: scope) {
            case .failure(let reason): return .notMeasured(reason.description)
            case .success(let list):
                let count = list.reduce(0) { $0 + $1.count }
                let failed = list.reduce(0) { $0 + $1.errors.values.reduce(0, +) + $1.unknown }
                guard count > 0 else { return .notMeasured("no operation in \(scope) completed") }
                return .value(Double(failed) / Double(count))
            }
        case .achievedRate(let phase):
            let phases = phase.map { name in summary.phases.filter { $0.name == name } } ?? summary.phases
            let seconds = phases.reduce(0) { $0 + $1.elapsedSeconds }
            guard !phases.isEmpty, seconds > 0 else {
                return .notMeasured(phase.map { "phase \($0) did not run" } ?? "no phase ran")
            }
            return .value(Double(phases.reduce(0) { $0 + $1.completed }) / seconds)
        case .scheduleLag(let statistic, let phase):
            let lags = summary.phases.filter { phase == nil || $0.name == phase }.compactMap(\.scheduleLag)
            let values: [Double] = lags.compactMap { lag in
                switch statistic {
                case .percentile(50): return lag.p50
                case .percentile(90): return lag.p90
                case .percentile(99): return lag.p99
                case .percentile(99.9): return lag.p999
                case .max: return lag.max
                case .mean: return lag.mean
                case .percentile: return nil
                }
            }
            guard let worst = values.max() else {
                return .notMeasured("no open-model phase\(phase.map { " named \($0)" } ?? "") ran with \(statistic)")
            }
            return .value(worst)
        case .retryAmplification(let operation):
            let operations = operation.map { summary.totals[$0].map { [$0] } ?? [] } ?? Array(summary.totals.values)
            let calls = operations.reduce(0) { $0 + $1.count }
            let attempts = operations.reduce(0) { $0 + $1.calls.attempts }
            guard calls > 0, attempts > 0 else {
                return .notMeasured(calls == 0
                    ? "no call of \(MetricScope(operation: operation)) was made"
                    : "this summary records no attempts (it predates the retry layer)")
            }
            return .value(Double(attempts) / Double(calls))
        case .idempotencyViolations:
            guard let idempotency = summary.idempotency else {
                return .notMeasured("this run has no idempotency check (summary.idempotency is absent)")
            }
            return .value(Double(idempotency.violations))
        }
    }
}

extension RunSummary {
    /// The operation summaries `scope` selects: one phase's or the run's totals, one operation or all.
    func operations(in scope: MetricScope) -> Result<[Operation], ScopeError> {
        let table: [String: Operation]
        if let phase = scope.phase {
            guard let match = phases.first(where: { $0.name == phase }) else {
                return .failure(ScopeError("phase \(phase) did not run"))
            }
            table = match.operations
        } else {
            table = totals
        }
        guard let name = scope.operation else { return .success(Array(table.values)) }
        guard let operation = table[name] else {
            return .failure(ScopeError("no \(name) operation completed\(scope.phase.map { " in phase \($0)" } ?? "")"))
        }
        return .success([operation])
    }
}

/// Why a scope selects nothing.
struct ScopeError: Error, Sendable, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
