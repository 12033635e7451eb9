/// Counters indexed by small non-negative integers, kept in an array: adding to one is an index, not a hash.
/// ``OperationStats`` adds to two on every call (the call's outcome and its attempt count), where two dictionary
/// updates cost about a quarter of a microsecond.
struct DenseCounts: Sendable, Equatable {
    /// The counter of each index up to the largest one added to.
    private(set) var counts: [Int] = []

    /// Adds `amount` to the counter at `index` (at least 0). O(1) amortised; the array grows to `index + 1`.
    mutating func add(_ amount: Int, at index: Int) {
        if index >= counts.count { counts.append(contentsOf: repeatElement(0, count: index + 1 - counts.count)) }
        counts[index] += amount
    }

    /// Adds every counter of `other`.
    mutating func merge(_ other: DenseCounts) {
        for (index, count) in other.counts.enumerated() where count != 0 { add(count, at: index) }
    }

    /// The counters that are not zero, by index.
    var nonZero: [Int: Int] {
        var result: [Int: Int] = [:]
        for (index, count) in counts.enumerated() where count != 0 { result[index] = count }
        return result
    }
}
