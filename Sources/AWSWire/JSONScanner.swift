import BenchCore

/// A forward-only reader of JSON text for the server's hot request bodies: whitespace anywhere JSON allows it,
/// members in any order, every string escape. It answers `nil` at the first thing it does not expect (a `null`,
/// a number where a string goes, bad UTF-8, a control byte in a string), and the caller then lets `JSONDecoder`
/// read the body, so the error a client sees is worded exactly as before.
///
/// - Complexity: O(n) in the body, no allocation but the strings it returns.
struct JSONScanner {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// Whether only whitespace is left.
    mutating func isAtEnd() -> Bool {
        skipWhitespace()
        return index == bytes.count
    }

    /// Consumes `byte` (after whitespace) if it comes next.
    mutating func take(_ byte: UInt8) -> Bool {
        skipWhitespace()
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    /// Calls `member` for each member of the object that comes next, with its key; `member` reads the value.
    /// - Returns: false if the text is not such an object or `member` returned false.
    mutating func object(_ member: (inout JSONScanner, String) -> Bool) -> Bool {
        guard take(UInt8(ascii: "{")) else { return false }
        if take(UInt8(ascii: "}")) { return true }
        repeat {
            guard let key = string(), take(UInt8(ascii: ":")), member(&self, key) else { return false }
        } while take(UInt8(ascii: ","))
        return take(UInt8(ascii: "}"))
    }

    /// Calls `element` for each element of the array that comes next.
    mutating func array(_ element: (inout JSONScanner) -> Bool) -> Bool {
        guard take(UInt8(ascii: "[")) else { return false }
        if take(UInt8(ascii: "]")) { return true }
        repeat {
            guard element(&self) else { return false }
        } while take(UInt8(ascii: ","))
        return take(UInt8(ascii: "]"))
    }

    /// The string that comes next, with its escapes resolved (``BenchCore/JSONText/readString(_:at:)``); nil for
    /// anything else or invalid text.
    mutating func string() -> String? {
        guard take(UInt8(ascii: "\"")) else { return nil }
        return JSONText.readString(bytes, at: &index)
    }

    /// A non-negative integer that comes next (no sign, fraction or exponent), at most 15 digits; anything
    /// longer is left to `JSONDecoder`.
    mutating func integer() -> Int? {
        skipWhitespace()
        guard let value = JSONText.readUnsigned(bytes, at: &index), value <= 999_999_999_999_999 else { return nil }
        return Int(value)
    }

    /// An object of string values that comes next.
    mutating func stringMap() -> [String: String]? {
        var map: [String: String] = [:]
        let read = object { scanner, key in
            guard let value = scanner.string(), map.updateValue(value, forKey: key) == nil else { return false }
            return true
        }
        return read ? map : nil
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"): index += 1
            default: return
            }
        }
    }
}
