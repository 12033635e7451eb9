/// Version-4-style UUID text from a seeded generator, the shape botocore gives tokens and invocation ids: two draws,
/// the version and variant bits set, written as 32 lowercase hex digits grouped `8-4-4-4-12`.
///
/// Every call makes two or three (its invocation id, each attempt's request id, and a token for an idempotent
/// operation), so the digits are made eight at a time in one word's bytes (``HexDigits/eight(_:)``) and stored a word
/// at a time, rather than a digit at a time.
public enum UUIDText {
    /// - Complexity: O(1): 36 bytes written into the string's own storage, no intermediate strings.
    public static func make(_ random: inout SplitMix64) -> String {
        let high = (random.next() & 0xFFFF_FFFF_FFFF_0FFF) | 0x0000_0000_0000_4000
        let low = (random.next() & 0x3FFF_FFFF_FFFF_FFFF) | 0x8000_0000_0000_0000
        return String(unsafeUninitializedCapacity: 36) { bytes in
            let text = UnsafeMutableRawPointer(bytes.baseAddress!)
            // Digits 0-15 are `high`'s, most significant first, 16-31 `low`'s: `8-4-4-4-12`.
            let digits = (
                HexDigits.eight(UInt32(truncatingIfNeeded: high >> 32)),
                HexDigits.eight(UInt32(truncatingIfNeeded: high)),
                HexDigits.eight(UInt32(truncatingIfNeeded: low >> 32)),
                HexDigits.eight(UInt32(truncatingIfNeeded: low))
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
}
