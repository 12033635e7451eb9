extension Histogram {
    // MARK: Data access

    /// How many values were recorded.
    @inlinable
    public var totalCount: UInt64 { total }

    /// The smallest value recorded, exactly; 0 when a value in the lowest slot (0 itself, with a lowest discernible
    /// value of 1) was recorded, or when nothing was.
    public var min: UInt64 {
        counts[0] > 0 || total == 0 ? 0 : minNonZeroValue
    }

    /// The largest value recorded, exactly (0 when nothing was).
    public var max: UInt64 { maxValue }

    /// The smallest non-zero value recorded, exactly; `UInt64.max` when none was.
    public var minNonZero: UInt64 { minNonZeroValue }

    /// The mean of the recorded values, each counted at the middle of its slot (as HdrHistogram does); 0 when empty.
    /// - Complexity: O(number of slots).
    public var mean: Double {
        guard total > 0 else { return 0 }
        var sum = 0.0
        forEachNonZeroIndex { index in
            sum += Double(layout.medianEquivalent(layout.value(atIndex: index))) * Double(counts[index])
        }
        return sum / Double(total)
    }

    /// The population standard deviation of the recorded values, each counted at the middle of its slot;
    /// 0 when empty.
    /// - Complexity: O(number of slots).
    public var standardDeviation: Double {
        guard total > 0 else { return 0 }
        let mean = mean
        var sumOfSquares = 0.0
        forEachNonZeroIndex { index in
            let deviation = Double(layout.medianEquivalent(layout.value(atIndex: index))) - mean
            sumOfSquares += deviation * deviation * Double(counts[index])
        }
        return (sumOfSquares / Double(total)).squareRoot()
    }

    /// The value at `percentile` (0...100): the largest value that `100 - percentile` percent of the recorded
    /// values are at or above, reported as the highest value of its slot and clamped to ``min``...``max``.
    ///
    /// Exactly HdrHistogram's `getValueAtPercentile`: 1 ulp is taken off the percentile before the target count
    /// `ceil(percentile * totalCount / 100)` is computed, so that round-off (`99.9 * 1000 / 100 = 999.0000000001`)
    /// does not push the target into the next value. 0 (or less, or NaN) gives ``min``; 100 or more gives ``max``;
    /// an empty histogram gives 0.
    /// - Complexity: O(number of slots).
    public func valueAtPercentile(_ percentile: Double) -> UInt64 {
        guard total > 0 else { return 0 }
        guard percentile > 0 else { return min }
        guard percentile < 100 else { return max }
        let requested = Swift.min(Swift.max(percentile.nextDown, 0), 100)
        let fractionalCount = (requested * Double(total) / 100).rounded(.up)
        let target = Swift.max(1, fractionalCount >= 0x1p64 ? UInt64.max : UInt64(fractionalCount))
        var cumulative: UInt64 = 0
        for index in counts.indices {
            cumulative &+= counts[index]
            if cumulative >= target {
                let value = layout.highestEquivalent(layout.value(atIndex: index))
                return Swift.max(Swift.min(value, max), min)
            }
        }
        return max
    }

    /// The percentage (0...100) of recorded values at or below `value` (up to the top of its slot);
    /// 100 when empty.
    /// - Complexity: O(number of slots).
    public func percentileAtOrBelow(_ value: UInt64) -> Double {
        guard total > 0 else { return 100 }
        let last = Swift.min(layout.countsIndex(for: value), counts.count - 1)
        let below = counts[...last].reduce(0, &+)
        return 100 * Double(below) / Double(total)
    }

    /// How many recorded values lie in `range`, widened to whole slots (from the lowest equivalent of its lower
    /// bound to the highest equivalent of its upper bound).
    /// - Complexity: O(number of slots in the range).
    public func count(within range: ClosedRange<UInt64>) -> UInt64 {
        let first = layout.countsIndex(for: range.lowerBound)
        let last = Swift.min(layout.countsIndex(for: range.upperBound), counts.count - 1)
        guard first <= last else { return 0 }
        return counts[first...last].reduce(0, &+)
    }

    /// Calls `body` with the index of every non-zero slot, lowest first; stops after the slot of the maximum.
    func forEachNonZeroIndex(_ body: (_ index: Int) -> Void) {
        guard total > 0 else { return }
        for index in 0...layout.countsIndex(for: maxValue) where counts[index] != 0 { body(index) }
    }

    // MARK: Equivalent values

    /// The smallest value counted in the same slot as `value`.
    @inlinable
    public func lowestEquivalent(_ value: UInt64) -> UInt64 { layout.lowestEquivalent(value) }

    /// The largest value counted in the same slot as `value`.
    @inlinable
    public func highestEquivalent(_ value: UInt64) -> UInt64 { layout.highestEquivalent(value) }

    /// The middle (rounded up) of the values counted in the same slot as `value`.
    @inlinable
    public func medianEquivalent(_ value: UInt64) -> UInt64 { layout.medianEquivalent(value) }

    /// How many distinct values share `value`'s slot: 1 up to `2 * 10^digits` units, then doubling per bucket.
    @inlinable
    public func sizeOfEquivalentRange(_ value: UInt64) -> UInt64 { layout.sizeOfEquivalentRange(value) }

    /// Whether `a` and `b` are counted in the same slot (equal within the histogram's resolution).
    @inlinable
    public func valuesAreEquivalent(_ a: UInt64, _ b: UInt64) -> Bool {
        layout.lowestEquivalent(a) == layout.lowestEquivalent(b)
    }
}
