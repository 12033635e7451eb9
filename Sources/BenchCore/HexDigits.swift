/// Lowercase hex digits made eight at a time in the bytes of one word: for the 16-digit digests every ledger entry
/// and history line carries (``StableDigest/hex(_:)``) and the UUIDs every call makes (``UUIDText``). (``Hex``
/// spells a byte sequence, such as a SHA-256 hash, a byte at a time.)
public enum HexDigits {
    /// The 8 lowercase hex digits of `value`, most significant first, as the bytes of a word in memory order: stored
    /// with `storeBytes(of:as: UInt64.self)`, they read as text. On a little-endian host (every one Swift on Linux
    /// runs on) the word's low 32 bits are the first four digits.
    ///
    /// Each nibble is moved into a byte of its own in three steps (halves, then bytes, then nibbles apart), and each
    /// byte `n` becomes `'0' + n`, plus `'a' - '0' - 10` where `n + 6` carries into bit 4 (`n >= 10`): no byte
    /// overflows into the next, so one 64-bit add does all eight.
    /// - Complexity: O(1), a dozen instructions and no branch, where a digit at a time is a loop of 8.
    @inlinable @inline(__always)
    public static func eight(_ value: UInt32) -> UInt64 {
        var spread = UInt64(value)
        spread = (spread & 0xFFFF_0000) << 16 | (spread & 0xFFFF)
        spread = (spread & 0x0000_FF00_0000_FF00) << 8 | (spread & 0x0000_00FF_0000_00FF)
        spread = (spread & 0x00F0_00F0_00F0_00F0) << 4 | (spread & 0x000F_000F_000F_000F)
        // Now the most significant nibble is the highest byte; memory order wants it first.
        let letters = ((spread &+ 0x0606_0606_0606_0606) >> 4) & 0x0101_0101_0101_0101
        let ascii = spread &+ 0x3030_3030_3030_3030 &+ letters &* 0x27
        return ascii.bigEndian
    }

    /// Writes the 16 digits of `value`, most significant first, at `text`.
    @inlinable @inline(__always)
    public static func writeSixteen(_ value: UInt64, to text: UnsafeMutableRawPointer) {
        text.storeBytes(of: eight(UInt32(truncatingIfNeeded: value >> 32)), as: UInt64.self)
        text.storeBytes(of: eight(UInt32(truncatingIfNeeded: value)), toByteOffset: 8, as: UInt64.self)
    }
}
