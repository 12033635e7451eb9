import AWSModel
import BenchCore
import Emulator

/// A metric in a `Gate { }` whose limits are durations: `ResponseTime(.p99) < .milliseconds(50)`.
public protocol DurationGateMetric: Sendable {
    var metric: ThresholdMetric { get }
}

/// A metric in a `Gate { }` whose limits are numbers: `ErrorRate() < 0.01`, `IdempotencyViolations() == 0`.
public protocol NumericGateMetric: Sendable {
    var metric: ThresholdMetric { get }
}

extension DurationGateMetric {
    public static func < (lhs: Self, rhs: Duration) -> Threshold { lhs.bounded(.lessThan, rhs) }
    public static func <= (lhs: Self, rhs: Duration) -> Threshold { lhs.bounded(.lessThanOrEqual, rhs) }
    public static func > (lhs: Self, rhs: Duration) -> Threshold { lhs.bounded(.greaterThan, rhs) }
    public static func >= (lhs: Self, rhs: Duration) -> Threshold { lhs.bounded(.greaterThanOrEqual, rhs) }

    private func bounded(_ comparison: ThresholdComparison, _ limit: Duration) -> Threshold {
        let (seconds, attoseconds) = limit.components
        return Threshold(metric, comparison, Double(seconds) * 1e3 + Double(attoseconds) / 1e15)
    }
}

extension NumericGateMetric {
    public static func < (lhs: Self, rhs: Double) -> Threshold { Threshold(lhs.metric, .lessThan, rhs) }
    public static func <= (lhs: Self, rhs: Double) -> Threshold { Threshold(lhs.metric, .lessThanOrEqual, rhs) }
    public static func > (lhs: Self, rhs: Double) -> Threshold { Threshold(lhs.metric, .greaterThan, rhs) }
    public static func >= (lhs: Self, rhs: Double) -> Threshold { Threshold(lhs.metric, .greaterThanOrEqual, rhs) }
    public static func == (lhs: Self, rhs: Double) -> Threshold { Threshold(lhs.metric, .equal, rhs) }
}

/// Latency of the operations in scope: `ResponseTime(.p99, of: .registerTargets) < .milliseconds(50)`.
///
/// Named after Gatling's `responseTime()` (the fault DSL's `Latency` adds delay; this one measures it).
public struct ResponseTime: DurationGateMetric {
    public let metric: ThresholdMetric

    /// - Parameters:
    ///   - statistic: `.p99`, `.percentile(99.95)`, `.max`, `.mean`, ...
    ///   - scope: the operations (default all).
    ///   - phase: one phase (default every phase).
    ///   - measure: `.corrected` (from the intended start, the default) or `.raw` (from the actual send).
    public init(
        _ statistic: LatencyStatistic, of scope: MetricScope = .all, in phase: String? = nil,
        measure: LatencyMeasure = .corrected
    ) {
        metric = .latency(statistic, measure, MetricScope(operation: scope.operation, phase: phase ?? scope.phase))
    }
}

/// How late open-model operations started: `ScheduleLag(.p99, in: "steady") < .milliseconds(5)`.
/// Without a phase, the worst open-model phase counts.
public struct ScheduleLag: DurationGateMetric {
    public let metric: ThresholdMetric

    public init(_ statistic: LatencyStatistic, in phase: String? = nil) {
        metric = .scheduleLag(statistic, phase: phase)
    }
}

/// The fraction of operations in scope that ended with an error or an unknown outcome: `ErrorRate() < 0.01`.
public struct ErrorRate: NumericGateMetric {
    public let metric: ThresholdMetric

    public init(of scope: MetricScope = .all, in phase: String? = nil) {
        metric = .errorRate(MetricScope(operation: scope.operation, phase: phase ?? scope.phase))
    }
}

/// Completed operations per second of a phase (or the whole run): `AchievedRate(in: "steady") >= 380`.
public struct AchievedRate: NumericGateMetric {
    public let metric: ThresholdMetric

    public init(in phase: String? = nil) { metric = .achievedRate(phase: phase) }
}

/// Attempts per logical call (1 = no retries): `RetryAmplification() < 1.3`.
public struct RetryAmplification: NumericGateMetric {
    public let metric: ThresholdMetric

    public init(of scope: MetricScope = .all) { metric = .retryAmplification(operation: scope.operation) }
}

/// Violations found by the idempotency checker: `IdempotencyViolations() == 0`. A breach is a correctness
/// failure (exit code 4).
public struct IdempotencyViolations: NumericGateMetric {
    public let metric = ThresholdMetric.idempotencyViolations

    public init() {}
}
