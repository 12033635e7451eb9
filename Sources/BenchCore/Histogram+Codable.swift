import Foundation

/// The compact, mergeable JSON form of a histogram (format version 1).
///
/// ```json
/// {"v":1,"lowest":1,"highest":10000,"digits":3,"total":302,"min":3,"max":200,"counts":"AwLEAawC"}
/// ```
///
/// is 3 recorded twice and 200 recorded 300 times: `counts` is the bytes `03 02 C4 01 AC 02`, i.e. (gap 3, count 2)
/// for slot 3, then (gap 196, count 300) for slot 200.
///
/// - `v`: format version, `1`.
/// - `lowest`, `highest`, `digits`: ``lowestDiscernibleValue``, ``highestTrackableValue``, ``significantDigits``.
///   Together they fix the slot layout and the number of slots, `(bucketCount + 1) * subBucketCount / 2` where
///   `subBucketCount = 2^ceil(log2(2 * 10^digits))` and `bucketCount` is 1 + the number of doublings
///   `subBucketCount << floor(log2(lowest))` needs to exceed `highest` (HdrHistogram's layout).
/// - `total`: the number of recorded values; must equal the sum of the decoded counts (a checksum).
/// - `min`: the smallest **non-zero** value recorded, exactly (`0` when none was; recorded zeros show in slot 0).
/// - `max`: the largest value recorded, exactly (`0` when none was).
/// - `counts`: standard base64 (RFC 4648 §4, with `=` padding) of the non-zero slots in increasing slot order,
///   each as two unsigned LEB128 varints (7 bits per byte, least significant group first, high bit set on every
///   byte but the last; at most 10 bytes): `gap`, the number of empty slots skipped since the previous non-zero
///   slot (or since slot 0 for the first one, so slot index = previous index + 1 + gap, starting from -1), then
///   `count` (>= 1). An empty histogram has `""`.
/// - `autoResize`: present, as `true`, only for an auto-resizing histogram.
///
/// Slot `i` holds the values from `lowestEquivalent(valueAt(i))` to `highestEquivalent(valueAt(i))`, with
/// `valueAt(i)`: `b = (i >> (log2(subBucketCount) - 1)) - 1`, `s = i % (subBucketCount / 2) + subBucketCount / 2`,
/// and, when `b < 0`, `s -= subBucketCount / 2; b = 0`; the value is `s << (b + floor(log2(lowest)))`.
/// Two histograms with equal `floor(log2(lowest))` and `digits` merge losslessly by summing the counts of equal slots.
///
/// Decoding checks every field (version, parameter ranges, base64, varints, slot indices within `highest`,
/// zero counts, the total, and that `min` and `max` sit in the lowest and highest non-zero slots) and throws
/// `DecodingError.dataCorrupted` naming the field.
extension Histogram: Codable {
    private enum CodingKeys: String, CodingKey {
        case version = "v", lowest, highest, digits, total, min, max, counts, autoResize
    }

    /// The only format version this build reads and writes.
    public static let encodingVersion = 1

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(Histogram.encodingVersion, forKey: .version)
        try container.encode(lowestDiscernibleValue, forKey: .lowest)
        try container.encode(highestTrackableValue, forKey: .highest)
        try container.encode(significantDigits, forKey: .digits)
        try container.encode(total, forKey: .total)
        // `maxValue == 0` means no non-zero value was recorded (`minNonZeroValue` may also be a recorded UInt64.max).
        try container.encode(maxValue == 0 ? 0 : minNonZeroValue, forKey: .min)
        try container.encode(maxValue, forKey: .max)
        try container.encode(encodedCounts().base64EncodedString(), forKey: .counts)
        if isAutoResizing { try container.encode(true, forKey: .autoResize) }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        func corrupt(_ key: CodingKeys, _ message: String) -> DecodingError {
            .dataCorruptedError(forKey: key, in: container, debugDescription: message)
        }

        let version = try container.decode(Int.self, forKey: .version)
        guard version == Histogram.encodingVersion else {
            throw corrupt(.version, "unsupported histogram encoding version v = \(version) (supported: 1)")
        }
        let lowest = try container.decode(UInt64.self, forKey: .lowest)
        let highest = try container.decode(UInt64.self, forKey: .highest)
        let digits = try container.decode(Int.self, forKey: .digits)
        let autoResize = try container.decodeIfPresent(Bool.self, forKey: .autoResize) ?? false
        let layout: HistogramLayout
        do {
            layout = try Histogram.checkedLayout(lowestDiscernibleValue: lowest, significantDigits: digits)
        } catch {
            throw corrupt(digits == 0 || digits > 5 ? .digits : .lowest, error.description)
        }
        do {
            try Histogram.checkHighestTrackableValue(highest, lowestDiscernibleValue: lowest)
        } catch {
            throw corrupt(.highest, error.description)
        }
        self.init(
            layout: layout, lowestDiscernibleValue: lowest, highestTrackableValue: highest,
            significantDigits: digits, isAutoResizing: autoResize)

        let base64 = try container.decode(String.self, forKey: .counts)
        guard let bytes = Data(base64Encoded: base64) else {
            throw corrupt(.counts, "counts is not valid base64")
        }
        do {
            try decodeCounts(bytes)
        } catch {
            throw corrupt(.counts, "counts: \(error.message)")
        }

        let expectedTotal = try container.decode(UInt64.self, forKey: .total)
        guard expectedTotal == total else {
            throw corrupt(.total, "total = \(expectedTotal) but the counts add up to \(total)")
        }
        let min = try container.decode(UInt64.self, forKey: .min)
        let max = try container.decode(UInt64.self, forKey: .max)
        if let problem = extremesProblem(min: min, max: max) { throw corrupt(problem.key, problem.message) }
        minNonZeroValue = min == 0 ? .max : min
        maxValue = max
    }

    /// The LEB128 (gap, count) pairs of the non-zero slots.
    private func encodedCounts() -> Data {
        var bytes = Data()
        var previous = -1
        forEachNonZeroIndex { index in
            appendLEB128(UInt64(index - previous - 1), to: &bytes)
            appendLEB128(counts[index], to: &bytes)
            previous = index
        }
        return bytes
    }

    /// Fills `counts` and `total` from the (gap, count) pairs, checking each.
    private mutating func decodeCounts(_ bytes: Data) throws(CountsError) {
        var reader = LEB128Reader(bytes: bytes)
        var index = -1
        while !reader.isAtEnd {
            let gap = try reader.next()
            guard gap < UInt64(counts.count), index + 1 + Int(gap) < counts.count else {
                throw CountsError(
                    message: "slot \(UInt64(index + 1) + gap) is beyond the \(counts.count) slots that "
                        + "highest = \(highestTrackableValue) gives")
            }
            index += 1 + Int(gap)
            guard !reader.isAtEnd else { throw CountsError(message: "slot \(index) has no count (truncated)") }
            let count = try reader.next()
            guard count > 0 else { throw CountsError(message: "slot \(index) has a count of 0") }
            let (sum, overflow) = total.addingReportingOverflow(count)
            guard !overflow else { throw CountsError(message: "the counts add up to more than \(UInt64.max)") }
            counts[index] = count
            total = sum
        }
    }

    /// Why the decoded `min` (smallest non-zero value, 0 for none) and `max` do not fit the decoded counts, if
    /// they do not.
    private func extremesProblem(min: UInt64, max: UInt64) -> (key: CodingKeys, message: String)? {
        guard total > 0 else {
            return min == 0 && max == 0 ? nil : (.max, "min and max must be 0 for an empty histogram")
        }
        var lastNonZero = 0
        var firstNonZeroAboveSlot0: Int?
        // Scan the whole storage: decoding cannot trust `max` to bound the non-zero slots.
        for index in counts.indices where counts[index] != 0 {
            lastNonZero = index
            if index > 0, firstNonZeroAboveSlot0 == nil { firstNonZeroAboveSlot0 = index }
        }
        guard layout.countsIndex(for: max) == lastNonZero else {
            return (.max, "max = \(max) is not in the highest non-zero slot (\(lastNonZero))")
        }
        guard max > 0 else {
            // Only zeros were recorded.
            return min == 0 ? nil : (.min, "min = \(min) but max = 0")
        }
        let minIndex = layout.countsIndex(for: min)
        guard min > 0, min <= max, counts[minIndex] > 0, minIndex == 0 || firstNonZeroAboveSlot0 == minIndex else {
            return (.min, "min = \(min) is not in the lowest non-zero slot")
        }
        return nil
    }
}

/// A problem inside the `counts` field, before it is wrapped into a `DecodingError`.
private struct CountsError: Error {
    let message: String
}

/// Appends `value` as an unsigned LEB128 varint.
private func appendLEB128(_ value: UInt64, to bytes: inout Data) {
    var rest = value
    while rest >= 0x80 {
        bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
        rest >>= 7
    }
    bytes.append(UInt8(rest))
}

/// Reads unsigned LEB128 varints, rejecting truncated and over-long (> 64-bit) ones.
private struct LEB128Reader {
    let bytes: Data
    var offset: Data.Index

    init(bytes: Data) {
        self.bytes = bytes
        offset = bytes.startIndex
    }

    var isAtEnd: Bool { offset == bytes.endIndex }

    mutating func next() throws(CountsError) -> UInt64 {
        let start = offset - bytes.startIndex
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while offset < bytes.endIndex {
            let byte = bytes[offset]
            offset += 1
            let payload = UInt64(byte & 0x7F)
            guard shift < 64, shift < 63 || payload <= 1 else {
                throw CountsError(message: "the varint at byte \(start) does not fit 64 bits")
            }
            value |= payload << shift
            if byte & 0x80 == 0 { return value }
            shift += 7
        }
        throw CountsError(message: "the varint at byte \(start) is truncated")
    }
}
