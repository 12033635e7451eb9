import BenchCore
import Testing

/// A Lattice group keeps its targets in a ``FlatHashTable``: it must answer exactly as a `Dictionary` would, through
/// growth and through removals that shift entries back, also when many keys share a bucket.
@Suite struct FlatHashTableTests {
    @Test(arguments: [1, 2, 3] as [UInt64])
    func answersAsADictionaryThroughASeededMixOfChanges(seed: UInt64) {
        let (table, _) = TableModelCheck.walk(FlatHashTable<String, Int>.self, seed: seed, keys: 3_000) { "k-\($0)" }
        #expect(table.count > 1_000)  // grown through seven doublings from 16 slots
    }

    /// Keys whose hashes take 3 values: every key probes from one of 3 buckets, so runs are long, wrap past the end
    /// of the slots, and every removal moves entries back across other keys' runs.
    @Test(arguments: [1, 2, 3] as [UInt64])
    func answersAsADictionaryWhenKeysCollide(seed: UInt64) {
        let (table, _) = TableModelCheck.walk(FlatHashTable<Colliding, Int>.self, seed: seed, keys: 40) {
            Colliding(value: $0)
        }
        #expect(table.count > 10)
    }

    @Test func settingNilRemovesAndAnEmptyOneAnswersNothing() {
        var table = FlatHashTable<Int, String>()
        #expect(table.isEmpty && table[7] == nil && Array(table).isEmpty)
        #expect(table.removeValue(forKey: 7) == nil)
        table[7] = "seven"
        table[8] = "eight"
        table[8] = "huit"  // an overwrite, not a second entry
        #expect(table.count == 2)
        table[7] = nil
        table[9] = nil  // removing what is not there changes nothing
        #expect(table.count == 1 && table[7] == nil && table[8] == "huit")
        #expect(Array(table).map(\.key) == [8])
    }

    /// A key whose byte hash is one of three values, whatever its value.
    struct Colliding: ByteHashable {
        let value: UInt64
        func byteHash(seed: UInt64) -> UInt64 { value % 3 }
    }
}
