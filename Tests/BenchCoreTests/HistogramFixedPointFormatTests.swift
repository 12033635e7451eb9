@testable import BenchCore
import Foundation
import Testing

@Suite("Histogram fixed-point formatting")
struct HistogramFixedPointFormatTests {
    @Test(
        "rounds half to even on the exact binary value, as glibc's printf",
        arguments: [
            (0.125, 2, "0.12"), (0.375, 2, "0.38"), (2.675, 2, "2.67"), (1.005, 2, "1.00"),
            (0.5, 0, "0"), (1.5, 0, "2"), (2.5, 0, "2"), (9.9996, 3, "10.000"),
            (999.9995, 3, "1000.000"),  // really 999.99950000000001182...
            (999.9994999, 3, "999.999"), (0, 3, "0.000"), (-0.0001, 3, "-0.000"), (-12.5, 1, "-12.5"),
            (1e22, 1, "10000000000000000000000.0"),
            (.leastNonzeroMagnitude, 3, "0.000"), (2.872281323269, 3, "2.872"),
            (.infinity, 3, "inf"), (-.infinity, 2, "-inf"), (.nan, 2, "nan"),
        ])
    func knownValues(value: Double, digits: Int, expected: String) {
        #expect(FixedPointFormat.fixed(value, fractionDigits: digits) == expected)
    }

    @Test("pads to the field width like %W.Pf and %Wd")
    func widths() {
        #expect(FixedPointFormat.fixed(5.5, fractionDigits: 3, width: 12) == "       5.500")
        #expect(FixedPointFormat.fixed(0.1, fractionDigits: 12, width: 2) == "0.100000000000")
        #expect(FixedPointFormat.integer(10, width: 10) == "        10")
        #expect(FixedPointFormat.integer(12_345, width: 3) == "12345")
    }

    @Test("agrees with C's printf on seeded random values of every magnitude")
    func matchesPrintf() {
        var rng = SplitMix64(seed: 99)
        for _ in 0..<3_000 {
            let magnitude = Double(Int(rng.next() % 40) - 12)
            let value = rng.nextUnitDouble() * pow(10, magnitude) * (rng.next() % 4 == 0 ? -1 : 1)
            let digits = Int(rng.next() % 13)
            let expected = String(format: "%.\(digits)f", value)
            #expect(FixedPointFormat.fixed(value, fractionDigits: digits) == expected, "\(value) with \(digits)")
        }
    }
}
