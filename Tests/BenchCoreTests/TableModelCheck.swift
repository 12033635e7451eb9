import BenchCore
import Testing

/// What the emulator's tables share with `Dictionary`, so that one seeded walk checks each of them against it.
protocol CheckedTable<Key>: Sequence where Element == (key: Key, value: Int) {
    associatedtype Key: ByteHashable
    init()
    subscript(key: Key) -> Int? { get set }
    mutating func removeValue(forKey key: Key) -> Int?
    var count: Int { get }
}

extension ShardedDictionary: CheckedTable where Value == Int {}
extension FlatHashTable: CheckedTable where Value == Int {}

enum TableModelCheck {
    /// A seeded mix of 20,000 inserts, overwrites, in-place edits and removals of `key(n)` for `n` below `keys`,
    /// checked against `Dictionary` after every step and whole at the end. Returns the table and the `Dictionary`.
    static func walk<Table: CheckedTable>(
        _: Table.Type, seed: UInt64, keys: UInt64, _ key: (UInt64) -> Table.Key
    ) -> (table: Table, reference: [Table.Key: Int]) {
        var random = SplitMix64(seed: seed)
        var table = Table()
        var reference: [Table.Key: Int] = [:]
        for step in 0..<20_000 {
            let key = key(random.next() % keys)
            switch random.next() % 4 {
            case 0, 1:
                table[key] = step
                reference[key] = step
            case 2:
                table[key]? += 1  // only when present
                reference[key]? += 1
            default:
                #expect(table.removeValue(forKey: key) == reference.removeValue(forKey: key))
            }
            #expect(table[key] == reference[key])
            #expect(table.count == reference.count)
        }
        #expect(Dictionary(uniqueKeysWithValues: table.map { ($0.key, $0.value) }) == reference)
        return (table, reference)
    }
}
