import BenchCore

/// Seeds derived from numbers, so that a decision depends on *which* call and attempt it is about, not on
/// the order in which concurrent calls arrive.
enum SeedMix {
    /// A well-mixed seed from `seed` and the given coordinates (SplitMix64 finalizer between each).
    /// - Complexity: O(coordinates), no allocation.
    static func seed(_ seed: UInt64, _ coordinates: UInt64...) -> UInt64 {
        var generator = SplitMix64(seed: seed)
        var value = generator.next()
        for coordinate in coordinates {
            generator = SplitMix64(seed: value ^ coordinate)
            value = generator.next()
        }
        return value
    }

    /// A generator for the given coordinates.
    static func generator(_ seed: UInt64, _ a: UInt64, _ b: UInt64 = 0, _ c: UInt64 = 0) -> SplitMix64 {
        SplitMix64(seed: Self.seed(seed, a, b, c))
    }
}
