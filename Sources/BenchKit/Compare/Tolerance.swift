import AWSModel
import BenchCore
import Emulator

/// Whether a metric is better when it goes down (latency, errors) or up (throughput), as package-benchmark's
/// `Polarity`: the comparison flips its sign once, here, instead of in every caller.
public enum Polarity: String, Sendable, Codable, Hashable {
    case prefersSmaller = "lower-is-better"
    case prefersLarger = "higher-is-better"
}

/// How far a metric may move in its bad direction before it counts as a regression.
///
/// A change is a regression only when it exceeds **both** tolerances: the relative one keeps large values
/// honest, the absolute one stops microsecond-scale noise (0.02 ms to 0.03 ms is +50 %) from failing a build.
///
/// The relative tolerance is a ratio, the same both ways: with 1.0 a latency regresses when it more than
/// doubles and improves when it more than halves; with 0.25 a throughput regresses when the baseline is more
/// than 1.25 times the current value (a drop of more than 20 %).
public struct Tolerance: Sendable, Codable, Hashable {
    /// How many times worse, minus one (0.25: 25 % worse; 1.0: twice as bad).
    public var relative: Double
    /// In the metric's unit (milliseconds, ops/s, or a fraction for error rates).
    public var absolute: Double

    public init(relative: Double, absolute: Double) {
        self.relative = relative
        self.absolute = absolute
    }
}

/// The metrics `bench compare` looks at, with their polarity, unit and default tolerance.
public enum ComparedMetric: String, Sendable, Codable, CodingKeyRepresentable, Hashable, CaseIterable {
    case p50, p90, p99
    case p999 = "p99.9"
    case max
    case errorRate = "error_rate"
    case achievedRate = "achieved_rate"
    /// The process's CPU per completed operation in a phase (`phases[].cpuMicrosecondsPerOperation`): the load
    /// generator, and with the embedded emulator the emulator too, got more expensive.
    case cpuPerOperation = "cpu_per_op"

    public var polarity: Polarity { self == .achievedRate ? .prefersLarger : .prefersSmaller }

    /// Whether the metric is compared per phase (else per operation, all phases added up).
    public var isPerPhase: Bool { self == .achievedRate || self == .cpuPerOperation }

    public var unit: String {
        switch self {
        case .errorRate: return "ratio"
        case .achievedRate: return "ops/s"
        case .cpuPerOperation: return "us"
        default: return "ms"
        }
    }

    /// Nanoseconds in one of the metric's ``unit``, for metrics that are durations (an absolute `--tolerance` is
    /// then given with a unit, `2ms` or `5us`); nil for the others.
    var nanosecondsPerUnit: Double? {
        switch unit {
        case "ms": return 1e6
        case "us": return 1e3
        default: return nil
        }
    }

    /// Defaults that tolerate a shared two-core machine's noise (two runs of the same build must compare clean):
    /// there the tail of the corrected latency is set by scheduler stalls of 10-40 ms, not by the endpoint, so
    /// a tail regression must both double and grow by tens of milliseconds. Closed-model throughput swings by
    /// 2x with the machine's load; gate open-model phases, or widen `achieved_rate` for closed ones. On a
    /// quiet dedicated machine use `--preset strict` or `--tolerance`.
    public var defaultTolerance: Tolerance {
        switch self {
        case .p50: return Tolerance(relative: 0.50, absolute: 1)
        case .p90: return Tolerance(relative: 0.50, absolute: 5)
        case .p99: return Tolerance(relative: 1.0, absolute: 25)
        case .p999: return Tolerance(relative: 2.0, absolute: 50)
        case .max: return Tolerance(relative: 3.0, absolute: 100)
        case .errorRate: return Tolerance(relative: 0.5, absolute: 0.01)
        case .achievedRate: return Tolerance(relative: 0.25, absolute: 5)
        case .cpuPerOperation: return Tolerance(relative: 0.5, absolute: 5)
        }
    }
}

/// The tolerance of each compared metric: the defaults, a preset, or per-metric overrides from `--tolerance`.
public struct ToleranceTable: Sendable, Codable, Hashable {
    public var tolerances: [ComparedMetric: Tolerance]

    public init(_ tolerances: [ComparedMetric: Tolerance] = [:]) {
        var table: [ComparedMetric: Tolerance] = [:]
        for metric in ComparedMetric.allCases { table[metric] = tolerances[metric] ?? metric.defaultTolerance }
        self.tolerances = table
    }

    /// The defaults (see ``ComparedMetric/defaultTolerance``).
    public static let `default` = ToleranceTable()
    /// Any change beyond 5 % and beyond nothing: for quiet dedicated machines.
    public static let strict = ToleranceTable(
        Dictionary(
            uniqueKeysWithValues: ComparedMetric.allCases.map {
                ($0, Tolerance(relative: 0.05, absolute: 0))
            }))
    /// Twice the defaults.
    public static let relaxed = ToleranceTable(
        Dictionary(
            uniqueKeysWithValues: ComparedMetric.allCases.map {
                ($0, Tolerance(relative: $0.defaultTolerance.relative * 2, absolute: $0.defaultTolerance.absolute * 2))
            }))

    public subscript(metric: ComparedMetric) -> Tolerance { tolerances[metric] ?? metric.defaultTolerance }

    /// Applies one `--tolerance` override: `p99=20%` sets the relative tolerance, `p99=3ms` or `cpu_per_op=5us`
    /// (durations), `achieved_rate=10/s` or `error_rate=0.01` the absolute one.
    /// - Throws: ``UsageError`` naming the metric or the value that is wrong.
    public mutating func apply(_ text: String) throws(UsageError) {
        let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
        let names = ComparedMetric.allCases.map(\.rawValue).joined(separator: ", ")
        guard parts.count == 2, let metric = ComparedMetric(rawValue: parts[0]) else {
            throw UsageError("--tolerance \"\(text)\": use METRIC=VALUE with METRIC one of \(names)")
        }
        var tolerance = self[metric]
        let value = parts[1]
        if value.hasSuffix("%") {
            guard let percent = Double(value.dropLast()), percent.isFinite, percent >= 0 else {
                throw UsageError("--tolerance \"\(text)\": the relative tolerance must be a percentage >= 0")
            }
            tolerance.relative = percent / 100
        } else if let nanosecondsPerUnit = metric.nanosecondsPerUnit {
            guard let nanoseconds = Threshold.parseDurationNanoseconds(value) else {
                throw UsageError("--tolerance \"\(text)\": give a percentage (20%) or a duration with a unit (2ms)")
            }
            tolerance.absolute = nanoseconds / nanosecondsPerUnit
        } else {
            let number = metric == .achievedRate && value.hasSuffix("/s") ? String(value.dropLast(2)) : value
            guard let absolute = Double(number), absolute.isFinite, absolute >= 0 else {
                throw UsageError("--tolerance \"\(text)\": give a percentage (20%) or a number >= 0 in \(metric.unit)")
            }
            tolerance.absolute = absolute
        }
        tolerances[metric] = tolerance
    }
}
