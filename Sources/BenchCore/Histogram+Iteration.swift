extension Histogram {
    /// One step of an iteration over a histogram, with the running totals up to it (HdrHistogram's
    /// `HistogramIterationValue`).
    public struct IterationValue: Sendable, Hashable {
        /// The value iterated to: the highest value of the current slot.
        public var value: UInt64
        /// The value of the previous step (0 for the first).
        public var prevValue: UInt64
        /// The count of the current slot.
        public var count: UInt64
        /// The percentage of recorded values at or below ``value``.
        public var percentile: Double
        /// The percentile level the iterator stepped to; for ``Histogram/percentiles(ticksPerHalfDistance:)``
        /// it is at most ``percentile`` (several levels can stop at the same slot), otherwise equal to it.
        public var percentileLevelIteratedTo: Double
        /// Values added to ``totalCountToThisValue`` since the previous step (0 when a step stays on a slot).
        public var countAddedInThisIterationStep: UInt64
        /// Values recorded at or below ``value``.
        public var totalCountToThisValue: UInt64
        /// Sum of the values recorded at or below ``value``, each counted at the highest value of its slot
        /// (wraps around on overflow).
        public var totalValueToThisValue: UInt64
    }

    /// Every non-zero slot, lowest first.
    public func recordedValues() -> RecordedValues { RecordedValues(cursor: SlotCursor(histogram: self)) }

    /// Steps through percentile levels the way HdrHistogram's `.hgrm` output does: from 0 % towards 100 % in
    /// steps that halve every time half of the remaining distance to 100 % is covered, `ticksPerHalfDistance`
    /// steps per half; then one last step at exactly 100 %. A level is reported at the first non-zero slot whose
    /// cumulative percentile reaches it.
    /// - Parameter ticksPerHalfDistance: steps per halving (values below 1 count as 1).
    public func percentiles(ticksPerHalfDistance: Int) -> Percentiles {
        Percentiles(cursor: SlotCursor(histogram: self), ticksPerHalfDistance: Swift.max(1, ticksPerHalfDistance))
    }

    /// The sequence of ``recordedValues()``.
    public struct RecordedValues: Sequence, IteratorProtocol, Sendable {
        var cursor: SlotCursor

        public mutating func next() -> IterationValue? {
            while !cursor.countedEverything, cursor.advance() {
                if cursor.countAtIndex != 0 { return cursor.step(percentileLevel: nil) }
            }
            return nil
        }
    }

    /// The sequence of ``percentiles(ticksPerHalfDistance:)``.
    public struct Percentiles: Sequence, IteratorProtocol, Sendable {
        var cursor: SlotCursor
        let ticksPerHalfDistance: Int
        var level = 0.0
        var reachedLastLevel = false
        /// Set after a row at 100 % before the end: the next row must come from a later slot.
        var mustLeaveSlot = false

        public mutating func next() -> IterationValue? {
            if cursor.countedEverything {
                // One extra, final step to exactly 100 %.
                guard !reachedLastLevel, cursor.histogram.total > 0 else { return nil }
                level = 100
                reachedLastLevel = true
                mustLeaveSlot = false
            }
            if mustLeaveSlot {
                mustLeaveSlot = false
                guard cursor.advance() else { return nil }
            }
            repeat {
                if cursor.index >= 0, cursor.countAtIndex != 0, cursor.percentile >= level {
                    defer { advanceLevel() }
                    return cursor.step(percentileLevel: level)
                }
            } while cursor.advance()
            return nil
        }

        /// Moves `level` one tick on. Ticks keep a fixed size within each half of the remaining distance to 100 %
        /// (which makes the output easy to read) and halve when it is crossed: the 0–100 range is divided into
        /// `ticksPerHalfDistance * 2^(floor(log2(100 / (100 - level))) + 1)` ticks.
        ///
        /// Two guards keep the iteration finite where HdrHistogram's would not (only with more than ~10^15
        /// values, when a cumulative percentile rounds to 100 before the last slot): a tick too small to move
        /// `level` (it sticks near 99.99999999999996) jumps to 100, and after a row at 100 the next row needs a
        /// later slot.
        private mutating func advanceLevel() {
            guard level != 100 else {
                mustLeaveSlot = true
                return
            }
            let halvings = Int((100 / (100 - level)).log2Floor)
            let ticks = Double(ticksPerHalfDistance) * Double(sign: .plus, exponent: halvings + 1, significand: 1)
            let nextLevel = level + 100 / ticks
            level = nextLevel > level ? nextLevel : 100
        }
    }

    /// Walks the slots in order, keeping the running totals an ``IterationValue`` reports.
    struct SlotCursor: Sendable {
        let histogram: Histogram
        /// The current slot; -1 before the first.
        private(set) var index = -1
        /// Values in slots up to and including the current one.
        private(set) var countToIndex: UInt64 = 0
        private var valueToIndex: UInt64 = 0
        private var previousValue: UInt64 = 0
        private var countToPreviousStep: UInt64 = 0

        init(histogram: Histogram) { self.histogram = histogram }

        /// Whether every recorded value lies at or below the current slot.
        var countedEverything: Bool { countToIndex >= histogram.total }

        var countAtIndex: UInt64 { histogram.counts[index] }

        /// The cumulative percentile at the current slot (same expression as HdrHistogram, for identical levels).
        var percentile: Double { (100.0 * Double(countToIndex)) / Double(histogram.total) }

        /// Moves to the next slot and adds its count; `false` past the last slot.
        mutating func advance() -> Bool {
            guard index + 1 < histogram.counts.count else { return false }
            index += 1
            let count = histogram.counts[index]
            countToIndex &+= count
            valueToIndex &+= count &* histogram.layout.highestEquivalent(histogram.layout.value(atIndex: index))
            return true
        }

        /// The iteration value at the current slot; the next step's "previous" values start from it.
        mutating func step(percentileLevel: Double?) -> IterationValue {
            let value = histogram.layout.highestEquivalent(histogram.layout.value(atIndex: index))
            let percentile = percentile
            defer {
                previousValue = value
                countToPreviousStep = countToIndex
            }
            return IterationValue(
                value: value, prevValue: previousValue, count: countAtIndex, percentile: percentile,
                percentileLevelIteratedTo: percentileLevel ?? percentile,
                countAddedInThisIterationStep: countToIndex - countToPreviousStep,
                totalCountToThisValue: countToIndex, totalValueToThisValue: valueToIndex)
        }
    }
}

extension Double {
    /// `floor(log2(self))` for finite values >= 1: the binary exponent, exact (no rounding of a logarithm).
    fileprivate var log2Floor: Int { Int(exponent) }
}
