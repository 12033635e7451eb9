/// A High Dynamic Range (HDR) histogram of `UInt64` values (bench records nanoseconds), after Gil Tene's
/// HdrHistogram.
///
/// It records values between a lowest discernible value and a highest trackable value (or any value, when it
/// auto-resizes) with a fixed number of significant decimal digits: with 3 digits, every value is counted in a slot
/// no wider than 1/1000 of it, so 1 ns to 1 hour fits in about 180 KiB while keeping 0.1 % precision.
///
///     var latencies = Histogram(highestTrackableValue: 3_600_000_000_000)  // 1 hour in nanoseconds
///     latencies.record(1_234_567)
///     latencies.valueAtPercentile(99)  // 1_234_567
///
/// It is a `Sendable` value: each worker records into its own copy without locks, and the copies are merged with
/// ``add(_:)`` at the end. Recording is O(1) and never allocates (except when an auto-resizing histogram grows).
/// Queries, iteration and the `.hgrm` output follow HdrHistogram exactly, so percentiles match its tools.
///
/// Equality compares what was recorded: the configuration that fixes the slots (lowest discernible value and
/// significant digits), every slot count, the total and the exact minimum and maximum. The storage size
/// (``highestTrackableValue``, ``isAutoResizing``) does not take part.
public struct Histogram: Sendable {
    /// The smallest value told apart from 0. Internally rounded down to a power of two.
    public let lowestDiscernibleValue: UInt64
    /// The highest value the histogram was asked to track (for an auto-resizing histogram: the highest value its
    /// current storage holds). Values somewhat above it may still fit, as storage comes in whole buckets.
    public private(set) var highestTrackableValue: UInt64
    /// Decimal digits of precision kept across the whole range (1...5).
    public let significantDigits: Int
    /// Whether recording or merging a value beyond the storage grows the storage instead of failing.
    public let isAutoResizing: Bool

    /// Slot arithmetic, shared with every histogram of the same lowest unit and digits.
    @usableFromInline let layout: HistogramLayout
    /// One count per slot, `layout.countsLength(bucketCount:)` long.
    @usableFromInline var counts: [UInt64]
    /// Sum of `counts`.
    @usableFromInline var total: UInt64 = 0
    /// The exact largest value recorded (0 when none).
    @usableFromInline var maxValue: UInt64 = 0
    /// The exact smallest non-zero value recorded (`UInt64.max` when none).
    @usableFromInline var minNonZeroValue: UInt64 = .max

    // MARK: Construction

    /// A histogram of values up to `highestTrackableValue`.
    ///
    /// Invalid parameters stop the program; for parameters that come from input, use
    /// ``make(lowestDiscernibleValue:highestTrackableValue:significantDigits:)``, which throws.
    /// - Parameters:
    ///   - lowestDiscernibleValue: the smallest value told apart from 0 (>= 1; e.g. 1000 to keep microsecond
    ///     precision on nanosecond values).
    ///   - highestTrackableValue: the largest value to track (>= 2 * `lowestDiscernibleValue`).
    ///   - significantDigits: decimal digits of precision, 1...5.
    public init(lowestDiscernibleValue: UInt64 = 1, highestTrackableValue: UInt64, significantDigits: Int = 3) {
        do {
            self = try Histogram.make(
                lowestDiscernibleValue: lowestDiscernibleValue,
                highestTrackableValue: highestTrackableValue,
                significantDigits: significantDigits)
        } catch {
            preconditionFailure(error.description)
        }
    }

    /// An auto-resizing histogram: values from 1 up to `UInt64.max`, storage growing as larger values arrive.
    /// - Parameter significantDigits: decimal digits of precision, 1...5 (invalid values stop the program; see
    ///   ``makeAutoResizing(significantDigits:)``).
    public init(significantDigits: Int = 3) {
        do {
            self = try Histogram.makeAutoResizing(significantDigits: significantDigits)
        } catch {
            preconditionFailure(error.description)
        }
    }

    /// Like ``init(lowestDiscernibleValue:highestTrackableValue:significantDigits:)``, but invalid parameters throw
    /// an error naming the parameter and its allowed range.
    public static func make(
        lowestDiscernibleValue: UInt64 = 1,
        highestTrackableValue: UInt64,
        significantDigits: Int = 3
    ) throws(HistogramError) -> Histogram {
        let layout = try checkedLayout(
            lowestDiscernibleValue: lowestDiscernibleValue, significantDigits: significantDigits)
        try checkHighestTrackableValue(highestTrackableValue, lowestDiscernibleValue: lowestDiscernibleValue)
        return Histogram(
            layout: layout, lowestDiscernibleValue: lowestDiscernibleValue,
            highestTrackableValue: highestTrackableValue, significantDigits: significantDigits, isAutoResizing: false)
    }

    /// Like ``init(significantDigits:)``, but invalid parameters throw.
    public static func makeAutoResizing(significantDigits: Int = 3) throws(HistogramError) -> Histogram {
        let layout = try checkedLayout(lowestDiscernibleValue: 1, significantDigits: significantDigits)
        // Start with one bucket; `highestTrackableValue` then reports what the storage holds.
        let highest = layout.highestStorableValue(countsLength: layout.countsLength(bucketCount: 1))
        return Histogram(
            layout: layout, lowestDiscernibleValue: 1, highestTrackableValue: highest,
            significantDigits: significantDigits, isAutoResizing: true)
    }

    /// The one place that allocates the counts; parameters already validated.
    init(
        layout: HistogramLayout, lowestDiscernibleValue: UInt64, highestTrackableValue: UInt64,
        significantDigits: Int, isAutoResizing: Bool
    ) {
        self.layout = layout
        self.lowestDiscernibleValue = lowestDiscernibleValue
        self.highestTrackableValue = highestTrackableValue
        self.significantDigits = significantDigits
        self.isAutoResizing = isAutoResizing
        let bucketCount = layout.bucketsNeeded(toCover: highestTrackableValue)
        counts = [UInt64](repeating: 0, count: layout.countsLength(bucketCount: bucketCount))
    }

    /// The layout for the parameters, or an error naming the offending one.
    static func checkedLayout(
        lowestDiscernibleValue: UInt64,
        significantDigits: Int
    ) throws(HistogramError) -> HistogramLayout {
        guard (1...5).contains(significantDigits) else {
            throw .invalidParameter(name: "significantDigits", value: "\(significantDigits)", allowed: "1...5")
        }
        guard (1...UInt64.max / 2).contains(lowestDiscernibleValue) else {
            throw .invalidParameter(
                name: "lowestDiscernibleValue", value: "\(lowestDiscernibleValue)", allowed: "1...\(UInt64.max / 2)")
        }
        guard let layout = HistogramLayout(
            lowestDiscernibleValue: lowestDiscernibleValue, significantDigits: significantDigits)
        else {
            // unitMagnitude + log2(subBucketCount) - 1 must stay <= 61 so that bucket 0, in units, fits 62 bits.
            let halfCountMagnitude = 64 - (2 * pow10(significantDigits) - 1).leadingZeroBitCount - 1
            let limit = (UInt64(1) << UInt64(62 - halfCountMagnitude)) - 1
            throw .invalidParameter(
                name: "lowestDiscernibleValue", value: "\(lowestDiscernibleValue)",
                allowed: "1...\(limit) with significantDigits = \(significantDigits)")
        }
        return layout
    }

    /// Checks `highestTrackableValue >= 2 * lowestDiscernibleValue`.
    static func checkHighestTrackableValue(
        _ highestTrackableValue: UInt64,
        lowestDiscernibleValue: UInt64
    ) throws(HistogramError) {
        guard highestTrackableValue >= 2 * lowestDiscernibleValue else {
            throw .invalidParameter(
                name: "highestTrackableValue", value: "\(highestTrackableValue)",
                allowed: "\(2 * lowestDiscernibleValue)...\(UInt64.max) (at least 2 * lowestDiscernibleValue)")
        }
    }

    /// `10^exponent` for small exponents.
    private static func pow10(_ exponent: Int) -> UInt64 {
        (0..<exponent).reduce(1) { power, _ in power * 10 }
    }

    // MARK: Value recording

    /// Counts one occurrence of `value`.
    /// - Returns: `false` when `value` has no slot (above the highest trackable value) and the histogram does not
    ///   auto-resize; nothing is recorded then.
    /// - Complexity: O(1), allocation-free (an auto-resizing histogram allocates when it grows).
    @inlinable
    @inline(__always)
    @discardableResult
    public mutating func record(_ value: UInt64) -> Bool {
        record(value, count: 1)
    }

    /// Counts `count` occurrences of `value`. Recording a count of 0 changes nothing and returns `true`.
    /// - Returns: `false` when `value` has no slot and the histogram does not auto-resize.
    /// - Complexity: O(1), allocation-free (an auto-resizing histogram allocates when it grows).
    @inlinable
    @inline(__always)
    @discardableResult
    public mutating func record(_ value: UInt64, count: UInt64) -> Bool {
        if count == 0 { return true }
        let index = layout.countsIndex(for: value)
        if index >= counts.count {
            guard grow(toHold: value) else { return false }
        }
        // The index is in bounds (checked above); skip the second bounds check of the subscript.
        counts.withUnsafeMutableBufferPointer { $0[index] &+= count }
        total &+= count
        maxValue = Swift.max(maxValue, value)
        // Branch-free "if value != 0 && value < minNonZeroValue": subtracting 1 turns 0 into UInt64.max, which
        // never wins the min, and leaves the `UInt64.max` sentinel for "none yet" at the top.
        minNonZeroValue = Swift.min(minNonZeroValue &- 1, value &- 1) &+ 1
        return true
    }

    /// Records `value` and, when it exceeds `expectedInterval`, backfills the samples that a load generator
    /// blocked for `value` would have missed: `value - expectedInterval`, `value - 2 * expectedInterval`, ...
    /// down to `expectedInterval` (coordinated-omission correction, as HdrHistogram's
    /// `recordValueWithExpectedInterval`).
    ///
    /// A 100 ms stall with a 10 ms expected interval records 100, 90, 80, ..., 10 ms: ten samples.
    /// - Returns: `false` when a value has no slot (see ``record(_:)``); the backfill stops there.
    /// - Complexity: O(`value / expectedInterval`).
    @discardableResult
    public mutating func recordCorrected(_ value: UInt64, expectedInterval: UInt64) -> Bool {
        guard record(value) else { return false }
        guard expectedInterval > 0, value > expectedInterval else { return true }
        var missingValue = value - expectedInterval
        while missingValue >= expectedInterval {
            guard record(missingValue) else { return false }
            missingValue -= expectedInterval
        }
        return true
    }

    /// Grows the storage so that `value` has a slot, if this histogram auto-resizes.
    /// - Returns: whether `value` now has a slot.
    @usableFromInline
    mutating func grow(toHold value: UInt64) -> Bool {
        guard isAutoResizing else { return false }
        let length = layout.countsLength(bucketCount: layout.bucketsNeeded(toCover: value))
        if length > counts.count {
            counts.append(contentsOf: repeatElement(0, count: length - counts.count))
            highestTrackableValue = layout.highestStorableValue(countsLength: length)
        }
        return true
    }

    // MARK: Merging

    /// Adds every value recorded in `other` to this histogram.
    ///
    /// When both histograms have the same slots (same lowest discernible unit and significant digits), the counts
    /// are summed slot by slot, whatever the two highest trackable values: the merge is lossless and equals one
    /// histogram that recorded both value streams. Otherwise each of `other`'s slots is re-recorded by value (its
    /// lowest equivalent value, with `other`'s exact minimum and maximum kept), at `other`'s resolution.
    ///
    /// - Throws: ``HistogramError/valueOutOfRange(value:highestTrackableValue:)`` when `other` holds a value this
    ///   histogram has no slot for and cannot grow to; nothing is added then.
    /// - Complexity: O(number of slots).
    public mutating func add(_ other: Histogram) throws(HistogramError) {
        guard other.total > 0 else { return }
        if layout.countsIndex(for: other.maxValue) >= counts.count {
            guard grow(toHold: other.maxValue) else {
                throw .valueOutOfRange(value: other.maxValue, highestTrackableValue: highestTrackableValue)
            }
        }
        if layout == other.layout {
            // `other`'s non-zero slots all lie at or below the slot of its maximum, which fits here.
            let common = Swift.min(counts.count, other.counts.count)
            counts.withUnsafeMutableBufferPointer { target in
                other.counts.withUnsafeBufferPointer { source in
                    for index in 0..<common { target[index] &+= source[index] }
                }
            }
            total &+= other.total
            maxValue = Swift.max(maxValue, other.maxValue)
            minNonZeroValue = Swift.min(minNonZeroValue, other.minNonZeroValue)
        } else {
            addByValue(other)
        }
    }

    /// Re-records each non-zero slot of `other` at its lowest equivalent value, except that one count of the
    /// lowest slot is recorded at `other.min` and one of the highest at `other.max`, so the extremes stay exact.
    private mutating func addByValue(_ other: Histogram) {
        let lowestIndex = other.layout.countsIndex(for: other.min)
        let highestIndex = other.layout.countsIndex(for: other.maxValue)
        for index in lowestIndex...highestIndex where other.counts[index] != 0 {
            var remaining = other.counts[index]
            if index == lowestIndex {
                record(other.min)
                remaining -= 1
            }
            if index == highestIndex, remaining > 0 {
                record(other.maxValue)
                remaining -= 1
            }
            let value = Swift.min(Swift.max(other.layout.value(atIndex: index), other.min), other.maxValue)
            record(value, count: remaining)
        }
    }

    // MARK: Clearing

    /// Forgets every recorded value; keeps the storage (and its size).
    public mutating func reset() {
        counts.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
        total = 0
        maxValue = 0
        minNonZeroValue = .max
    }

    // MARK: Structure

    /// Buckets in the current storage (each doubles the range of the previous one).
    var bucketCount: Int { layout.bucketCount(countsLength: counts.count) }
    /// Sub-buckets per bucket: 2048 for 3 digits.
    var subBucketCount: Int { layout.subBucketCount }
}

// MARK: Equality

extension Histogram: Hashable {
    public static func == (lhs: Histogram, rhs: Histogram) -> Bool {
        guard lhs.lowestDiscernibleValue == rhs.lowestDiscernibleValue,
            lhs.significantDigits == rhs.significantDigits,
            lhs.total == rhs.total,
            lhs.maxValue == rhs.maxValue,
            lhs.minNonZeroValue == rhs.minNonZeroValue
        else { return false }
        // Storage lengths may differ (growth, different highest values); slots past the shorter one must be empty.
        let common = Swift.min(lhs.counts.count, rhs.counts.count)
        return lhs.counts[..<common].elementsEqual(rhs.counts[..<common])
            && lhs.counts[common...].allSatisfy { $0 == 0 }
            && rhs.counts[common...].allSatisfy { $0 == 0 }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(lowestDiscernibleValue)
        hasher.combine(significantDigits)
        hasher.combine(total)
        hasher.combine(maxValue)
        hasher.combine(minNonZeroValue)
        // Equal histograms agree on every slot up to the one of the maximum, and all later slots are empty.
        if total > 0 {
            for count in counts[...layout.countsIndex(for: maxValue)] { hasher.combine(count) }
        }
    }
}
