import BenchCore
import Foundation
import Testing

/// `WordStreamDigest`: streams that differ give different digests (the request parameter digest relies on it to
/// tell a retry from a token reused with other parameters), equal streams give equal ones, and the text is 16 hex
/// digits like every other digest in a report.
@Suite struct WordStreamDigestTests {
    static func digest(_ strings: [String], raw: [UInt64] = []) -> String {
        var digest = WordStreamDigest()
        for string in strings { digest.combine(string) }
        for value in raw { digest.combine(raw: value) }
        return digest.hex
    }

    /// Where the strings split, zero padding in the last word, and empty strings all change the digest.
    @Test func boundariesAndPaddingCount() {
        let streams: [[String]] = [
            [], [""], ["", ""], ["ab", "c"], ["a", "bc"], ["abc"], ["a"], ["a\0"], ["a\0\0\0\0\0\0\0"],
            ["a\0\0\0\0\0\0\0", ""], ["eight by"], ["eight by", ""], ["", "eight by"], ["eight byt"], ["eight bytes ab"],
        ]
        let digests = streams.map { Self.digest($0) }
        #expect(Set(digests).count == streams.count, "\(zip(streams, digests).map { "\($0) \($1)" })")
    }

    /// Changing any one byte of strings of every length up to 40, at every position, changes the digest.
    @Test func everySingleByteChangeCounts() {
        var seen = Set<String>()
        var count = 0
        for length in 0...40 {
            let base = Array(repeating: UInt8(ascii: "a"), count: length)
            seen.insert(Self.digest([String(decoding: base, as: UTF8.self)]))
            count += 1
            for position in 0..<length {
                var changed = base
                changed[position] = UInt8(ascii: "b")
                seen.insert(Self.digest([String(decoding: changed, as: UTF8.self)]))
                count += 1
            }
        }
        #expect(seen.count == count)
    }

    /// 200,000 streams shaped like parameters (an id, a count, ports) give 200,000 digests.
    @Test func parameterShapedStreamsDoNotCollide() {
        var seen = Set<String>()
        for index in 0..<200_000 {
            seen.insert(Self.digest(["targets", "10.0.\(index / 256).\(index % 256)"], raw: [UInt64(index % 7), 80]))
        }
        #expect(seen.count == 200_000)
    }

    /// The same stream gives the same digest, whether the string is native or came through Foundation; a raw word
    /// is not the string of the same bytes.
    @Test func equalStreamsAgreeAndRawWordsAreTheirOwn() {
        let text = "i-0123456789abcdef0 with clé"
        #expect(Self.digest([text, "x"], raw: [7]) == Self.digest([text, "x"], raw: [7]))
        #expect(Self.digest([NSString(string: text) as String]) == Self.digest([text]))
        #expect(Self.digest([], raw: [0x6867_6665_6463_6261]) != Self.digest(["abcdefgh"]))
    }

    @Test func hexIsSixteenLowercaseDigits() {
        for index in 0..<2_000 {
            let hex = Self.digest(["value-\(index)"])
            #expect(hex.utf8.count == 16)
            #expect(hex.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) })
        }
    }
}
