import AWSModel
import BenchCore
import Emulator

/// How a phase issues its logical operations: an open model (arrivals at intended times, whether or not
/// earlier operations finished) or a closed model (a fixed number of workers, each waiting for its answer).
public struct Executor: Sendable, Hashable, CustomStringConvertible {
    enum Kind: Hashable, Sendable {
        case constantRate(perSecond: Double, nanoseconds: UInt64)
        case rampingRate(from: Double, to: Double, nanoseconds: UInt64)
        case constantConcurrency(workers: Int, nanoseconds: UInt64)
        case iterations(count: Int, workers: Int)
    }

    var kind: Kind

    /// Open model: `perSecond` operations per second, evenly spaced, for `duration`.
    public static func constantRate(_ perSecond: Double, for duration: Duration) -> Executor {
        Executor(kind: .constantRate(perSecond: perSecond, nanoseconds: duration.nanosecondsClamped))
    }

    /// Open model: the rate moves linearly from `from` to `to` operations per second over `duration`.
    public static func rampingRate(from: Double, to: Double, over duration: Duration) -> Executor {
        Executor(kind: .rampingRate(from: from, to: to, nanoseconds: duration.nanosecondsClamped))
    }

    /// Closed model: `workers` loops, each issuing its next operation when the previous one answered, for `duration`.
    public static func constantConcurrency(_ workers: Int, for duration: Duration) -> Executor {
        Executor(kind: .constantConcurrency(workers: workers, nanoseconds: duration.nanosecondsClamped))
    }

    /// Closed model: exactly `count` operations shared by `concurrency` workers, as fast as they answer.
    public static func iterations(_ count: Int, concurrency: Int = 1) -> Executor {
        Executor(kind: .iterations(count: count, workers: concurrency))
    }

    /// Whether this is an open-model (arrival-rate) executor.
    public var isOpenModel: Bool {
        switch kind {
        case .constantRate, .rampingRate: true
        case .constantConcurrency, .iterations: false
        }
    }

    /// The phase's planned duration in nanoseconds (`nil` for a fixed iteration count).
    public var plannedNanoseconds: UInt64? {
        switch kind {
        case .constantRate(_, let ns), .rampingRate(_, _, let ns), .constantConcurrency(_, let ns): ns
        case .iterations: nil
        }
    }

    /// The target rate at `elapsed` nanoseconds into the phase (`nil` for closed models).
    public func targetRate(atNanoseconds elapsed: UInt64) -> Double? {
        switch kind {
        case .constantRate(let rate, _): rate
        case .rampingRate(let from, let to, let ns):
            ns == 0 ? to : from + (to - from) * min(1, Double(elapsed) / Double(ns))
        case .constantConcurrency, .iterations: nil
        }
    }

    /// The number of operations the schedule plans (open models and iteration counts; `nil` for constant concurrency).
    public var plannedOperations: Int? {
        switch kind {
        case .constantRate(let rate, let ns): Int((rate * Double(ns) / 1e9).rounded(.down))
        case .rampingRate(let from, let to, let ns): Int(((from + to) / 2 * Double(ns) / 1e9).rounded(.down))
        case .iterations(let count, _): count
        case .constantConcurrency: nil
        }
    }

    /// This executor with its durations multiplied by `durationScale` and its rates by `rateScale`
    /// (`--duration-scale`, `--rate-scale`). Worker counts and iteration counts are left alone.
    public func scaled(duration durationScale: Double, rate rateScale: Double) -> Executor {
        func scale(_ ns: UInt64) -> UInt64 { UInt64((Double(ns) * durationScale).rounded()) }
        switch kind {
        case .constantRate(let rate, let ns):
            return Executor(kind: .constantRate(perSecond: rate * rateScale, nanoseconds: scale(ns)))
        case .rampingRate(let from, let to, let ns):
            return Executor(kind: .rampingRate(from: from * rateScale, to: to * rateScale, nanoseconds: scale(ns)))
        case .constantConcurrency(let workers, let ns):
            return Executor(kind: .constantConcurrency(workers: workers, nanoseconds: scale(ns)))
        case .iterations:
            return self
        }
    }

    public var description: String {
        func seconds(_ ns: UInt64) -> String { "\(Double(ns) / 1e9)s" }
        switch kind {
        case .constantRate(let rate, let ns): return "constant rate \(rate)/s for \(seconds(ns))"
        case .rampingRate(let from, let to, let ns): return "ramping rate \(from)/s -> \(to)/s over \(seconds(ns))"
        case .constantConcurrency(let workers, let ns): return "\(workers) workers for \(seconds(ns))"
        case .iterations(let count, let workers): return "\(count) iterations on \(workers) workers"
        }
    }
}
