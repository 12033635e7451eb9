import BenchCore
import Testing

/// `JSONText`: integers without Foundation, and the two escaping styles.
@Suite struct JSONTextTests {
    static func text(_ append: (inout [UInt8]) -> Void) -> String {
        var bytes: [UInt8] = []
        append(&bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test(arguments: [0, 1, 9, 10, 11, 99, 100, 1_000_000_007, UInt64(Int64.max), UInt64.max] as [UInt64])
    func unsignedIntegers(_ value: UInt64) {
        #expect(Self.text { JSONText.appendInteger(value, to: &$0) } == String(value))
    }

    @Test(arguments: [0, -1, -9, -10, 10, Int.max, Int.min, Int.min + 1])
    func signedIntegers(_ value: Int) {
        #expect(Self.text { JSONText.appendInteger(value, to: &$0) } == String(value))
    }

    /// The expectation is Python's `json.dumps` of the same text (ensure_ascii), as botocore writes bodies.
    @Test func escapedStyleMatchesPythonEnsureASCII() {
        let value = "é😀\u{7F}\u{0}\u{1F}\u{8}\t\n\u{C}\r\"\\/ \u{2028}"
        let expected = #""\u00e9\ud83d\ude00\u007f\u0000\u001f\b\t\n\f\r\"\\/ \u2028""#
        #expect(Self.text { JSONText.appendString(value, to: &$0, nonASCII: .escaped) } == expected)
    }

    @Test func verbatimStyleKeepsUTF8AndDelete() {
        let value = "é😀\u{7F}\u{0}\"/"
        #expect(Self.text { JSONText.appendString(value, to: &$0) } == "\"é😀\u{7F}\\u0000\\\"/\"")
    }
}
