import Foundation

/// botocore's `CubicCalculator` (`retries/throttling.py`): CUBIC congestion control of the send rate, with
/// scale constant 0.4 and multiplicative decrease 0.7.
struct CubicCalculator {
    static let scaleConstant = 0.4
    static let beta = 0.7

    private var wMax: Double
    private var k: Double
    private var lastFail: Double

    init(startingMaxRate: Double, start: Double) {
        wMax = startingMaxRate
        k = Self.zeroPoint(wMax)
        lastFail = start
    }

    private static func zeroPoint(_ wMax: Double) -> Double { cbrt(wMax * (1 - beta) / scaleConstant) }

    /// The new rate after a success at `t`: `0.4 * (t - lastFail - K)^3 + wMax`.
    func successReceived(at t: Double) -> Double {
        let dt = t - lastFail - k
        return Self.scaleConstant * dt * dt * dt + wMax
    }

    /// The new rate after a throttle at `t` while sending at `rate`: `0.7 * rate`; remembers `rate` as wMax.
    mutating func errorReceived(rate: Double, at t: Double) -> Double {
        wMax = rate
        k = Self.zeroPoint(rate)
        lastFail = t
        return rate * Self.beta
    }
}
