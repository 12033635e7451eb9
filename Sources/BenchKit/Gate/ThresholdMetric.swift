import AWSModel
import BenchCore
import Emulator

/// Which latency statistic a threshold looks at: any percentile, the maximum or the mean.
public enum LatencyStatistic: Sendable, Hashable, CustomStringConvertible {
    /// The value at this percentile, in (0, 100].
    case percentile(Double)
    case max
    case mean

    public static let p50 = LatencyStatistic.percentile(50)
    public static let p90 = LatencyStatistic.percentile(90)
    public static let p95 = LatencyStatistic.percentile(95)
    public static let p99 = LatencyStatistic.percentile(99)
    public static let p999 = LatencyStatistic.percentile(99.9)
    public static let p9999 = LatencyStatistic.percentile(99.99)

    /// `p99`, `p99.9`, `max`, `mean`: the spelling `--threshold` accepts.
    public var description: String {
        switch self {
        case .percentile(let value): return "p" + Threshold.number(value)
        case .max: return "max"
        case .mean: return "mean"
        }
    }
}

/// Corrected latency is measured from the intended send time (coordinated omission included), raw latency from
/// the actual send.
public enum LatencyMeasure: String, Sendable, Hashable {
    case corrected, raw
}

/// Which operations, in which phase, a threshold measures. Both `nil` means every operation over the whole run.
public struct MetricScope: Sendable, Hashable, CustomStringConvertible {
    /// An operation name as the reports spell it, e.g. `RegisterTargets`; `nil` means all operations.
    public var operation: String?
    /// A phase name; `nil` means every phase.
    public var phase: String?

    public init(operation: String? = nil, phase: String? = nil) {
        self.operation = operation
        self.phase = phase
    }

    public static let all = MetricScope()
    public static let registerTargets = MetricScope(operation: "RegisterTargets")
    public static let createTargetGroup = MetricScope(operation: "CreateTargetGroup")
    public static let batchGetDeploymentTargets = MetricScope(operation: "BatchGetDeploymentTargets")
    public static let registerInstance = MetricScope(operation: "RegisterInstance")

    /// Any operation, by the name the reports use.
    public static func operation(_ name: String) -> MetricScope { MetricScope(operation: name) }
    /// Every operation of one phase.
    public static func phase(_ name: String) -> MetricScope { MetricScope(phase: name) }

    /// This scope restricted to one phase.
    public func `in`(_ phase: String) -> MetricScope { MetricScope(operation: operation, phase: phase) }

    /// The argument list of the text form: `RegisterTargets`, `phase=steady`, `RegisterTargets, phase=steady`, `*`.
    public var description: String {
        switch (operation, phase) {
        case (nil, nil): return "*"
        case (let operation?, nil): return operation
        case (nil, let phase?): return "phase=\(phase)"
        case (let operation?, let phase?): return "\(operation), phase=\(phase)"
        }
    }
}

/// A quantity a threshold bounds. Each reads its value from a run's ``RunSummary``.
///
/// Units: latency and schedule lag in milliseconds, error rate as a fraction (0.01 = 1 %), achieved rate in
/// completed operations per second, retry amplification as attempts per logical call, idempotency violations
/// as a count.
public enum ThresholdMetric: Sendable, Hashable, CustomStringConvertible {
    /// A latency statistic of the operations in scope.
    case latency(LatencyStatistic, LatencyMeasure, MetricScope)
    /// (errors + unknown outcomes) / operations, in scope.
    case errorRate(MetricScope)
    /// Completed operations per second of one phase, or of the whole run.
    case achievedRate(phase: String?)
    /// Actual minus intended start of open-model phases (one phase, or the worst phase).
    case scheduleLag(LatencyStatistic, phase: String?)
    /// Attempts per logical call (1 means no retries), from the retry layer's statistics.
    case retryAmplification(operation: String?)
    /// Violations the idempotency checker found.
    case idempotencyViolations

    /// Whether a breach is a correctness failure (exit code 4) rather than a performance one (exit code 3).
    public var isCorrectness: Bool {
        if case .idempotencyViolations = self { return true }
        return false
    }

    /// Whether the metric is a duration (limits carry a time unit).
    var isDuration: Bool {
        switch self {
        case .latency, .scheduleLag: return true
        default: return false
        }
    }

    /// The unit of measured values and limits in reports.
    public var unit: String {
        switch self {
        case .latency, .scheduleLag: return "ms"
        case .errorRate: return "ratio"
        case .achievedRate: return "ops/s"
        case .retryAmplification: return "attempts/call"
        case .idempotencyViolations: return "count"
        }
    }

    /// The text form, which ``Threshold/parse(_:)`` reads back.
    public var description: String {
        switch self {
        case .latency(let statistic, let measure, let scope):
            return (measure == .raw ? "raw." : "") + "\(statistic)(\(scope))"
        case .errorRate(let scope):
            return "error_rate(\(scope))"
        case .achievedRate(let phase):
            return "rate(\(MetricScope(phase: phase)))"
        case .scheduleLag(let statistic, let phase):
            return "schedule_lag.\(statistic)(\(MetricScope(phase: phase)))"
        case .retryAmplification(let operation):
            return "retry_amplification(\(MetricScope(operation: operation)))"
        case .idempotencyViolations:
            return "idempotency_violations"
        }
    }

    /// The statistics a schedule lag threshold can use: those `summary.json` keeps per phase.
    static let scheduleLagStatistics: [LatencyStatistic] = [.p50, .p90, .p99, .p999, .max, .mean]
}
