import BenchCore

/// Seeds derived from numbers, so that a decision depends on *which* call and attempt it is about, not on
/// the order in which concurrent calls arrive.
enum SeedMix {
    /// A well-mixed seed from `seed` and three coordinates: `seed` through the SplitMix64 finalizer, then each
    /// coordinate mixed in and the finalizer again.
    /// - Complexity: O(1), no allocation. (A variadic form allocated an array of its coordinates on every call,
    ///   three times or more per logical call.)
    static func seed(_ seed: UInt64, _ a: UInt64, _ b: UInt64, _ c: UInt64) -> UInt64 {
        finalized(finalized(finalized(finalized(seed) ^ a) ^ b) ^ c)
    }

    /// A generator for the given coordinates.
    static func generator(_ seed: UInt64, _ a: UInt64, _ b: UInt64 = 0, _ c: UInt64 = 0) -> SplitMix64 {
        SplitMix64(seed: Self.seed(seed, a, b, c))
    }

    /// The first value of a SplitMix64 generator seeded with `value`.
    @inline(__always)
    private static func finalized(_ value: UInt64) -> UInt64 {
        var generator = SplitMix64(seed: value)
        return generator.next()
    }
}
