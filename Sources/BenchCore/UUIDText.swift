/// Version-4-style UUID text from a seeded generator, the shape botocore gives tokens and invocation ids: two draws,
/// the version and variant bits set, written as 32 lowercase hex digits grouped `8-4-4-4-12`.
///
/// Every call makes two or three (its invocation id, each attempt's request id, and a token for an idempotent
/// operation), so the digits are made eight at a time in one word's bytes (``hexDigits(_:)``) and stored a word at a
/// time, rather than a digit at a time.
public enum UUIDText {
    /// - Complexity: O(1): 36 bytes written into the string's own storage, no intermediate strings.
    public static func make(_ random: inout SplitMix64) -> String {
        let high = (random.next() & 0xFFFF_FFFF_FFFF_0FFF) | 0x0000_0000_0000_4000
        let low = (random.next() & 0x3FFF_FFFF_FFFF_FFFF) | 0x8000_0000_0000_0000
        return String(unsafeUninitializedCapacity: 36) { bytes in
            let text = UnsafeMutableRawPointer(bytes.baseAddress!)
            // Digits 0-15 are `high`'s, most significant first, 16-31 `low`'s: `8-4-4-4-12`.
            let digits = (
                hexDigits(UInt32(truncatingIfNeeded: high >> 32)), hexDigits(UInt32(truncatingIfNeeded: high)),
                hexDigits(UInt32(truncatingIfNeeded: low >> 32)), hexDigits(UInt32(truncatingIfNeeded: low))
            )
            let dash = UInt8(ascii: "-")
            text.storeBytes(of: digits.0, toByteOffset: 0, as: UInt64.self)
            text.storeBytes(of: dash, toByteOffset: 8, as: UInt8.self)
            text.storeBytes(of: UInt32(truncatingIfNeeded: digits.1), toByteOffset: 9, as: UInt32.self)
            text.storeBytes(of: dash, toByteOffset: 13, as: UInt8.self)
            text.storeBytes(of: UInt32(truncatingIfNeeded: digits.1 >> 32), toByteOffset: 14, as: UInt32.self)
            text.storeBytes(of: dash, toByteOffset: 18, as: UInt8.self)
            text.storeBytes(of: UInt32(truncatingIfNeeded: digits.2), toByteOffset: 19, as: UInt32.self)
            text.storeBytes(of: dash, toByteOffset: 23, as: UInt8.self)
            text.storeBytes(of: UInt32(truncatingIfNeeded: digits.2 >> 32), toByteOffset: 24, as: UInt32.self)
            text.storeBytes(of: digits.3, toByteOffset: 28, as: UInt64.self)
            return 36
        }
    }

    /// The 8 lowercase hex digits of `value`, most significant first, as the bytes of a word in memory order. On a
    /// little-endian host (every one Swift on Linux runs on, which ``make(_:)``'s 4-digit halves assume), the
    /// word's low 32 bits are the first four digits.
    ///
    /// Each nibble is moved into a byte of its own in three steps (halves, then bytes, then nibbles apart), and each
    /// byte `n` becomes `'0' + n`, plus `'a' - '0' - 10` where `n + 6` carries into bit 4 (`n >= 10`): no byte
    /// overflows into the next, so one 64-bit add does all eight.
    @inline(__always)
    static func hexDigits(_ value: UInt32) -> UInt64 {
        var spread = UInt64(value)
        spread = (spread & 0xFFFF_0000) << 16 | (spread & 0xFFFF)
        spread = (spread & 0x0000_FF00_0000_FF00) << 8 | (spread & 0x0000_00FF_0000_00FF)
        spread = (spread & 0x00F0_00F0_00F0_00F0) << 4 | (spread & 0x000F_000F_000F_000F)
        // Now the most significant nibble is the highest byte; memory order wants it first.
        let letters = ((spread &+ 0x0606_0606_0606_0606) >> 4) & 0x0101_0101_0101_0101
        let ascii = spread &+ 0x3030_3030_3030_3030 &+ letters &* 0x27
        return ascii.bigEndian
    }
}
