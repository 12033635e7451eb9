/// The index arithmetic of an HDR histogram: how a value maps to a slot of the counts array and back.
///
/// Two histograms with equal layouts put every value into the same slot, so their counts arrays can be summed
/// element by element (whatever their lengths). The layout depends only on the lowest discernible value (through
/// its power of two, `unitMagnitude`) and on the number of significant digits.
///
/// Buckets overlap. With 3 digits there are 2048 sub-buckets: bucket 0 covers `0..<2048` in steps of 1 and uses
/// all 2048 slots; bucket `k > 0` covers `2048 << (k - 1) ..< 2048 << k` in steps of `2^k` and uses only its top
/// 1024 slots, because its bottom half is already covered, at better precision, by the buckets below it. So the
/// counts array holds `(bucketCount + 1) * subBucketHalfCount` slots.
@usableFromInline
internal struct HistogramLayout: Sendable, Hashable {
    /// `floor(log2(lowestDiscernibleValue))`: values are recorded in units of `2^unitMagnitude`.
    @usableFromInline let unitMagnitude: Int
    /// `log2(subBucketCount) - 1`, where `subBucketCount` is the power of two that gives single-unit resolution
    /// up to `2 * 10^digits` (so "+/- 1 unit at 1000" holds for 3 digits, and not only from 2000 on).
    @usableFromInline let subBucketHalfCountMagnitude: Int
    /// The largest value of bucket 0, with the unit applied; OR-ing it into a value maps small values to bucket 0.
    @usableFromInline let subBucketMask: UInt64
    /// Leading zeros of the largest value in bucket 0: `64 - unitMagnitude - log2(subBucketCount)`.
    @usableFromInline let leadingZeroCountBase: Int

    /// The layout for `significantDigits` (1...5) above `lowestDiscernibleValue` (>= 1), or `nil` when
    /// `subBucketCount << unitMagnitude` would not fit in 62 bits.
    init?(lowestDiscernibleValue: UInt64, significantDigits: Int) {
        var largestValueWithSingleUnitResolution: UInt64 = 2
        for _ in 0..<significantDigits { largestValueWithSingleUnitResolution *= 10 }
        unitMagnitude = 63 - lowestDiscernibleValue.leadingZeroBitCount
        // ceil(log2(x)) for x >= 2, in integers.
        let subBucketCountMagnitude = 64 - (largestValueWithSingleUnitResolution - 1).leadingZeroBitCount
        subBucketHalfCountMagnitude = subBucketCountMagnitude - 1
        guard unitMagnitude + subBucketHalfCountMagnitude <= 61 else { return nil }
        subBucketMask = UInt64((1 << subBucketCountMagnitude) - 1) << UInt64(unitMagnitude)
        leadingZeroCountBase = 64 - unitMagnitude - subBucketCountMagnitude
    }

    /// Sub-buckets per bucket (2048 for 3 digits).
    @inlinable var subBucketCount: Int { 1 &<< (subBucketHalfCountMagnitude &+ 1) }
    /// Half of ``subBucketCount``: the slots each bucket above bucket 0 uses.
    @inlinable var subBucketHalfCount: Int { 1 &<< subBucketHalfCountMagnitude }

    // MARK: Value to slot

    // The arithmetic below wraps (`&+`, `&<<`) instead of trapping: every result is small and non-negative (a
    // bucket index is at most 63 and a slot index below 2^23), and the trap checks and shift-range checks made
    // up a fifth of the time of `Histogram.record`.

    /// The lowest (most precise) bucket that can hold `value`: how many powers of two `value` lies above the
    /// largest value of bucket 0. One OR and one leading-zero count, no branch.
    @inlinable
    func bucketIndex(for value: UInt64) -> Int {
        leadingZeroCountBase &- (value | subBucketMask).leadingZeroBitCount
    }

    /// The sub-bucket of `value` inside `bucketIndex`; in `subBucketHalfCount..<subBucketCount` for every bucket
    /// but bucket 0 (otherwise the value would have fitted the bucket below).
    @inlinable
    func subBucketIndex(for value: UInt64, bucketIndex: Int) -> Int {
        Int(truncatingIfNeeded: value &>> UInt64(truncatingIfNeeded: bucketIndex &+ unitMagnitude))
    }

    /// The counts slot of a (bucket, sub-bucket) pair. Bucket 0's lower half lands below the base of bucket 1.
    @inlinable
    func countsIndex(bucketIndex: Int, subBucketIndex: Int) -> Int {
        ((bucketIndex &+ 1) &<< subBucketHalfCountMagnitude) &+ (subBucketIndex &- subBucketHalfCount)
    }

    /// The counts slot of `value`; never negative, possibly beyond the end of a given counts array.
    /// - Complexity: O(1), branch-free.
    @inlinable
    func countsIndex(for value: UInt64) -> Int {
        let bucket = bucketIndex(for: value)
        return countsIndex(bucketIndex: bucket, subBucketIndex: subBucketIndex(for: value, bucketIndex: bucket))
    }

    // MARK: Slot to value

    /// The lowest value that lands in counts slot `index`.
    @inlinable
    func value(atIndex index: Int) -> UInt64 {
        var bucket = (index >> subBucketHalfCountMagnitude) - 1
        var subBucket = (index & (subBucketHalfCount - 1)) + subBucketHalfCount
        if bucket < 0 {
            subBucket -= subBucketHalfCount
            bucket = 0
        }
        return UInt64(subBucket) &<< UInt64(bucket + unitMagnitude)
    }

    // MARK: Equivalent ranges

    /// The width of the range of values that share `value`'s slot.
    @inlinable
    func sizeOfEquivalentRange(_ value: UInt64) -> UInt64 {
        let bucket = bucketIndex(for: value)
        let subBucket = subBucketIndex(for: value, bucketIndex: bucket)
        let adjustedBucket = subBucket >= subBucketCount ? bucket + 1 : bucket
        return 1 &<< UInt64(unitMagnitude + adjustedBucket)
    }

    /// The smallest value that shares `value`'s slot.
    @inlinable
    func lowestEquivalent(_ value: UInt64) -> UInt64 {
        let bucket = bucketIndex(for: value)
        return UInt64(subBucketIndex(for: value, bucketIndex: bucket)) &<< UInt64(bucket + unitMagnitude)
    }

    /// The largest value that shares `value`'s slot (wraps to `UInt64.max` for the topmost slot).
    @inlinable
    func highestEquivalent(_ value: UInt64) -> UInt64 {
        lowestEquivalent(value) &+ sizeOfEquivalentRange(value) &- 1
    }

    /// The middle of `value`'s equivalent range (rounded up); what mean and standard deviation weigh.
    @inlinable
    func medianEquivalent(_ value: UInt64) -> UInt64 {
        lowestEquivalent(value) &+ (sizeOfEquivalentRange(value) >> 1)
    }

    // MARK: Sizing

    /// Buckets needed so that `value` has a slot.
    func bucketsNeeded(toCover value: UInt64) -> Int {
        var smallestUntrackableValue = UInt64(subBucketCount) << UInt64(unitMagnitude)
        var buckets = 1
        while smallestUntrackableValue <= value {
            if smallestUntrackableValue > UInt64.max / 2 { return buckets + 1 }
            smallestUntrackableValue <<= 1
            buckets += 1
        }
        return buckets
    }

    /// Slots for `bucketCount` buckets: bucket 0 takes a whole sub-bucket range, every other bucket half of one.
    func countsLength(bucketCount: Int) -> Int {
        (bucketCount + 1) * subBucketHalfCount
    }

    /// Buckets held by a counts array of `countsLength` slots.
    func bucketCount(countsLength: Int) -> Int {
        countsLength / subBucketHalfCount - 1
    }

    /// The largest value a counts array of `countsLength` slots can hold.
    func highestStorableValue(countsLength: Int) -> UInt64 {
        highestEquivalent(value(atIndex: countsLength - 1))
    }
}
