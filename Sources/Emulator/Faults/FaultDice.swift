import BenchCore

/// Seeded yes/no decisions fixed by a key, for faults that must hit the same requests in every run.
///
/// A decision depends only on the seed, the stream and the key (never on how many decisions came before), so
/// concurrent requests get the same decisions whatever order they are handled in.
struct FaultDice: Sendable {
    private let base: SplitMix64

    init(seed: UInt64, stream: String) {
        base = SplitMix64(seed: seed).derived(stream)
    }

    /// Whether the event of probability `fraction` happens for `key`: never for 0 (or less), always for 1.
    /// The key is built only when the fraction is above 0: callers ask on every request (or every target of one),
    /// and a run without the fault should not build strings to learn it.
    /// - Complexity: O(key length); O(1) for a fraction of 0.
    func hits(_ fraction: Double, _ key: @autoclosure () -> String) -> Bool {
        guard fraction > 0 else { return false }
        var generator = base.derived(key())
        return generator.nextUnitDouble() < fraction
    }
}
