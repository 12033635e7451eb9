/// Writes the members of one compact JSON object (`{"a":1,"b":"x"}`) into a caller-owned byte buffer, in the
/// order they are given, with ``JSONText``'s verbatim-UTF-8 escaping.
///
/// Members whose value is nil are left out, as `JSONEncoder` leaves out nil optionals (`encodeIfPresent`).
/// Keys are written as they are: they must be plain ASCII needing no escaping (property names).
///
/// ```swift
/// var object = JSONObjectWriter(opening: &bytes)
/// object.member("name", name, to: &bytes)
/// object.close(&bytes)
/// ```
public struct JSONObjectWriter {
    private var isEmpty = true

    /// Writes `{`.
    public init(opening bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "{"))
    }

    /// Writes the separator and `"key":`; the caller then writes the value.
    public mutating func key(_ key: StaticString, to bytes: inout [UInt8]) {
        if !isEmpty { bytes.append(UInt8(ascii: ",")) }
        isEmpty = false
        bytes.append(UInt8(ascii: "\""))
        key.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
    }

    public mutating func member(_ key: StaticString, _ value: String?, to bytes: inout [UInt8]) {
        guard let value else { return }
        self.key(key, to: &bytes)
        JSONText.appendString(value, to: &bytes)
    }

    public mutating func member(_ key: StaticString, _ value: UInt64, to bytes: inout [UInt8]) {
        self.key(key, to: &bytes)
        JSONText.appendInteger(value, to: &bytes)
    }

    public mutating func member(_ key: StaticString, _ value: Int?, to bytes: inout [UInt8]) {
        guard let value else { return }
        self.key(key, to: &bytes)
        JSONText.appendInteger(value, to: &bytes)
    }

    public mutating func member(_ key: StaticString, _ value: Bool, to bytes: inout [UInt8]) {
        self.key(key, to: &bytes)
        bytes.append(contentsOf: value ? "true".utf8 : "false".utf8)
    }

    /// An array of strings; an empty array is written as `[]`.
    public mutating func member(_ key: StaticString, _ values: [String]?, to bytes: inout [UInt8]) {
        guard let values else { return }
        member(key, values, { $0 }, to: &bytes)
    }

    /// An array of the strings `string` gives for `values`, written as they are drawn, with no array of them
    /// built first; an empty sequence is written as `[]`.
    /// - Complexity: O(n) calls of `string`; inlinable, so that it is specialized where it is called.
    @inlinable
    public mutating func member<Values: Sequence>(
        _ key: StaticString, _ values: Values, _ string: (Values.Element) -> String, to bytes: inout [UInt8]
    ) {
        self.key(key, to: &bytes)
        bytes.append(UInt8(ascii: "["))
        var first = true
        for value in values {
            if !first { bytes.append(UInt8(ascii: ",")) }
            first = false
            JSONText.appendString(string(value), to: &bytes)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    /// Writes `}`.
    public func close(_ bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "}"))
    }
}
