/// The text layout of ``Histogram/percentileDistribution(outputValueUnitScalingRatio:ticksPerHalfDistance:format:)``.
public struct HistogramOutputFormat: Sendable, Hashable {
    enum Kind: Sendable, Hashable { case plainText, csv }
    let kind: Kind

    /// HdrHistogram's `.hgrm` text: aligned columns plus a mean/max/total footer; what HdrHistogram's online
    /// plotter reads.
    public static let plainText = HistogramOutputFormat(kind: .plainText)
    /// Comma-separated values with a header row and no footer; the last row's `1/(1-Percentile)` is `Infinity`.
    public static let csv = HistogramOutputFormat(kind: .csv)
}

extension Histogram {
    /// The percentile distribution in HdrHistogram's `.hgrm` format (or as CSV), byte for byte as HdrHistogram's
    /// `outputPercentileDistribution` writes it.
    ///
    /// One row per step of ``percentiles(ticksPerHalfDistance:)``: the value (divided by
    /// `outputValueUnitScalingRatio`, with ``significantDigits`` decimals), the percentile as a fraction with 12
    /// decimals, the cumulative count, and `1/(1-percentile)` with 2 decimals (left out on the last, 100 % row).
    /// Plain text ends with a footer:
    ///
    ///     #[Mean    =        5.500, StdDeviation   =        2.872]
    ///     #[Max     =       10.000, Total count    =           10]
    ///     #[Buckets =            4, SubBuckets     =         2048]
    ///
    /// where `Max` is the highest value of the maximum's slot, as in HdrHistogram.
    ///
    /// - Parameters:
    ///   - outputValueUnitScalingRatio: what values are divided by, e.g. `1_000_000` to print nanoseconds as
    ///     milliseconds.
    ///   - ticksPerHalfDistance: rows per halving of the distance to 100 % (values below 1 count as 1).
    ///   - format: ``HistogramOutputFormat/plainText`` (default) or ``HistogramOutputFormat/csv``.
    /// - Complexity: O(number of slots + rows).
    public func percentileDistribution(
        outputValueUnitScalingRatio: Double,
        ticksPerHalfDistance: Int = 5,
        format: HistogramOutputFormat = .plainText
    ) -> String {
        let csv = format.kind == .csv
        let digits = significantDigits
        var text = csv
            ? "\"Value\",\"Percentile\",\"TotalCount\",\"1/(1-Percentile)\"\n"
            : "       Value     Percentile TotalCount 1/(1-Percentile)\n\n"
        for step in percentiles(ticksPerHalfDistance: ticksPerHalfDistance) {
            let fraction = step.percentileLevelIteratedTo / 100
            let isLast = step.percentileLevelIteratedTo == 100
            let columns = [
                FixedPointFormat.fixed(Double(step.value) / outputValueUnitScalingRatio, fractionDigits: digits,
                                       width: csv ? 0 : 12),
                FixedPointFormat.fixed(fraction, fractionDigits: 12, width: csv ? 0 : 2),
                FixedPointFormat.integer(step.totalCountToThisValue, width: csv ? 0 : 10),
            ]
            let inverse = isLast
                ? (csv ? ["Infinity"] : [])
                : [FixedPointFormat.fixed(1 / (1 - fraction), fractionDigits: 2, width: csv ? 0 : 14)]
            text += (columns + inverse).joined(separator: csv ? "," : " ") + "\n"
        }
        guard !csv else { return text }

        func value(_ number: Double) -> String {
            FixedPointFormat.fixed(number / outputValueUnitScalingRatio, fractionDigits: digits, width: 12)
        }
        func count(_ number: Int) -> String { FixedPointFormat.integer(UInt64(number), width: 12) }
        let highest = total == 0 ? 0 : layout.highestEquivalent(maxValue)
        text += "#[Mean    = \(value(mean)), StdDeviation   = \(value(standardDeviation))]\n"
        let totalCount = FixedPointFormat.integer(total, width: 12)
        text += "#[Max     = \(value(Double(highest))), Total count    = \(totalCount)]\n"
        text += "#[Buckets = \(count(bucketCount)), SubBuckets     = \(count(subBucketCount))]\n"
        return text
    }
}
