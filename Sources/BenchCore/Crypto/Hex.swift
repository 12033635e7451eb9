/// Lowercase hexadecimal text for digests and signatures (SigV4 writes every hash this way).
public enum Hex {
    /// `bytes` as two lowercase hex digits each, e.g. `[0xAB, 0x01]` → `"ab01"`.
    /// - Complexity: O(n); one allocation for the result.
    public static func encode(_ bytes: some Sequence<UInt8>) -> String {
        var digits: [UInt8] = []
        digits.reserveCapacity(bytes.underestimatedCount * 2)
        for byte in bytes {
            digits.append(digit(byte >> 4))
            digits.append(digit(byte & 0x0F))
        }
        return String(decoding: digits, as: UTF8.self)
    }

    @inline(__always)
    private static func digit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
    }
}
