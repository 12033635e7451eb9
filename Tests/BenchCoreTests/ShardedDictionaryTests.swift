import BenchCore
import Testing

/// The emulator keeps its growing tables in ``ShardedDictionary``: it must answer exactly as a `Dictionary` would.
@Suite struct ShardedDictionaryTests {
    /// A seeded mix of inserts, overwrites, in-place edits and removals, checked against `Dictionary` after every step.
    @Test(arguments: [1, 2, 3] as [UInt64])
    func answersAsADictionaryThroughASeededMixOfChanges(seed: UInt64) {
        let (sharded, reference) = TableModelCheck.walk(ShardedDictionary<String, Int>.self, seed: seed, keys: 3_000) {
            "k-\($0)"
        }
        #expect(sharded.count > 1_000)  // the mix grew it well past one shard's worth
        #expect(sharded.keys.sorted() == reference.keys.sorted())
    }

    @Test func settingNilRemovesAndAnEmptyOneAnswersNothing() {
        var sharded = ShardedDictionary<Int, String>()
        #expect(sharded.isEmpty && sharded[7] == nil && sharded.keys.isEmpty)
        #expect(sharded.removeValue(forKey: 7) == nil)
        sharded[7] = "seven"
        sharded[8] = "eight"
        #expect(sharded.count == 2)
        sharded[7] = nil
        sharded[9] = nil  // removing what is not there changes nothing
        #expect(sharded.count == 1 && sharded[7] == nil && sharded[8] == "eight")
        #expect(Array(sharded).map(\.key) == [8])
    }

    /// Values are edited where they are stored: a nested dictionary is not copied out and back on each change.
    @Test func editsValuesInPlace() {
        var sharded = ShardedDictionary<String, [Int]>()
        sharded["list"] = []
        for value in 0..<1_000 { sharded["list"]?.append(value) }
        #expect(sharded["list"] == Array(0..<1_000))
        #expect(sharded.count == 1)
    }
}
