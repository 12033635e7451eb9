extension JSONText {
    /// Reads the JSON string whose opening quote is at `bytes[index - 1]`: UTF-8 as is, the short escapes, `\/`,
    /// and `\uXXXX` with surrogate pairs joined; `index` ends just past the closing quote.
    ///
    /// Returns `nil` (with `index` somewhere inside the string) for a raw control character, an unknown escape,
    /// a lone surrogate, invalid UTF-8 or a missing closing quote: the strict readers built on it (history lines,
    /// the server's hot request bodies) then hand the text to `JSONDecoder`, which judges and words the error.
    /// - Complexity: O(length). Printable ASCII is skipped eight bytes at a time (``needsEscaping(_:escapingNonASCII:)``
    ///   finds the first word holding anything else), the rest is read a byte at a time. A string without escapes
    ///   is made in one step, and validated only when it is not ASCII (`String(validating:as:)` looks up generic
    ///   metadata on every call).
    public static func readString(_ bytes: UnsafeBufferPointer<UInt8>, at index: inout Int) -> String? {
        let start = index
        var ascii = true
        if let base = UnsafeRawPointer(bytes.baseAddress) {
            while index + 8 <= bytes.count,
                !needsEscaping(base.loadUnaligned(fromByteOffset: index, as: UInt64.self), escapingNonASCII: true)
            {
                index += 8
            }
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let utf8 = UnsafeBufferPointer(rebasing: bytes[start..<index])
                index += 1
                return ascii ? String(decoding: utf8, as: UTF8.self) : String(validating: utf8, as: UTF8.self)
            }
            if byte == UInt8(ascii: "\\") { return readEscapedString(bytes, from: start, at: &index) }
            guard byte >= 0x20 else { return nil }
            ascii = ascii && byte < 0x80
            index += 1
        }
        return nil
    }

    /// Reads the non-negative integer at `bytes[index]`: digits without a sign or leading zeros, not followed by a
    /// fraction or an exponent, within `UInt64`; `index` ends just past it. `nil` for anything else (the strict
    /// readers then leave the text to `JSONDecoder`). O(digits).
    public static func readUnsigned(_ bytes: UnsafeBufferPointer<UInt8>, at index: inout Int) -> UInt64? {
        let start = index
        var value: UInt64 = 0
        while index < bytes.count, case let digit = bytes[index] &- UInt8(ascii: "0"), digit < 10 {
            let (times10, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times10.addingReportingOverflow(UInt64(digit))
            guard !overflow1, !overflow2 else { return nil }
            value = sum
            index += 1
        }
        let digits = index - start
        guard digits > 0, digits == 1 || bytes[start] != UInt8(ascii: "0") else { return nil }
        if index < bytes.count {
            let next = bytes[index]
            guard next != UInt8(ascii: "."), next != UInt8(ascii: "e"), next != UInt8(ascii: "E") else { return nil }
        }
        return value
    }

    /// The rest of a string that holds escapes; `bytes[start..<index]` is its plain beginning.
    private static func readEscapedString(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, at index: inout Int
    ) -> String? {
        var utf8 = Array(UnsafeBufferPointer(rebasing: bytes[start..<index]))
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""):
                return String(validating: utf8, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard readEscape(bytes, at: &index, into: &utf8) else { return nil }
            case ..<0x20:
                return nil
            default:
                utf8.append(byte)
            }
        }
        return nil
    }

    /// Reads the escape after a backslash and appends the UTF-8 of what it stands for.
    private static func readEscape(_ bytes: UnsafeBufferPointer<UInt8>, at index: inout Int, into utf8: inout [UInt8])
        -> Bool
    {
        guard index < bytes.count else { return false }
        let letter = bytes[index]
        index += 1
        let short: UInt8? =
            switch letter {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): letter
            case UInt8(ascii: "b"): 0x08
            case UInt8(ascii: "f"): 0x0C
            case UInt8(ascii: "n"): 0x0A
            case UInt8(ascii: "r"): 0x0D
            case UInt8(ascii: "t"): 0x09
            default: nil
            }
        if let short {
            utf8.append(short)
            return true
        }
        guard letter == UInt8(ascii: "u"), var value = readHexUnit(bytes, at: &index).map(UInt32.init) else {
            return false
        }
        if (0xD800..<0xDC00).contains(value) {
            guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u")
            else { return false }
            index += 2
            guard let low = readHexUnit(bytes, at: &index).map(UInt32.init), (0xDC00..<0xE000).contains(low) else {
                return false
            }
            value = 0x1_0000 + ((value - 0xD800) << 10) + (low - 0xDC00)
        }
        guard let scalar = Unicode.Scalar(value) else { return false }
        UTF8.encode(scalar) { utf8.append($0) }
        return true
    }

    /// The four hex digits of a `\u` escape (either case).
    private static func readHexUnit(_ bytes: UnsafeBufferPointer<UInt8>, at index: inout Int) -> UInt16? {
        guard index + 4 <= bytes.count else { return nil }
        var unit: UInt16 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let nibble: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): nibble = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): nibble = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): nibble = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            unit = unit << 4 | UInt16(nibble)
            index += 1
        }
        return unit
    }
}
