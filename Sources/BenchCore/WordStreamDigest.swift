/// A 64-bit digest of a stream of strings and integers, mixed eight bytes at a time, printed as 16 hex digits.
///
/// The request parameter digest feeds every call's parameters through it (hundreds of bytes a call: up to 25
/// CodeDeploy ids, 10 Lattice targets, Cloud Map attributes). ``StableDigest``'s FNV-1a takes one dependent
/// multiply per byte; this takes one per word, several times fewer. Its values are its own: they are compared
/// only with other values of the same digest (a run's history with itself), never with ``StableDigest``'s.
///
/// Each step, `state = (state ^ word) * K` then `state ^= state >> 32`, is a bijection of the state for a fixed
/// word and of the word for a fixed state. So two streams of the same length that differ in one word always
/// digest differently; a string's length is mixed in after its bytes, so no two strings run together the same.
public struct WordStreamDigest: Sendable {
    private var state: UInt64 = 0x243F_6A88_85A3_08D3

    public init() {}

    /// Mixes in the UTF-8 bytes of `string` (eight at a time, the last word zero-padded), then its length.
    /// - Complexity: O(n / 8) dependent multiplies for n UTF-8 bytes, read in place.
    public mutating func combine(_ string: String) {
        string.withUTF8Bytes { bytes in
            var offset = 0
            while offset &+ 8 <= bytes.count {
                mix(UnsafeRawPointer(bytes.baseAddress! + offset).loadUnaligned(as: UInt64.self).littleEndian)
                offset &+= 8
            }
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while offset < bytes.count {
                tail |= UInt64(bytes[offset]) &<< shift
                shift &+= 8
                offset &+= 1
            }
            mix(tail)
            mix(UInt64(bytes.count))
        }
    }

    /// Mixes in `value` as one word: for fixed-width fields such as counts and numbers.
    public mutating func combine(raw value: UInt64) { mix(value) }

    /// The digest, after a final avalanche (MurmurHash3's `fmix64`, so that every bit of the state moves every bit
    /// of the value): what ``hex`` prints, and what the request parameter digest adds up over a map's entries.
    public var value: UInt64 {
        var value = state
        value ^= value >> 33
        value &*= 0xFF51_AFD7_ED55_8CCD
        value ^= value >> 33
        value &*= 0xC4CE_B9FE_1A85_EC53
        value ^= value >> 33
        return value
    }

    /// ``value`` as 16 lowercase hex digits.
    public var hex: String { StableDigest.hex(value) }

    @inline(__always)
    private mutating func mix(_ word: UInt64) {
        state = (state ^ word) &* 0x9E37_79B9_7F4A_7C15
        state ^= state >> 32
    }
}
