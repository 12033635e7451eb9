/// A fast, seeded, non-cryptographic hash of bytes: what ``ShardedDictionary`` hashes its keys with, instead of the
/// standard library's SipHash-1-3.
///
/// Why: the emulator looks up a few keys of every request in its tables (each target of a `RegisterTargets`, each id
/// of a batch read, an instance, its token and its operation), and a `Hasher` costs an initialisation, a round per 8
/// bytes and a finalisation of four more rounds for each. In a profile of issue 8's P3 run, hashing was 4 % of the
/// phase (`docs/performance-journal.md`). This hash folds each 8 bytes into the state with one 64 x 64 -> 128-bit
/// multiply (wyhash's folded multiply, `fold`), so a 19-byte target id takes four multiplies.
///
/// The seed is random per process, as Swift's own hashing is (no input can be prepared to collide in a run), so the
/// order a table is walked in differs between runs: callers that show entries sort them.
public enum ByteHash {
    /// The seed ``ShardedDictionary`` hashes with: random, drawn once per process.
    public static let processSeed = UInt64.random(in: .min ... .max)

    @usableFromInline static let multiplier0: UInt64 = 0xA076_1D64_78BD_642F
    @usableFromInline static let multiplier1: UInt64 = 0xE703_7ED1_A0B4_28DB
    @usableFromInline static let multiplier2: UInt64 = 0x8EBC_6AF0_9C88_C6E3

    /// The high and low halves of the full product `a * b`, exclusive-or'ed: every bit of the result depends on
    /// every bit of both inputs.
    @inlinable @inline(__always)
    public static func fold(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let product = a.multipliedFullWidth(by: b)
        return product.high ^ product.low
    }

    /// `value` with every bit folded into every other: for a hash whose low bits are alike across the values it is
    /// used for (a shard's keys share theirs), as a bucket index, which is the low bits.
    @inlinable @inline(__always)
    public static func mix(_ value: UInt64) -> UInt64 {
        fold(value, multiplier2)
    }

    /// The hash of `bytes` with `seed`.
    /// - Complexity: O(n): one multiply per 8 bytes and two more, no allocation.
    @inlinable
    public static func hash(_ bytes: UnsafeRawBufferPointer, seed: UInt64) -> UInt64 {
        let count = bytes.count
        // Each word is combined with a seeded secret, so no word chosen in advance zeroes the product.
        let secret = seed ^ multiplier1
        var state = seed ^ fold(UInt64(truncatingIfNeeded: count) ^ multiplier0, multiplier1)
        var index = 0
        while index + 8 <= count {
            state = fold(bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self) ^ secret, state ^ multiplier2)
            index += 8
        }
        let rest = count - index
        if rest > 0 {
            // The last 1-7 bytes as one word: two overlapping 4-byte loads from 4 bytes on, else up to three bytes
            // (first, middle, last), as wyhash reads its tail. The length, mixed in first, tells the cases apart.
            let tail: UInt64
            if rest >= 4 {
                let first = bytes.loadUnaligned(fromByteOffset: index, as: UInt32.self)
                let last = bytes.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)
                tail = UInt64(first) << 32 | UInt64(last)
            } else {
                tail = UInt64(bytes[index]) << 16 | UInt64(bytes[index + rest / 2]) << 8 | UInt64(bytes[count - 1])
            }
            state = fold(tail ^ secret, state ^ multiplier2)
        }
        return fold(state ^ multiplier0, multiplier1 ^ seed)
    }
}

/// A key that ``ShardedDictionary`` can hash with ``ByteHash``.
///
/// Keys equal by `==` must have equal byte hashes, with one allowance: ``ShardedDictionary`` compares the byte
/// hashes before the keys, so two keys that are `==` but hash differently are simply two keys. That is how `String`
/// conforms: it hashes its UTF-8 bytes, so strings that are canonically equivalent but spelled in different bytes
/// (`"K"` and the Kelvin sign `"\u{212A}"`, equal by `==`) are distinct keys, as AWS, which compares identifiers
/// byte by byte, treats them.
public protocol ByteHashable: Hashable {
    /// This key's hash with `seed` (``ByteHash/processSeed`` in a table).
    func byteHash(seed: UInt64) -> UInt64
}

extension String: ByteHashable {
    /// ``ByteHash`` over the string's UTF-8 bytes, read in place.
    @inlinable
    public func byteHash(seed: UInt64) -> UInt64 {
        withUTF8Bytes { ByteHash.hash(UnsafeRawBufferPointer($0), seed: seed) }
    }
}

extension Int: ByteHashable {
    @inlinable
    public func byteHash(seed: UInt64) -> UInt64 {
        ByteHash.fold(UInt64(bitPattern: Int64(self)) ^ ByteHash.multiplier0, seed ^ ByteHash.multiplier1)
    }
}
