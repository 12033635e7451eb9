import AWSModel
import BenchCore
import Emulator

/// One metric of one operation (or phase) in a baseline and in the current run, and what the change means.
public struct ComparisonRow: Sendable, Codable, Hashable {
    public enum Verdict: String, Sendable, Codable, Hashable {
        /// Within tolerance.
        case unchanged
        /// Worse beyond both tolerances.
        case regression
        /// Better beyond both tolerances.
        case improvement
        /// A regression that `--confirm` reruns did not reproduce in a majority: reported, not failed.
        case unconfirmed
        /// In the baseline only.
        case missing
        /// In the current run only.
        case new
    }

    /// An operation name, or `phase <name>` for per-phase metrics.
    public var scope: String
    public var metric: ComparedMetric
    public var polarity: Polarity
    public var unit: String
    public var baseline: Double?
    public var current: Double?
    /// `current - baseline`.
    public var absoluteChange: Double?
    /// `(current - baseline) / baseline`; `nil` when the baseline is 0.
    public var relativeChange: Double?
    public var tolerance: Tolerance
    public var verdict: Verdict

    /// `scope metric`, unique within a comparison (used to match rows across `--confirm` reruns).
    public var key: String { "\(scope) \(metric.rawValue)" }

    /// Compares `baseline` with `current` for `metric` under `tolerance`.
    init(scope: String, metric: ComparedMetric, baseline: Double?, current: Double?, tolerance: Tolerance) {
        self.scope = scope
        self.metric = metric
        polarity = metric.polarity
        unit = metric.unit
        self.baseline = baseline
        self.current = current
        self.tolerance = tolerance
        guard let baseline, let current else {
            verdict = baseline == nil ? .new : .missing
            return
        }
        let change = current - baseline
        absoluteChange = change
        relativeChange = baseline == 0 ? nil : change / baseline
        // `high` is the side that is larger when the metric got worse: the current latency, the baseline throughput.
        let (high, low) = metric.polarity == .prefersSmaller ? (current, baseline) : (baseline, current)
        let regressed = high > low * (1 + tolerance.relative) && high - low > tolerance.absolute
        let improved = low > high * (1 + tolerance.relative) && low - high > tolerance.absolute
        verdict = regressed ? .regression : (improved ? .improvement : .unchanged)
    }
}
