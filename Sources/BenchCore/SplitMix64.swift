/// A small, fast, seedable random number generator (Steele, Lea and Flood's SplitMix64).
///
/// Every random decision in bench (request parameters, fault decisions, backoff jitter, generated ids)
/// draws from a `SplitMix64` derived from the scenario seed, so a seeded run replays exactly.
/// - Complexity: O(1) per value, no allocation.
public struct SplitMix64: RandomNumberGenerator, Sendable, Hashable {
    @usableFromInline internal var state: UInt64

    public init(seed: UInt64) { state = seed }

    @inlinable
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// An independent generator for a named stream (for example one per phase or per fault), so that adding
    /// draws to one stream does not shift the others.
    public func derived(_ stream: String) -> SplitMix64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325  // FNV-1a
        for byte in stream.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        var mixer = SplitMix64(seed: state ^ hash)
        return SplitMix64(seed: mixer.next())
    }

    /// A uniform double in `[0, 1)`, with 53 random bits.
    @inlinable
    public mutating func nextUnitDouble() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }
}
