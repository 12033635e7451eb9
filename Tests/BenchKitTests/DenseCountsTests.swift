import BenchCore
import Testing

@testable import BenchKit

/// `DenseCounts`: the same counts a dictionary keeps, alone and merged, without the zeros.
@Suite struct DenseCountsTests {
    @Test(arguments: [1, 2, 3] as [UInt64])
    func countsMatchADictionaryAndMerge(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        var halves = [DenseCounts(), DenseCounts()]
        var whole = DenseCounts()
        var expected: [Int: Int] = [:]
        for step in 0..<500 {
            let index = Int(random.next() % 21)
            let amount = Int(random.next() % 3)  // zero amounts too: they must not show
            halves[step % 2].add(amount, at: index)
            whole.add(amount, at: index)
            expected[index, default: 0] += amount
        }
        expected = expected.filter { $0.value != 0 }
        var merged = halves[0]
        merged.merge(halves[1])
        #expect(whole.nonZero == expected)
        #expect(merged.nonZero == expected)
        #expect(merged == whole)
    }

    @Test func emptyHasNoCounts() {
        var counts = DenseCounts()
        #expect(counts.nonZero.isEmpty)
        counts.add(0, at: 7)
        #expect(counts.nonZero.isEmpty)
        counts.add(2, at: 7)
        #expect(counts.nonZero == [7: 2])
    }
}
