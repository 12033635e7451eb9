@testable import BenchCore
import Testing

/// ``ByteHash`` is what the emulator's tables (``ShardedDictionary``) find keys by: every byte must count, the seed
/// must count, and the bits a table takes its shard and bucket from must spread.
@Suite struct ByteHashTests {
    /// Changing any one byte of a string of any length up to 40 (every tail length, one to four words) changes its
    /// hash; so does its length.
    @Test func everyByteAndTheLengthCount() {
        var seen = Set<UInt64>()
        var count = 0
        for length in 0...40 {
            let bytes = (0..<length).map { UInt8(ascii: "a") + UInt8($0 % 26) }
            let base = String(decoding: bytes, as: UTF8.self)
            #expect(seen.insert(base.byteHash(seed: 7)).inserted, "length \(length) collides")
            count += 1
            for position in 0..<length {
                var changed = bytes
                changed[position] ^= 0x01
                let hash = String(decoding: changed, as: UTF8.self).byteHash(seed: 7)
                #expect(seen.insert(hash).inserted, "byte \(position) of \(length) does not count")
                count += 1
            }
        }
        #expect(seen.count == count)
        // Trailing zero bytes are not padding.
        #expect(Set(["", "\0", "\0\0", "\0\0\0\0\0\0\0\0"].map { $0.byteHash(seed: 7) }).count == 4)
    }

    @Test func equalBytesHashEquallyAndTheSeedCounts() {
        let id = "i-98d7b57aafce75c6f"
        let copy = String(decoding: Array(id.utf8), as: UTF8.self)  // other storage, same bytes
        #expect(id.byteHash(seed: 1) == copy.byteHash(seed: 1))
        #expect(id.byteHash(seed: 1) != id.byteHash(seed: 2))
        #expect(42.byteHash(seed: 1) == 42.byteHash(seed: 1) && 42.byteHash(seed: 1) != 43.byteHash(seed: 1))
    }

    /// 256,000 target-like keys over the 256 shards: every shard within 5 standard deviations of its share. Then
    /// one shard's keys over 64 buckets of its `Dictionary`: the bucket bits (``ShardedDictionary``'s
    /// `_rawHashValue`) spread though every key of the shard has the same low bits.
    @Test func shardsAndBucketsSpread() {
        typealias Key = Prehashed<String>
        let keys = (0..<256_000).map { Key("10.0.\($0 / 256).\($0 % 256):80") }
        var shards = [Int](repeating: 0, count: 256)
        for key in keys { shards[key.shard] += 1 }
        // 1,000 expected a shard; the standard deviation is about 31.6.
        #expect(shards.allSatisfy { abs($0 - 1_000) < 160 }, "shard counts \(shards.min()!)...\(shards.max()!)")

        let oneShard = keys.filter { $0.shard == 0 }
        var buckets = [Int](repeating: 0, count: 64)
        for key in oneShard { buckets[key._rawHashValue(seed: 12_345) & 63] += 1 }
        let expected = Double(oneShard.count) / 64
        #expect(buckets.allSatisfy { abs(Double($0) - expected) < 5 * expected.squareRoot() }, "\(buckets)")
    }

    /// Strings are keys by their bytes, as AWS compares identifiers: `"K"` and the Kelvin sign are equal by `==`
    /// (canonical equivalence), and one key in a `Dictionary`, but two in a ``ShardedDictionary``.
    @Test func canonicallyEquivalentSpellingsAreDistinctKeys() {
        let latin = "K"
        let kelvin = "\u{212A}"
        #expect(latin == kelvin)
        var dictionary: [String: Int] = [:]
        var sharded = ShardedDictionary<String, Int>()
        for (value, key) in [latin, kelvin].enumerated() {
            dictionary[key] = value
            sharded[key] = value
        }
        #expect(dictionary.count == 1)
        #expect(sharded.count == 2 && sharded[latin] == 0 && sharded[kelvin] == 1)
        #expect(Set([latin, kelvin].map(Prehashed.init)).count == 2)
    }

    /// A `Set` or `Dictionary` of ``Prehashed`` keys finds a key by its bytes, whatever storage the string is in,
    /// and tells apart keys whose hashes differ only in the bits a bucket is taken from.
    @Test func prehashedKeysFindByBytes() {
        let ids = (0..<10_000).map { "tg-\($0)|10.0.\($0 / 256).\($0 % 256):80" }
        var table: [Prehashed<String>: Int] = [:]
        for (index, id) in ids.enumerated() { table[Prehashed(id)] = index }
        #expect(table.count == ids.count)
        for (index, id) in ids.enumerated() {
            let copy = String(decoding: Array(id.utf8), as: UTF8.self)  // other storage, same bytes
            #expect(table[Prehashed(copy)] == index)
        }
        #expect(table[Prehashed("tg-1|10.0.0.1:81")] == nil)
        #expect(Prehashed("tg-1|10.0.0.1:80").description == "tg-1|10.0.0.1:80")
    }
}
