@testable import BenchCore
import Foundation
import Testing

@Suite("Histogram merging and JSON form")
struct HistogramMergeTests {
    /// Seeded, log-uniform-ish nanosecond latencies from 1 ns to about 17 minutes, with a few zeros.
    static func values(seed: UInt64, count: Int) -> [UInt64] {
        var rng = SplitMix64(seed: seed)
        return (0..<count).map { _ in
            let magnitude = rng.next() % 40
            return magnitude == 0 ? 0 : (rng.next() >> (64 - magnitude)) | 1
        }
    }

    enum Shape: String, CaseIterable, CustomTestStringConvertible {
        case sameLayout, smallerTarget, autoResizingTarget, autoResizingSource, differentDigits

        var testDescription: String { rawValue }

        /// The histogram merged into, the one merged from, and the histogram that records everything directly.
        func histograms() -> (target: Histogram, source: Histogram, whole: Histogram) {
            let hour: UInt64 = 3_600_000_000_000
            switch self {
            case .sameLayout:
                return (Histogram(highestTrackableValue: hour), Histogram(highestTrackableValue: hour),
                        Histogram(highestTrackableValue: hour))
            case .smallerTarget:
                // Same slots, different lengths: the target holds the source's values only because they fit.
                return (Histogram(highestTrackableValue: hour), Histogram(highestTrackableValue: .max),
                        Histogram(highestTrackableValue: hour))
            case .autoResizingTarget:
                return (Histogram(), Histogram(highestTrackableValue: hour), Histogram())
            case .autoResizingSource:
                return (Histogram(highestTrackableValue: hour), Histogram(), Histogram(highestTrackableValue: hour))
            case .differentDigits:
                // Re-recording by value: exact when the source is finer than the target's slots.
                return (Histogram(highestTrackableValue: hour, significantDigits: 2),
                        Histogram(highestTrackableValue: hour, significantDigits: 4),
                        Histogram(highestTrackableValue: hour, significantDigits: 2))
            }
        }
    }

    @Test("merging two histograms equals one histogram of all their values", arguments: Shape.allCases)
    func mergeEqualsWhole(shape: Shape) throws {
        var (target, source, whole) = shape.histograms()
        for value in Self.values(seed: 1, count: 5_000) {
            let recorded = target.record(value)
            #expect(recorded)
            whole.record(value)
        }
        for value in Self.values(seed: 2, count: 7_000) {
            let recorded = source.record(value)
            #expect(recorded)
            whole.record(value)
        }
        try target.add(source)
        #expect(target == whole)
        #expect(target.hashValue == whole.hashValue)
        #expect(target.totalCount == 12_000)
        for percentile in [0.0, 50, 90, 99, 99.9, 100] {
            #expect(target.valueAtPercentile(percentile) == whole.valueAtPercentile(percentile))
        }
    }

    @Test("a merge that would drop counts throws and changes nothing")
    func mergeOutOfRange() throws {
        var target = Histogram(highestTrackableValue: 1_000_000)
        target.record(5)
        let before = target
        var source = Histogram(highestTrackableValue: 3_600_000_000_000)
        source.record(10_000_000)
        #expect(throws: HistogramError.valueOutOfRange(value: 10_000_000, highestTrackableValue: 1_000_000)) {
            try target.add(source)
        }
        #expect(target == before)
        // An auto-resizing target takes it.
        var growing = Histogram()
        try growing.add(source)
        try growing.add(Histogram(highestTrackableValue: 100))
        #expect(growing.totalCount == 1 && growing.max == 10_000_000)
    }

    @Test("merging a histogram into itself doubles every count")
    func selfMerge() throws {
        var histogram = HistogramTests.oneToTen()
        try histogram.add(histogram)
        #expect(histogram.totalCount == 20)
        #expect(histogram.count(within: 5...5) == 2)
    }

    // MARK: JSON

    @Test("the JSON form round-trips equal, for fixed, auto-resizing, empty and extreme histograms",
          arguments: [0, 1, 2, 3])
    func jsonRoundTrip(variant: Int) throws {
        var histogram: Histogram
        switch variant {
        case 0:
            histogram = Histogram(lowestDiscernibleValue: 1000, highestTrackableValue: 3_600_000_000_000)
            for value in Self.values(seed: 3, count: 2_000) { histogram.record(value) }
        case 1:
            histogram = Histogram(significantDigits: 5)
            for value in Self.values(seed: 4, count: 2_000) { histogram.record(value >> 24, count: value % 7 + 1) }
        case 2:
            histogram = Histogram(highestTrackableValue: 100, significantDigits: 1)
        default:
            histogram = Histogram(highestTrackableValue: .max)
            histogram.record(.max, count: .max - 1)
            histogram.record(0)
        }
        let data = try JSONEncoder().encode(histogram)
        let decoded = try JSONDecoder().decode(Histogram.self, from: data)
        #expect(decoded == histogram)
        #expect(decoded.highestTrackableValue == histogram.highestTrackableValue)
        #expect(decoded.isAutoResizing == histogram.isAutoResizing)
        #expect(decoded.min == histogram.min && decoded.max == histogram.max)
        #expect(decoded.percentileDistribution(outputValueUnitScalingRatio: 1)
            == histogram.percentileDistribution(outputValueUnitScalingRatio: 1))
    }

    @Test("the JSON form has the documented fields and LEB128 (gap, count) pairs")
    func jsonLayout() throws {
        var histogram = Histogram(highestTrackableValue: 10_000)
        histogram.record(3, count: 2)
        histogram.record(200, count: 300)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = String(decoding: try encoder.encode(histogram), as: UTF8.self)
        // Slot 3: gap 3, count 2. Slot 200: gap 196, count 300 -> varints C4 01 and AC 02.
        let counts = Data([3, 2, 0xC4, 0x01, 0xAC, 0x02]).base64EncodedString()
        #expect(json == """
            {"counts":"\(counts)","digits":3,"highest":10000,"lowest":1,"max":200,"min":3,"total":302,"v":1}
            """)
    }

    static let valid =
        #"{"v":1,"lowest":1,"highest":10000,"digits":3,"total":302,"min":3,"max":200,"counts":"AwLEAawC"}"#

    @Test(
        "corrupt JSON is rejected with an error naming the field",
        arguments: [
            (#""v":1"#, #""v":2"#, "version"),
            (#""digits":3"#, #""digits":6"#, "significantDigits"),
            (#""lowest":1"#, #""lowest":0"#, "lowestDiscernibleValue"),
            (#""highest":10000"#, #""highest":1"#, "highestTrackableValue"),
            (#""total":302"#, #""total":303"#, "add up to 302"),
            (#""max":200"#, #""max":150"#, "max = 150"),
            (#""max":200"#, #""max":20000"#, "max = 20000"),
            (#""min":3"#, #""min":4"#, "min = 4"),
            (#""min":3"#, #""min":0"#, "min = 0 is not"),
            (#""AwLEAawC""#, #""AwLEAawC!""#, "base64"),
            (#""AwLEAawC""#, #""AwLEAaw=""#, "truncated"),  // the last varint lacks its final byte
            (#""AwLEAawC""#, #""AwDEAawC""#, "count of 0"),
            (#""AwLEAawC""#, #""/////////////wEB""#, "64 bits"),
            (#""AwLEAawC""#, #""gIABAQ==""#, "beyond"),  // gap 16384 > 5120 slots
        ])
    func corruptJSON(original: String, replacement: String, expected: String) throws {
        // The valid form decodes...
        _ = try JSONDecoder().decode(Histogram.self, from: Data(Self.valid.utf8))
        // ...and each corruption is caught.
        let corrupt = Self.valid.replacingOccurrences(of: original, with: replacement)
        #expect(corrupt != Self.valid)
        do {
            _ = try JSONDecoder().decode(Histogram.self, from: Data(corrupt.utf8))
            Issue.record("decoded corrupt JSON \(corrupt)")
        } catch let DecodingError.dataCorrupted(context) {
            #expect(context.debugDescription.contains(expected), "\(context.debugDescription)")
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test("missing fields are rejected")
    func missingField() {
        let json = Self.valid.replacingOccurrences(of: #","total":302"#, with: "")
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Histogram.self, from: Data(json.utf8)) }
    }
}
