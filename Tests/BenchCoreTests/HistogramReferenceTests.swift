import BenchCore
import Foundation
import Testing
import TestSupport

/// Runs the reference Python implementation (`pip install hdrhistogram`, module `hdrh`) on the same values.
enum PythonHDR {
    /// Whether `python3 -c "import hdrh"` succeeds; computed once.
    static let isAvailable = pythonCanImport("hdrh")

    /// Reads cases from the file named by argv[1], one per line: `highest digits v1 v2 ...`. Prints, per case,
    /// the value at each percentile of argv[2] (comma-separated), space-separated, on one line.
    static let script = """
        import sys
        from hdrh.histogram import HdrHistogram
        percentiles = [float(p) for p in sys.argv[2].split(",")]
        for line in open(sys.argv[1]):
            fields = line.split()
            histogram = HdrHistogram(1, int(fields[0]), int(fields[1]))
            for value in fields[2:]:
                if not histogram.record_value(int(value)):
                    sys.exit("value out of range: " + value)
            found = histogram.get_percentile_to_value_dict(percentiles)
            print(" ".join(str(found[p]) for p in percentiles))
        """
}

@Suite("Histogram against the reference Python HdrHistogram")
struct HistogramReferenceTests {
    enum Distribution: String, CaseIterable {
        case uniform, exponential, lognormal, pareto

        /// One sample, in nanoseconds, around a millisecond.
        func sample(_ rng: inout SplitMix64) -> Double {
            let u = rng.nextUnitDouble()
            switch self {
            case .uniform: return u * 2_000_000
            case .exponential: return -1_000_000 * log1p(-u)
            case .lognormal:
                // Box-Muller: a standard normal from two uniforms.
                let normal = (-2 * log1p(-u)).squareRoot() * cos(2 * .pi * rng.nextUnitDouble())
                return exp(log(1_000_000) + 1.5 * normal)
            case .pareto: return 10_000 / pow(1 - u, 1 / 1.1)  // heavy tail, alpha 1.1
            }
        }
    }

    /// With 20,000 values, `p * 20_000 / 100` is a whole number for every listed percentile, so HdrHistogram's
    /// `ceil` (ours, after the one-ulp trick) and the Python port's round-half-up pick the same order statistic.
    static let percentiles: [Double] = [0, 1, 10, 25, 50, 75, 90, 95, 99, 99.5, 99.9, 99.95, 99.99, 100]
    static let valueCount = 20_000
    static let highest: UInt64 = 3_600_000_000_000

    @Test(
        "valueAtPercentile agrees with hdrh within resolution (digits 1...5, four distributions)",
        .enabled(if: PythonHDR.isAvailable, "python3 with hdrh is missing: run `pip install hdrhistogram`"))
    func agreesWithPython() throws {
        var lines: [String] = []
        var histograms: [Histogram] = []
        var rng = SplitMix64(seed: 20_240_601)
        for digits in 1...5 {
            for distribution in Distribution.allCases {
                var histogram = Histogram(highestTrackableValue: Self.highest, significantDigits: digits)
                var values: [UInt64] = []
                for _ in 0..<Self.valueCount {
                    let value = UInt64(Swift.min(distribution.sample(&rng), Double(Self.highest)))
                    values.append(value)
                    let recorded = histogram.record(value)
                    #expect(recorded)
                }
                histograms.append(histogram)
                lines.append("\(Self.highest) \(digits) " + values.map(String.init).joined(separator: " "))
            }
        }

        let percentileList = Self.percentiles.map { "\($0)" }.joined(separator: ",")
        let (status, output, errors) = try withTemporaryFolder("bench-hdrh") { folder in
            let valuesURL = folder.appendingPathComponent("values.txt")
            try lines.joined(separator: "\n").write(to: valuesURL, atomically: true, encoding: .utf8)
            return try runPython(PythonHDR.script, [valuesURL.path, percentileList])
        }
        try #require(status == 0, "\(errors)")

        let answers = output.split(separator: "\n")
        try #require(answers.count == histograms.count)
        for (histogram, answer) in zip(histograms, answers) {
            let expected = answer.split(separator: " ").compactMap { UInt64($0) }
            try #require(expected.count == Self.percentiles.count)
            for (percentile, reference) in zip(Self.percentiles, expected) {
                let ours = histogram.valueAtPercentile(percentile)
                #expect(
                    histogram.valuesAreEquivalent(ours, reference),
                    "digits \(histogram.significantDigits) p\(percentile): ours \(ours), hdrh \(reference)")
            }
        }
    }
}
