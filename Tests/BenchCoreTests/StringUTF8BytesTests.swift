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
}
