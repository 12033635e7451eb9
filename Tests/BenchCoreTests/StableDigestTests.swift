import BenchCore
import Testing

/// The digest's text is compared across files (history, ledger, read-backs): it must stay the same spelling.
@Suite struct StableDigestTests {
    /// FNV-1a's offset basis: the digest of nothing, 16 lowercase hex digits.
    @Test func emptyDigestIsTheOffsetBasis() {
        #expect(StableDigest().hex == "cbf29ce484222325")
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
