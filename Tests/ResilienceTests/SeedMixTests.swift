import BenchCore
import Testing

@testable import Resilience

/// The seeds every per-call random stream starts from (retry jitter, tokens, request ids, fault draws): a seeded run
/// is reproducible across versions only while these stay the same.
@Suite struct SeedMixTests {
    /// Values of the variadic form this replaced (computed with it), for seeds and coordinates at the extremes.
    @Test(arguments: [
        ([1, 2, 3, 4], 0xD55C_CD4A_EB3C_CAFB),
        ([0, 0, 0, 0], 0x2130_748A_AAC8_0268),
        ([42, 7, 0, 3], 0x1F68_1BAC_E965_635A),
        ([UInt64.max, 1, UInt64.max, 2], 0x6D10_1A3C_98A0_C0C9),
    ] as [([UInt64], UInt64)])
    func seedsAreTheSameAsBefore(_ inputs: [UInt64], _ expected: UInt64) {
        #expect(SeedMix.seed(inputs[0], inputs[1], inputs[2], inputs[3]) == expected)
        var generator = SeedMix.generator(inputs[0], inputs[1], inputs[2], inputs[3])
        var reference = SplitMix64(seed: expected)
        #expect(generator.next() == reference.next())
    }

    /// Each coordinate changes the seed.
    @Test func everyCoordinateMatters() {
        let base = SeedMix.seed(1, 2, 3, 4)
        #expect(Set([base, SeedMix.seed(9, 2, 3, 4), SeedMix.seed(1, 9, 3, 4), SeedMix.seed(1, 2, 9, 4),
            SeedMix.seed(1, 2, 3, 9)]).count == 5)
    }
}
