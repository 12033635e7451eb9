/// Writes the members of one compact JSON object (`{"a":1,"b":"x"}`) into a caller's ``JSONByteSink``, in the
/// order they are given, with ``JSONText``'s verbatim-UTF-8 escaping. Inlinable, so specialized for each sink.
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
    @usableFromInline var isEmpty = true

    /// Writes `{`.
    @inlinable
    public init(opening bytes: inout some JSONByteSink) {
        bytes.append(UInt8(ascii: "{"))
    }

    /// Writes the separator and `"key":`; the caller then writes the value.
    @inlinable
    public mutating func key(_ key: StaticString, to bytes: inout some JSONByteSink) {
        if !isEmpty { bytes.append(UInt8(ascii: ",")) }
        isEmpty = false
        bytes.append(UInt8(ascii: "\""))
        key.withUTF8Buffer { bytes.append(contentsOf: UnsafeRawBufferPointer($0)) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
    }

    @inlinable
    public mutating func member(_ key: StaticString, _ value: String?, to bytes: inout some JSONByteSink) {
        guard let value else { return }
        self.key(key, to: &bytes)
        JSONText.appendString(value, to: &bytes)
    }

    @inlinable
    public mutating func member(_ key: StaticString, _ value: UInt64, to bytes: inout some JSONByteSink) {
        self.key(key, to: &bytes)
        JSONText.appendInteger(value, to: &bytes)
    }

    @inlinable
    public mutating func member(_ key: StaticString, _ value: Int?, to bytes: inout some JSONByteSink) {
        guard let value else { return }
        self.key(key, to: &bytes)
        JSONText.appendInteger(value, to: &bytes)
    }

    @inlinable
    public mutating func member(_ key: StaticString, _ value: Bool, to bytes: inout some JSONByteSink) {
        self.key(key, to: &bytes)
        let literal: StaticString = value ? "true" : "false"
        literal.withUTF8Buffer { bytes.append(contentsOf: UnsafeRawBufferPointer($0)) }
    }

    /// An array of strings; an empty array is written as `[]`.
    @inlinable
    public mutating func member(_ key: StaticString, _ values: [String]?, to bytes: inout some JSONByteSink) {
        guard let values else { return }
        member(key, values, writing: { value, bytes in JSONText.appendString(value, to: &bytes) }, to: &bytes)
    }

    /// An array of the strings `string` gives for `values`, written as they are drawn, with no array of them
    /// built first; an empty sequence is written as `[]`.
    /// - Complexity: O(n) calls of `string`; inlinable, so that it is specialized where it is called.
    @inlinable
    public mutating func member<Values: Sequence, Sink: JSONByteSink>(
        _ key: StaticString, _ values: Values, _ string: (Values.Element) -> String, to bytes: inout Sink
    ) {
        member(key, values, writing: { value, bytes in JSONText.appendString(string(value), to: &bytes) }, to: &bytes)
    }

    /// An array with one value that `write` writes for each of `values` (a whole JSON value each, such as a
    /// string written in parts without building it); an empty sequence is written as `[]`.
    ///
    /// Values stored contiguously (an array) are read where they are: a `for` loop hands each element over as a copy
    /// (a retain of each of its strings, and a release after), and a history line writes a list of ids or targets on
    /// most calls.
    /// - Complexity: O(n) calls of `write`; inlinable, so that it is specialized where it is called.
    @inlinable
    public mutating func member<Values: Sequence, Sink: JSONByteSink>(
        _ key: StaticString, _ values: Values, writing write: (Values.Element, inout Sink) -> Void, to bytes: inout Sink
    ) {
        self.key(key, to: &bytes)
        bytes.append(UInt8(ascii: "["))
        var first = true
        func element(_ value: Values.Element) {
            if !first { bytes.append(UInt8(ascii: ",")) }
            first = false
            write(value, &bytes)
        }
        let readInPlace: Void? = values.withContiguousStorageIfAvailable { elements in
            for index in elements.indices { element(elements[index]) }
        }
        if readInPlace == nil {
            for value in values { element(value) }
        }
        bytes.append(UInt8(ascii: "]"))
    }

    /// Writes `}`.
    @inlinable
    public func close(_ bytes: inout some JSONByteSink) {
        bytes.append(UInt8(ascii: "}"))
    }
}
