import BenchCore
import Testing

/// The digest's text is compared across files (history, ledger, read-backs): it must stay the same spelling.
@Suite struct StableDigestTests {
    /// FNV-1a's offset basis: the digest of nothing, 16 lowercase hex digits.
    @Test func emptyDigestIsTheOffsetBasis() {
        #expect(StableDigest().hex == "cbf29ce484222325")
    }

    /// Every digit value, and the 9/a boundary, at every position (``HexDigits`` makes eight at a time).
    @Test func hexSpellsEveryDigitInPlace() {
        #expect(StableDigest.hex(0) == "0000000000000000")
        #expect(StableDigest.hex(.max) == "ffffffffffffffff")
        #expect(StableDigest.hex(0x0123_4567_89AB_CDEF) == "0123456789abcdef")
        #expect(StableDigest.hex(0xFEDC_BA98_7654_3210) == "fedcba9876543210")
        #expect(StableDigest.hex(0x9A9A_9A9A_A9A9_A9A9) == "9a9a9a9aa9a9a9a9")
    }

    @Test func hexIsSixteenLowercaseDigitsWithLeadingZerosKept() {
        var seen = 0
        for seed in 0..<2_000 {
            var digest = StableDigest()
            digest.combine("value-\(seed)")
            let hex = digest.hex
            #expect(hex.utf8.count == 16)
            #expect(hex.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) })
            #expect(UInt64(hex, radix: 16).map { String($0, radix: 16) } == String(hex.drop { $0 == "0" }))
            if hex.hasPrefix("0") { seen += 1 }
        }
        #expect(seen > 0)  // about 1 in 16 digests starts with a zero: the padding was exercised
    }
}
