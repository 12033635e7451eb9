import BenchCore
import Foundation
import Testing

/// `String.withUTF8Bytes`: the buffer holds exactly the string's UTF-8, whatever the string's form, and what the
/// body returns or throws comes back.
@Suite struct StringUTF8BytesTests {
    struct Stop: Error {}

    @Test(arguments: [
        "", "a", "fifteen bytes!!", "sixteen bytes!!!", "clé née à Zürich", "emoji 🙂 and more",
        String(repeating: "x", count: 5_000),
    ])
    func bytesAreTheStringsUTF8(text: String) throws {
        #expect(text.withUTF8Bytes { Array($0) } == Array(text.utf8))
        let fromSubstring = String(text.dropFirst())
        #expect(fromSubstring.withUTF8Bytes { Array($0) } == Array(fromSubstring.utf8))
        let viaFoundation = NSString(string: text) as String
        #expect(viaFoundation.withUTF8Bytes { Array($0) } == Array(text.utf8))
        #expect(throws: Stop.self) { try text.withUTF8Bytes { _ in throw Stop() } }
    }

    /// `appending(_:decimal:)` writes what interpolation would, for every number of digits, both signs and the ends
    /// of `Int`, after prefixes short and long, empty and not ASCII.
    @Test(arguments: ["", "10.0.0.1", "i-0123456789abcdef0", "clé", String(repeating: "x", count: 300)])
    func appendingADecimalMatchesInterpolation(prefix: String) {
        var numbers = [0, 1, -1, 9, 10, -10, 99, 100, 65_535, 65_536, Int.max, Int.min, Int.min + 1]
        var power = 1
        for _ in 0..<18 {
            power *= 10
            numbers += [power - 1, power, -power, -(power - 1)]
        }
        for number in numbers {
            #expect(prefix.appending(":", decimal: number) == "\(prefix):\(number)")
        }
        #expect(prefix.appending("é", decimal: 42) == "\(prefix)é42")
        for number in [UInt64.max, UInt64.max / 10, 0, 7] {
            #expect(prefix.appending("-", decimal: number) == "\(prefix)-\(number)")
        }
        for number in [Int8.min, -1, 0, Int8.max] {
            #expect(prefix.appending(":", decimal: number) == "\(prefix):\(number)")
        }
    }
}
