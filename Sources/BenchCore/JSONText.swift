/// The pieces of JSON text, appended as UTF-8 bytes to a caller's ``JSONByteSink``: strings with JSON escaping and
/// decimal integers, without Foundation and without intermediate `String`s. Inlinable, so specialized for each sink.
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
    ///
    /// Reads the string's UTF-8 in place: no copy of the `String`, so no reference-count traffic on storage that
    /// other threads may share.
    /// - Complexity: O(n) in the UTF-8 length of `value`; runs that need no escaping are copied in one step.
    @inlinable
    public static func appendString(
        _ value: String, to bytes: inout some JSONByteSink, nonASCII: NonASCII = .verbatim
    ) {
        bytes.append(UInt8(ascii: "\""))
        appendStringContent(value, to: &bytes, nonASCII: nonASCII)
        bytes.append(UInt8(ascii: "\""))
    }

    /// Appends what goes between a JSON string's quotes for `value`: for a string written in parts, such as a
    /// Lattice target key (`id:port`) written without building it.
    /// - Complexity: O(n) in the UTF-8 length of `value`.
    @inlinable
    public static func appendStringContent(
        _ value: String, to bytes: inout some JSONByteSink, nonASCII: NonASCII = .verbatim
    ) {
        let escapingNonASCII = nonASCII == .escaped
        value.withUTF8Bytes { appendEscaped($0, to: &bytes, escapingNonASCII: escapingNonASCII) }
    }

    /// "00" to "99", each pair's two digits: the table ``appendInteger(_:to:)-(UInt64,_)`` reads two digits from.
    /// A `StaticString`, so its bytes are in the binary's constant data, with nothing to initialise on first use.
    @usableFromInline static var digitPairs: StaticString {
        """
        00010203040506070809101112131415161718192021222324252627282930313233343536373839\
        40414243444546474849505152535455565758596061626364656667686970717273747576777879\
        8081828384858687888990919293949596979899
        """
    }

    /// Appends the decimal digits of `value`.
    /// - Complexity: O(digits), two digits a step (one division by 100 and a table read, where a step a digit made
    ///   twice the divisions: a history line writes ten or so integers, most of them nanosecond times of ten digits).
    ///   The digits are formed on the stack and appended in one step.
    @inlinable
    public static func appendInteger(_ value: UInt64, to bytes: inout some JSONByteSink) {
        // 20 digits hold UInt64.max; filled from the end.
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        let pairs = digitPairs.utf8Start
        withUnsafeMutableBytes(of: &digits) { buffer in
            var index = buffer.count
            var rest = value
            while rest >= 100 {
                let pair = Int(truncatingIfNeeded: rest % 100) &* 2
                rest /= 100
                index -= 2
                buffer[index] = pairs[pair]
                buffer[index + 1] = pairs[pair + 1]
            }
            if rest >= 10 {
                let pair = Int(truncatingIfNeeded: rest) &* 2
                index -= 2
                buffer[index] = pairs[pair]
                buffer[index + 1] = pairs[pair + 1]
            } else {
                index -= 1
                buffer[index] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: rest)
            }
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[index...]))
        }
    }

    /// Appends the decimal form of `value`, with a leading `-` when negative.
    @inlinable
    public static func appendInteger(_ value: Int, to bytes: inout some JSONByteSink) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        appendInteger(UInt64(value.magnitude), to: &bytes)
    }

    /// Copies `utf8`, escaping what JSON (and `escapingNonASCII`) requires.
    /// - Complexity: O(n). The leading run that needs no escaping, usually the whole string, is found eight bytes
    ///   at a time (``needsEscaping(_:escapingNonASCII:)``), a string of eight bytes or more ending in one more
    ///   word read, then the rest a byte at a time.
    @inlinable
    static func appendEscaped(
        _ utf8: UnsafeBufferPointer<UInt8>, to bytes: inout some JSONByteSink, escapingNonASCII: Bool
    ) {
        let raw = UnsafeRawBufferPointer(utf8)
        var runStart = 0
        var index = 0
        if let base = UnsafeRawPointer(utf8.baseAddress) {
            while index + 8 <= utf8.count {
                let word = base.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                if needsEscaping(word, escapingNonASCII: escapingNonASCII) { break }
                index += 8
            }
            // Every whole word was plain: the tail, shorter than a word, is checked as the string's last eight bytes
            // (overlapping the words already checked) rather than a byte at a time.
            if index + 8 > utf8.count, index < utf8.count, utf8.count >= 8,
                !needsEscaping(
                    base.loadUnaligned(fromByteOffset: utf8.count - 8, as: UInt64.self),
                    escapingNonASCII: escapingNonASCII)
            {
                index = utf8.count
            }
        }
        while index < utf8.count {
            let byte = utf8[index]
            let plain = byte >= 0x20 && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\")
                && (byte < 0x7F || !escapingNonASCII)
            if plain {
                index += 1
                continue
            }
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: raw[runStart..<index]))
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
        bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: raw[runStart...]))
    }

    /// Whether any of the eight bytes of `word` needs escaping: below 0x20, `"` or `\`, and with
    /// `escapingNonASCII` also 0x7F and above. Uses the word-at-a-time tests "has a byte less than n" and "has a
    /// zero byte" (a byte equal to c is a zero byte of `word ^ c`), which are exact: true exactly when such a
    /// byte is there.
    @inlinable @inline(__always)
    static func needsEscaping(_ word: UInt64, escapingNonASCII: Bool) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        func hasZero(_ value: UInt64) -> Bool { (value &- ones) & ~value & highs != 0 }
        let hasControl = (word &- ones &* 0x20) & ~word & highs != 0
        if hasControl || hasZero(word ^ (ones &* 0x22)) || hasZero(word ^ (ones &* 0x5C)) { return true }
        return escapingNonASCII && (word & highs != 0 || hasZero(word ^ (ones &* 0x7F)))
    }

    @inlinable
    static func appendEscapedASCII(_ byte: UInt8, to bytes: inout some JSONByteSink) {
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
    @inlinable
    static func decodeScalar(_ utf8: UnsafeBufferPointer<UInt8>, at index: Int) -> (UInt32, Int) {
        let lead = utf8[index]
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
        guard length > 1, index + length <= utf8.count else { return (0xFFFD, 1) }
        var value = UInt32(lead) & (0x7F >> UInt32(length))
        for offset in 1..<length { value = value << 6 | UInt32(utf8[index + offset] & 0x3F) }
        return (value, length)
    }

    @inlinable
    static func appendUnicodeEscape(_ unit: UInt16, to bytes: inout some JSONByteSink) {
        bytes.append(UInt8(ascii: "\\"))
        bytes.append(UInt8(ascii: "u"))
        for shift in stride(from: 12, through: 0, by: -4) {
            let nibble = UInt8(truncatingIfNeeded: unit >> UInt16(shift) & 0xF)
            bytes.append(nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10)
        }
    }
}
