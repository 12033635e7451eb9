@testable import BenchCore
import Testing

@Suite("Histogram")
struct HistogramTests {
    // MARK: Golden output

    /// HdrHistogram's own golden output (Java's and hdrhistogram-swift's test suites) for 1...10 at 3 digits.
    static let golden = """
               Value     Percentile TotalCount 1/(1-Percentile)

               1.000 0.000000000000          1           1.00
               1.000 0.100000000000          1           1.11
               2.000 0.200000000000          2           1.25
               3.000 0.300000000000          3           1.43
               4.000 0.400000000000          4           1.67
               5.000 0.500000000000          5           2.00
               6.000 0.550000000000          6           2.22
               6.000 0.600000000000          6           2.50
               7.000 0.650000000000          7           2.86
               7.000 0.700000000000          7           3.33
               8.000 0.750000000000          8           4.00
               8.000 0.775000000000          8           4.44
               8.000 0.800000000000          8           5.00
               9.000 0.825000000000          9           5.71
               9.000 0.850000000000          9           6.67
               9.000 0.875000000000          9           8.00
               9.000 0.887500000000          9           8.89
               9.000 0.900000000000          9          10.00
              10.000 0.912500000000         10          11.43
              10.000 1.000000000000         10
        #[Mean    =        5.500, StdDeviation   =        2.872]
        #[Max     =       10.000, Total count    =           10]
        #[Buckets =            4, SubBuckets     =         2048]

        """

    static func oneToTen() -> Histogram {
        var histogram = Histogram(highestTrackableValue: 10_000, significantDigits: 3)
        for value in UInt64(1)...10 { histogram.record(value) }
        return histogram
    }

    @Test("the .hgrm output matches HdrHistogram's golden output byte for byte")
    func goldenPlainText() {
        let text = Self.oneToTen().percentileDistribution(outputValueUnitScalingRatio: 1, ticksPerHalfDistance: 5)
        #expect(text == Self.golden)
    }

    @Test("the CSV output has HdrHistogram's header, row format and Infinity on the last row")
    func goldenCSV() {
        let lines = Self.oneToTen().percentileDistribution(outputValueUnitScalingRatio: 1, format: .csv)
            .split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first == "\"Value\",\"Percentile\",\"TotalCount\",\"1/(1-Percentile)\"")
        #expect(lines[1] == "1.000,0.000000000000,1,1.00")
        #expect(lines[19] == "10.000,0.912500000000,10,11.43")
        #expect(lines[20] == "10.000,1.000000000000,10,Infinity")
        #expect(lines.count == 22 && lines[21].isEmpty)
    }

    @Test("values are divided by the scaling ratio and printed with `digits` decimals")
    func scaledOutput() {
        var histogram = Histogram(highestTrackableValue: 3_600_000_000_000, significantDigits: 2)
        histogram.record(1_500_000)  // 1.5 ms in nanoseconds, in a slot of 8192 ns from 1_499_136 to 1_507_327
        #expect(histogram.highestEquivalent(1_500_000) == 1_507_327)
        let text = histogram.percentileDistribution(outputValueUnitScalingRatio: 1_000_000)
        #expect(text.contains("\n        1.51 0.000000000000          1           1.00\n"))
        #expect(text.contains("#[Mean    =         1.50, StdDeviation   =         0.00]"))
        #expect(text.contains("#[Max     =         1.51, Total count    =            1]"))
    }

    @Test("an empty histogram prints the header and a zero footer")
    func emptyOutput() {
        let text = Histogram(highestTrackableValue: 10_000).percentileDistribution(outputValueUnitScalingRatio: 1)
        #expect(text == """
                   Value     Percentile TotalCount 1/(1-Percentile)

            #[Mean    =        0.000, StdDeviation   =        0.000]
            #[Max     =        0.000, Total count    =            0]
            #[Buckets =            4, SubBuckets     =         2048]

            """)
    }

    // MARK: Layout (white box)

    @Test("3 digits over 1...2^32: 2048 sub-buckets, 23 buckets, and the index arithmetic of HdrHistogram")
    func indexArithmetic() {
        let histogram = Histogram(highestTrackableValue: 1 << 32, significantDigits: 3)
        let layout = histogram.layout
        #expect(histogram.subBucketCount == 2048)
        #expect(histogram.bucketCount == 23)
        #expect(histogram.counts.count == 24 * 1024)
        #expect(layout.unitMagnitude == 0)
        #expect(layout.subBucketHalfCountMagnitude == 10)
        #expect(layout.bucketIndex(for: 2048 + 6) == 1)
        #expect(layout.subBucketIndex(for: 2048 + 6, bucketIndex: 1) == 1024 + 3)
        #expect(layout.bucketIndex(for: 2047) == 0)
        #expect(layout.subBucketIndex(for: 2047, bucketIndex: 0) == 2047)
        #expect(layout.countsIndex(for: 2047) == 2047)
        #expect(layout.countsIndex(for: 2048) == 2048)
        #expect(layout.countsIndex(for: 4095) == 2048 + 1023)
        #expect(layout.countsIndex(for: 4096) == 3072)
        // Every slot maps back to its lowest value.
        for index in [0, 1, 1023, 1024, 2047, 2048, 3071, 3072, 24 * 1024 - 1] {
            #expect(layout.countsIndex(for: layout.value(atIndex: index)) == index)
        }
    }

    @Test("a lowest discernible value of 1000 counts in units of 512")
    func unitMagnitude() {
        let histogram = Histogram(lowestDiscernibleValue: 1000, highestTrackableValue: 1 << 32, significantDigits: 3)
        #expect(histogram.layout.unitMagnitude == 9)
        #expect(histogram.bucketCount == 14)
        #expect(histogram.sizeOfEquivalentRange(1) == 512)
        #expect(histogram.lowestEquivalent(1000) == 512)
        #expect(histogram.valuesAreEquivalent(0, 511))
        #expect(!histogram.valuesAreEquivalent(511, 512))
    }

    @Test("equivalent ranges: single units up to 2 * 10^digits, then doubling per bucket")
    func equivalentRanges() {
        let histogram = Histogram(highestTrackableValue: 3_600_000_000_000, significantDigits: 3)
        #expect(histogram.sizeOfEquivalentRange(2047) == 1)
        #expect(histogram.sizeOfEquivalentRange(2048) == 2)
        #expect(histogram.sizeOfEquivalentRange(10_007) == 8)
        #expect(histogram.lowestEquivalent(10_007) == 10_000)
        #expect(histogram.highestEquivalent(10_007) == 10_007)
        #expect(histogram.medianEquivalent(10_007) == 10_004)
        #expect(histogram.highestEquivalent(2047) == 2047)
        // The precision promise: every slot is narrower than 1/1000 of its values.
        for value: UInt64 in [2_000, 12_345, 1_000_000, 987_654_321, 3_600_000_000_000] {
            #expect(histogram.sizeOfEquivalentRange(value) * 1000 <= value)
        }
    }

    @Test("the topmost slot of a full-range histogram reaches UInt64.max without overflow")
    func fullRange() {
        var histogram = Histogram(highestTrackableValue: .max, significantDigits: 3)
        let recorded = histogram.record(.max)
        #expect(recorded)
        #expect(histogram.highestEquivalent(.max) == .max)
        #expect(histogram.valueAtPercentile(50) == .max)
        #expect(histogram.max == .max)
    }

    // MARK: Construction

    @Test(
        "invalid parameters throw an error naming the parameter and the allowed range",
        arguments: [
            (UInt64(1), UInt64(1000), 0, "significantDigits", "1...5"),
            (1, 1000, 6, "significantDigits", "1...5"),
            (0, 1000, 3, "lowestDiscernibleValue", "1..."),
            (100, 199, 3, "highestTrackableValue", "200..."),
            (UInt64(1) << 50, .max, 5, "lowestDiscernibleValue", "with significantDigits = 5"),
        ])
    func invalidParameters(lowest: UInt64, highest: UInt64, digits: Int, name: String, allowed: String) {
        do {
            _ = try Histogram.make(
                lowestDiscernibleValue: lowest, highestTrackableValue: highest, significantDigits: digits)
            Issue.record("expected an error")
        } catch {
            guard case .invalidParameter(let parameter, _, let range) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(parameter == name)
            #expect(range.contains(allowed))
            #expect(error.description.contains(name))
        }
    }

    @Test("each limit accepts its boundary value", arguments: [1, 5])
    func validBoundaries(digits: Int) throws {
        let histogram = try Histogram.make(
            lowestDiscernibleValue: 100, highestTrackableValue: 200, significantDigits: digits)
        #expect(histogram.significantDigits == digits)
        #expect(try Histogram.makeAutoResizing(significantDigits: digits).isAutoResizing)
        // unitMagnitude + subBucketHalfCountMagnitude may be 61 (5 digits: half magnitude 17, unit 2^44), not 62.
        #expect(throws: Never.self) {
            try Histogram.make(lowestDiscernibleValue: 1 << 44, highestTrackableValue: .max, significantDigits: 5)
        }
        #expect(throws: HistogramError.self) {
            try Histogram.make(lowestDiscernibleValue: 1 << 45, highestTrackableValue: .max, significantDigits: 5)
        }
    }

    // MARK: Recording

    @Test("out-of-range values are refused without a change; auto-resizing histograms grow instead")
    func outOfRange() {
        var fixed = Histogram(highestTrackableValue: 10_000, significantDigits: 3)
        // The storage comes in whole buckets: 4 buckets hold up to 16_383.
        let results = [fixed.record(16_383), fixed.record(16_384)]
        #expect(results == [true, false])
        #expect(fixed.totalCount == 1 && fixed.max == 16_383)

        var growing = Histogram(significantDigits: 3)
        #expect(growing.highestTrackableValue == 2047)
        let grown = growing.record(3_600_000_000_000)
        #expect(grown)
        #expect(growing.highestTrackableValue >= 3_600_000_000_000)
        let full = growing.record(.max)
        #expect(full)
        #expect(growing.totalCount == 2 && growing.max == .max)
    }

    @Test("recording within range never reallocates the counts (allocation-free hot path)")
    func recordingKeepsStorage() {
        var histogram = Histogram(highestTrackableValue: 3_600_000_000_000, significantDigits: 3)
        let before = histogram.counts.withUnsafeBufferPointer { $0.baseAddress }
        var rng = SplitMix64(seed: 1)
        for _ in 0..<10_000 { histogram.record(rng.next() % 3_600_000_000_000) }
        histogram.record(7, count: 1_000)
        let after = histogram.counts.withUnsafeBufferPointer { $0.baseAddress }
        #expect(before == after)
        #expect(histogram.totalCount == 11_000)
    }

    @Test("min, max and minNonZero are exact; a count of 0 changes nothing")
    func extremes() {
        var histogram = Histogram(highestTrackableValue: 3_600_000_000_000)
        #expect(histogram.min == 0 && histogram.max == 0 && histogram.minNonZero == .max)
        histogram.record(123_456_789)
        histogram.record(98_765)
        histogram.record(5, count: 0)
        #expect(histogram.min == 98_765 && histogram.minNonZero == 98_765)
        #expect(histogram.max == 123_456_789)
        histogram.record(0)
        #expect(histogram.min == 0 && histogram.minNonZero == 98_765)
        histogram.reset()
        #expect(histogram.totalCount == 0 && histogram.max == 0 && histogram.minNonZero == .max)
        #expect(histogram == Histogram(highestTrackableValue: 3_600_000_000_000))
    }

    // MARK: Queries

    @Test("percentiles of 1...10 follow HdrHistogram, including the one-ulp trick")
    func percentiles() {
        let histogram = Self.oneToTen()
        #expect(histogram.valueAtPercentile(0) == 1)
        #expect(histogram.valueAtPercentile(-5) == 1)
        #expect(histogram.valueAtPercentile(10) == 1)
        #expect(histogram.valueAtPercentile(10.000_1) == 2)
        #expect(histogram.valueAtPercentile(50) == 5)
        #expect(histogram.valueAtPercentile(90) == 9)
        #expect(histogram.valueAtPercentile(99.999) == 10)
        #expect(histogram.valueAtPercentile(100) == 10)
        #expect(histogram.valueAtPercentile(250) == 10)
        #expect(Histogram(highestTrackableValue: 100).valueAtPercentile(50) == 0)
        // 99.9 % of 1000 is 999.0000000000001 in floating point; without the ulp trick the target would be 1000.
        var thousand = Histogram(highestTrackableValue: 10_000)
        for value in UInt64(1)...1000 { thousand.record(value) }
        #expect(thousand.valueAtPercentile(99.9) == 999)
        #expect(thousand.valueAtPercentile(0.1) == 1)
    }

    @Test("percentileAtOrBelow, count(within:), mean and standard deviation")
    func otherQueries() {
        let histogram = Self.oneToTen()
        #expect(histogram.percentileAtOrBelow(5) == 50)
        #expect(histogram.percentileAtOrBelow(0) == 0)
        #expect(histogram.percentileAtOrBelow(1_000_000) == 100)
        #expect(Histogram(highestTrackableValue: 100).percentileAtOrBelow(5) == 100)
        #expect(histogram.count(within: 3...5) == 3)
        #expect(histogram.count(within: 11...1_000_000) == 0)
        #expect(histogram.count(within: 0...UInt64.max) == 10)
        #expect(histogram.mean == 5.5)
        #expect(abs(histogram.standardDeviation - 2.872_281_323) < 1e-9)
    }

    @Test("recordedValues visits each non-zero slot once, with running totals")
    func recordedValues() {
        var histogram = Histogram(highestTrackableValue: 1_000_000)
        histogram.record(10, count: 3)
        histogram.record(100_000)
        let steps = Array(histogram.recordedValues())
        #expect(steps.map(\.value) == [10, histogram.highestEquivalent(100_000)])
        #expect(steps.map(\.count) == [3, 1])
        #expect(steps.map(\.totalCountToThisValue) == [3, 4])
        #expect(steps.map(\.percentile) == [75, 100])
        #expect(steps[1].prevValue == 10)
        #expect(steps[1].totalValueToThisValue == 30 + histogram.highestEquivalent(100_000))
    }

    @Test("percentiles(ticksPerHalfDistance:) ends with one step at exactly 100 %")
    func percentileSteps() {
        let steps = Array(Self.oneToTen().percentiles(ticksPerHalfDistance: 1))
        // One tick per half distance: 0, 50, 75, 87.5, 93.75 (reached only at 10, which is 100 %), then 100.
        #expect(steps.map(\.percentileLevelIteratedTo) == [0, 50, 75, 87.5, 93.75, 100])
        #expect(steps.map(\.value) == [1, 5, 8, 9, 10, 10])
        #expect(steps.map(\.countAddedInThisIterationStep) == [1, 4, 3, 1, 1, 0])
        #expect(Array(Histogram(highestTrackableValue: 100).percentiles(ticksPerHalfDistance: 5)).isEmpty)
    }

    @Test("percentile steps end even when a cumulative percentile rounds to 100 before the last slot")
    func percentileStepsTerminate() {
        var histogram = Histogram(highestTrackableValue: 1_000)
        histogram.record(1, count: 1 << 62)
        histogram.record(2)  // 100 * (2^62) / (2^62 + 1) == 100.0 in Double
        for ticks in [1, 5] {
            let steps = Array(histogram.percentiles(ticksPerHalfDistance: ticks).prefix(10_000))
            #expect(steps.count < 1_000)
            #expect(steps.last?.value == 2 && steps.last?.percentileLevelIteratedTo == 100)
        }
    }

    // MARK: Coordinated omission

    /// HdrHistogram's classic scenario: a load generator meant to send every 10 ms sees 10,000 answers of 1 ms,
    /// then one 100 s stall. Raw, the stall is one sample in 10,001, invisible below p99.99. Corrected, the
    /// requests the stalled generator should have sent (every 10 ms) are backfilled with the waits they would have
    /// seen: 99.99 s, 99.98 s, ..., 10 ms. That is 9,999 extra samples plus the 100 s one.
    ///
    /// So the corrected histogram holds 10,000 samples of 1 ms and, for k = 1...10,000, one of k * 10 ms:
    /// 20,000 in all. The value at percentile p is the ceil(p * 20_000 / 100)-th smallest sample: p50 -> the
    /// 10,000th -> 1 ms; p75 -> the 15,000th -> the 5,000th backfill -> 50 s; p90 -> the 8,000th backfill -> 80 s;
    /// p99 -> the 9,800th -> 98 s; p99.99 -> the 9,998th -> 99.98 s.
    @Test("coordinated omission correction backfills a stall like HdrHistogram")
    func coordinatedOmission() {
        let millisecond: UInt64 = 1_000_000
        var raw = Histogram(highestTrackableValue: 3_600_000_000_000, significantDigits: 3)
        var corrected = raw
        for _ in 0..<10_000 {
            raw.record(millisecond)
            corrected.recordCorrected(millisecond, expectedInterval: 10 * millisecond)
        }
        raw.record(100_000 * millisecond)
        corrected.recordCorrected(100_000 * millisecond, expectedInterval: 10 * millisecond)

        #expect(raw.totalCount == 10_001)
        #expect(corrected.totalCount == 20_000)
        let expectations: [(percentile: Double, raw: UInt64, corrected: UInt64)] = [
            (50, millisecond, millisecond),
            (75, millisecond, 50_000 * millisecond),
            (90, millisecond, 80_000 * millisecond),
            (99, millisecond, 98_000 * millisecond),
            (99.99, millisecond, 99_980 * millisecond),
            (100, 100_000 * millisecond, 100_000 * millisecond),
        ]
        for (percentile, rawValue, correctedValue) in expectations {
            #expect(raw.valuesAreEquivalent(raw.valueAtPercentile(percentile), rawValue), "raw p\(percentile)")
            #expect(
                corrected.valuesAreEquivalent(corrected.valueAtPercentile(percentile), correctedValue),
                "corrected p\(percentile)")
        }
        #expect(corrected.count(within: 10 * millisecond...100_000 * millisecond) == 10_000)
    }

    @Test("values at or below the expected interval are not backfilled; an interval of 0 disables correction")
    func noCorrection() {
        var histogram = Histogram(highestTrackableValue: 1_000_000)
        histogram.recordCorrected(10, expectedInterval: 10)
        histogram.recordCorrected(1000, expectedInterval: 0)
        #expect(histogram.totalCount == 2)
        histogram.recordCorrected(35, expectedInterval: 10)  // 35, 25, 15
        #expect(histogram.totalCount == 5)
        #expect(histogram.count(within: 15...15) == 1)
    }
}
