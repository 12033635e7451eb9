import BenchCore
import Foundation

/// How much latency a `latency` fault adds before the send.
public enum LatencyDistribution: Sendable, Hashable {
    /// Always the same delay.
    case fixed(nanoseconds: UInt64)
    /// Uniform in `[min, max]`.
    case uniform(minNanoseconds: UInt64, maxNanoseconds: UInt64)
    /// Log-normal with the given median and 99th percentile (`sigma = ln(p99 / median) / z(0.99)`).
    case lognormal(medianNanoseconds: UInt64, p99Nanoseconds: UInt64)
    /// A stall: one long pause (a GC pause, a stuck connection pool), reported as `stall`.
    case stall(nanoseconds: UInt64)

    /// The 0.99 quantile of the standard normal distribution.
    static let z99 = 2.326_347_874_040_841

    /// Draws one delay from `random`.
    /// - Complexity: O(1).
    func sample(_ random: inout SplitMix64) -> UInt64 {
        switch self {
        case .fixed(let nanoseconds), .stall(let nanoseconds):
            return nanoseconds
        case .uniform(let low, let high):
            guard high > low else { return low }
            return low + UInt64(random.nextUnitDouble() * Double(high - low))
        case .lognormal(let median, let p99):
            guard median > 0, p99 > median else { return median }
            let sigma = log(Double(p99) / Double(median)) / Self.z99
            // Box-Muller: 1 - u keeps the logarithm's argument in (0, 1].
            let u1 = 1 - random.nextUnitDouble()
            let u2 = random.nextUnitDouble()
            let normal = (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
            return RetryDecision.nanoseconds(Double(median) * exp(sigma * normal) / 1e9)
        }
    }

    /// A short description for fault events.
    var detail: String {
        switch self {
        case .fixed(let ns): "fixed \(ns / 1_000_000)ms"
        case .uniform(let low, let high): "uniform \(low / 1_000_000)-\(high / 1_000_000)ms"
        case .lognormal(let median, let p99): "lognormal median \(median / 1_000_000)ms p99 \(p99 / 1_000_000)ms"
        case .stall(let ns): "stall \(ns / 1_000_000)ms"
        }
    }
}
