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

    /// Every digit count, either side of each power of ten, and seeded values of every magnitude: the digits come two
    /// at a time from a table, and an odd count ends with one.
    @Test func unsignedIntegersOfEveryLength() {
        var values: [UInt64] = []
        var power: UInt64 = 1
        for _ in 0..<20 {
            values += [power - 1, power, power + 1]
            let (next, overflow) = power.multipliedReportingOverflow(by: 10)
            if overflow { break }
            power = next
        }
        var random = SplitMix64(seed: 17)
        for _ in 0..<2_000 { values.append(random.next() >> (random.next() % 64)) }
        for value in values {
            #expect(Self.text { JSONText.appendInteger(value, to: &$0) } == String(value), "\(value)")
        }
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

    /// Each character that needs escaping (and its plain neighbours `!`, `#`, `[`, `]`, `~`, space), at every
    /// position of ASCII strings of every tail length around one, two and four words, in both styles, against a
    /// character-by-character reference: the eight-bytes-at-a-time scan, and its last word read over the tail, find
    /// every one and no other.
    @Test(arguments: [
        "\"", "\\", "\u{0}", "\u{1F}", "\n", "\u{7F}", "é", "😀", "!", "#", "[", "]", "~", " ", "\u{80}", "\u{FF}",
    ])
    func everyPositionAgainstAReference(_ special: String) {
        for length in [1, 7, 8, 9, 15, 16, 17, 23, 31, 36] {
            for position in 0..<length {
                var characters = Array(repeating: Character("a"), count: length)
                characters[position] = Character(special)
                let value = String(characters)
                for style in [JSONText.NonASCII.verbatim, .escaped] {
                    let written = Self.text { JSONText.appendString(value, to: &$0, nonASCII: style) }
                    #expect(
                        written == Self.reference(value, escaped: style == .escaped), "\(length) \(position) \(style)")
                }
            }
        }
    }

    /// JSON escaping one scalar at a time, as both styles specify it.
    static func reference(_ value: String, escaped: Bool) -> String {
        func unicodeEscape(_ unit: UInt16) -> String {
            let hex = String(unit, radix: 16)
            return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        }
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\u{8}": out += "\\b"
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\u{C}": out += "\\f"
            case "\r": out += "\\r"
            case _ where scalar.value < 0x20: out += unicodeEscape(UInt16(scalar.value))
            case _ where escaped && scalar.value >= 0x7F: out += String(scalar).utf16.map(unicodeEscape).joined()
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
