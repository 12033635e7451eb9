import AWSModel
import BenchCore
import Emulator

/// The intended send times of an open-model phase: operation `i` is due at `offset(of: i)` nanoseconds after
/// the phase starts, whether or not earlier operations have answered (wrk2's constant-throughput model).
///
/// Constant rate `r`: `t_i = i / r`. Linear ramp from `r0` to `r1` over `T`: the expected count by time `t`
/// is `N(t) = r0 t + (r1 - r0) t^2 / (2T)`, and `t_i` solves `N(t) = i`.
struct ArrivalSchedule: Sendable {
    private let from: Double
    private let to: Double
    private let seconds: Double

    init?(_ executor: Executor) {
        switch executor.kind {
        case .constantRate(let rate, let ns):
            (from, to, seconds) = (rate, rate, Double(ns) / 1e9)
        case .rampingRate(let r0, let r1, let ns):
            (from, to, seconds) = (r0, r1, Double(ns) / 1e9)
        case .constantConcurrency, .iterations:
            return nil
        }
    }

    /// Nanoseconds from the phase start at which operation `index` is due, or `nil` when it falls past the
    /// phase's end. O(1).
    func offset(of index: Int) -> UInt64? {
        let i = Double(index)
        let t: Double
        let slope = (to - from) / seconds
        if abs(slope) < 1e-12 {
            guard from > 0 else { return nil }
            t = i / from
        } else {
            // Solve (slope / 2) t^2 + from t - i = 0 for the smallest t >= 0.
            let a = slope / 2
            let discriminant = from * from + 4 * a * i
            guard discriminant >= 0 else { return nil }
            t = (-from + discriminant.squareRoot()) / (2 * a)
        }
        guard t.isFinite, t >= 0, t < seconds else { return nil }
        return UInt64((t * 1e9).rounded())
    }
}
