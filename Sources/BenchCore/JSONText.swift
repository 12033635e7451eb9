/// The pieces of JSON text, appended as UTF-8 bytes to a caller-owned buffer: strings with JSON escaping and
/// decimal integers, without Foundation and without intermediate `String`s.
///
/// Two escaping styles share one implementation:
/// - ``NonASCII/verbatim`` keeps UTF-8 as is, as Foundation's `JSONEncoder` does (`history.jsonl` lines);
/// - ``NonASCII/escaped`` writes every scalar outside printable ASCII as `\uXXXX` (UTF-16 units), as Python's
///   `json.dumps(ensure_ascii=True)` does (botocore request bodies).
///
/// In both, `"` and `\` are escaped, `\b \t \n \f \r` use their short forms, other control characters are written
/// as `\u00XX` (lowercase hex), and `/` is never escaped.
public enum JSONText {
    /// What happens to characters outside printable ASCII (`U+007F` and above).
    public enum NonASCII: Sendable {
        /// Copied as UTF-8.
        case verbatim
        /// Written as `\uXXXX` escapes of their UTF-16 units.
        case escaped
    }

    /// Appends `value` as a quoted JSON string.
    /// - Complexity: O(n) in the UTF-8 length of `value`; runs that need no escaping are copied in one step.
    public static func appendString(_ value: String, to bytes: inout [UInt8], nonASCII: NonASCII = .verbatim) {
        var value = value
        bytes.append(UInt8(ascii: "\""))
        value.withUTF8 { appendEscaped($0, to: &bytes, escapingNonASCII: nonASCII == .escaped) }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Appends the decimal digits of `value`.
    /// - Complexity: O(digits).
    public static func appendInteger(_ value: UInt64, to bytes: inout [UInt8]) {
        var digits = 1
        var rest = value
        while rest >= 10 {
            rest /= 10
            digits += 1
        }
        bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: digits))
        var index = bytes.count
        rest = value
        repeat {
            index -= 1
            bytes[index] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: rest % 10)
            rest /= 10
        } while rest > 0
    }

    /// Appends the decimal form of `value`, with a leading `-` when negative.
    public static func appendInteger(_ value: Int, to bytes: inout [UInt8]) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        appendInteger(UInt64(value.magnitude), to: &bytes)
    }

    private static func appendEscaped(
        _ utf8: UnsafeBufferPointer<UInt8>, to bytes: inout [UInt8], escapingNonASCII: Bool
    ) {
        var runStart = 0
        var index = 0
        while index < utf8.count {
            let byte = utf8[index]
            let plain = byte >= 0x20 && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\")
                && (byte < 0x7F || !escapingNonASCII)
            if plain {
                index += 1
                continue
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
            if byte < 0x80 {
                appendEscapedASCII(byte, to: &bytes)
                index += 1
            } else {
                let (scalar, length) = decodeScalar(utf8, at: index)
                if scalar < 0x1_0000 {
                    appendUnicodeEscape(UInt16(scalar), to: &bytes)
                } else {
                    appendUnicodeEscape(UInt16(0xD800 + ((scalar - 0x1_0000) >> 10)), to: &bytes)
                    appendUnicodeEscape(UInt16(0xDC00 + (scalar & 0x3FF)), to: &bytes)
                }
                index += length
            }
            runStart = index
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<utf8.count]))
    }

    private static func appendEscapedASCII(_ byte: UInt8, to bytes: inout [UInt8]) {
        let short: UInt8? =
            switch byte {
            case UInt8(ascii: "\""): UInt8(ascii: "\"")
            case UInt8(ascii: "\\"): UInt8(ascii: "\\")
            case 0x08: UInt8(ascii: "b")
            case 0x09: UInt8(ascii: "t")
            case 0x0A: UInt8(ascii: "n")
            case 0x0C: UInt8(ascii: "f")
            case 0x0D: UInt8(ascii: "r")
            default: nil
            }
        if let short {
            bytes.append(UInt8(ascii: "\\"))
            bytes.append(short)
        } else {
            appendUnicodeEscape(UInt16(byte), to: &bytes)
        }
    }

    /// The scalar value whose UTF-8 encoding starts at `index` (the buffer is valid UTF-8, as a `String`'s is) and
    /// how many bytes it takes; a truncated sequence decodes to U+FFFD instead of reading past the end.
    private static func decodeScalar(_ utf8: UnsafeBufferPointer<UInt8>, at index: Int) -> (UInt32, Int) {
        let lead = utf8[index]
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
        guard length > 1, index + length <= utf8.count else { return (0xFFFD, 1) }
        var value = UInt32(lead) & (0x7F >> UInt32(length))
        for offset in 1..<length { value = value << 6 | UInt32(utf8[index + offset] & 0x3F) }
        return (value, length)
    }

    private static func appendUnicodeEscape(_ unit: UInt16, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\\"))
        bytes.append(UInt8(ascii: "u"))
        for shift in stride(from: 12, through: 0, by: -4) {
            let nibble = UInt8(truncatingIfNeeded: unit >> UInt16(shift) & 0xF)
            bytes.append(nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10)
        }
    }
}
