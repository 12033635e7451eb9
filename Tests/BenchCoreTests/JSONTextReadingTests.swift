import BenchCore
import Testing

/// ``JSONText/readString(_:at:)`` skips printable ASCII eight bytes at a time and reads the rest a byte at a time: a
/// quote, an escape, a control character, a DEL or non-ASCII byte must be seen wherever it falls, inside a word or at
/// either side of a word boundary.
@Suite struct JSONTextReadingTests {
    /// Reads `json` (the opening quote first), returning the string and where reading stopped.
    private func read(_ json: [UInt8]) -> (String?, Int) {
        json.withUnsafeBufferPointer { bytes in
            var index = 1
            let value = JSONText.readString(bytes, at: &index)
            return (value, index)
        }
    }

    /// Every length up to 24 with one special character at every position: the string reads back whole, and
    /// reading stops just past the closing quote (before what follows it).
    @Test(arguments: [
        (#"\""#, "\""), (#"\\"#, "\\"), (#"\n"#, "\n"), (#"\u00e9"#, "é"), ("é", "é"), ("\u{7F}", "\u{7F}"),
        ("😀", "😀"), (#"\ud83d\ude00"#, "😀"),
    ])
    func specialCharacterAnywhere(written: String, meaning: String) {
        for length in 0...24 {
            for position in 0...length {
                let before = String(repeating: "a", count: position)
                let after = String(repeating: "b", count: length - position)
                let json = Array(("\"" + before + written + after + "\",\"next\"").utf8)
                let (value, index) = read(json)
                #expect(value == before + meaning + after, "length \(length), position \(position)")
                #expect(index == json.count - 7, "length \(length), position \(position)")
            }
        }
    }

    /// A raw control character, a missing closing quote and invalid UTF-8 are refused wherever they fall.
    @Test func refusalsAnywhere() {
        for length in 1...20 {
            for position in 0..<length {
                var content = Array(repeating: UInt8(ascii: "x"), count: length)
                content[position] = 0x01
                #expect(read([UInt8(ascii: "\"")] + content + [UInt8(ascii: "\"")]).0 == nil)
                content[position] = 0xFF
                #expect(read([UInt8(ascii: "\"")] + content + [UInt8(ascii: "\"")]).0 == nil)
            }
            #expect(read([UInt8(ascii: "\"")] + Array(repeating: UInt8(ascii: "x"), count: length)).0 == nil)
        }
    }
}
