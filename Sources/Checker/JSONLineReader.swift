import BenchCore
import Glibc

/// A cursor over one line of JSON in the exact form ``JSONObjectWriter`` and ``JSONLineEncodable`` write it:
/// compact (no whitespace), members in the order the reader asks for them, nil members left out, strings in
/// ``BenchCore/JSONText``'s verbatim-UTF-8 style (any valid escape is read, though).
///
/// It reads without Foundation and without intermediate values: a `String` per string member, nothing else.
/// At the first byte that is not in that form it throws ``Mismatch`` and reads no further; the caller then hands
/// the line to `JSONDecoder`, which reads it the way it always did (other key orders, whitespace, `null`,
/// unknown keys) or says what is wrong with it. So the reader never has to explain bad input, only to refuse it.
///
/// One flag keeps commas honest: ``afterValue`` is set when a value ends, and the next member or array element
/// must then start with `,`; an opening bracket clears it. A trailing or missing comma is refused.
public struct JSONLineReader {
    /// The line is not in the form this reader reads.
    public struct Mismatch: Error {}

    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0
    /// Whether a value just ended, so that a next member or element must be preceded by `,`.
    private var afterValue = false

    /// A reader at the start of `bytes`, which must stay valid while the reader is used.
    public init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// Whether every byte has been read.
    public var isAtEnd: Bool { index == bytes.count }

    // MARK: - Structure

    /// Reads `{`.
    public mutating func openObject() throws(Mismatch) {
        try open(UInt8(ascii: "{"))
    }

    /// Reads `}`.
    public mutating func closeObject() throws(Mismatch) {
        guard take(UInt8(ascii: "}")) else { throw Mismatch() }
        afterValue = true
    }

    /// Reads `"name":` (after a `,` when a member precedes it) if it comes next, and tells whether it did;
    /// reads nothing otherwise.
    private mutating func key(_ name: StaticString) -> Bool {
        let start = index
        let matched = (!afterValue || take(UInt8(ascii: ","))) && take(UInt8(ascii: "\""))
            && take(name) && take(UInt8(ascii: "\"")) && take(UInt8(ascii: ":"))
        guard matched else {
            index = start
            return false
        }
        afterValue = false
        return true
    }

    /// The value of member `name`, which must come next.
    public mutating func required<Value: JSONLineDecodable>(
        _ name: StaticString, as type: Value.Type = Value.self
    ) throws(Mismatch) -> Value {
        guard key(name) else { throw Mismatch() }
        return try Value(jsonLine: &self)
    }

    /// The value of member `name` if it comes next; nil if another member or the object's end does.
    public mutating func optional<Value: JSONLineDecodable>(
        _ name: StaticString, as type: Value.Type = Value.self
    ) throws(Mismatch) -> Value? {
        guard key(name) else { return nil }
        return try Value(jsonLine: &self)
    }

    /// Reads `[`.
    public mutating func openArray() throws(Mismatch) {
        try open(UInt8(ascii: "["))
    }

    /// Reads `]` if it comes next, and tells whether it did: an array's loop reads elements until this is true.
    public mutating func closeArray() -> Bool {
        guard take(UInt8(ascii: "]")) else { return false }
        afterValue = true
        return true
    }

    // MARK: - Values

    /// Reads `true` or `false`.
    public mutating func bool() throws(Mismatch) -> Bool {
        try separate()
        let value: Bool
        if take("true") {
            value = true
        } else if take("false") {
            value = false
        } else {
            throw Mismatch()
        }
        afterValue = true
        return value
    }

    /// Reads a non-negative integer written without a sign, leading zeros, fraction or exponent.
    public mutating func unsigned() throws(Mismatch) -> UInt64 {
        try separate()
        return try magnitude()
    }

    /// Reads an integer in `Int`'s range, written as ``unsigned()`` reads it, with `-` when negative (not `-0`).
    public mutating func integer() throws(Mismatch) -> Int {
        try separate()
        let negative = take(UInt8(ascii: "-"))
        let magnitude = try magnitude()
        if negative {
            guard magnitude != 0, magnitude <= Int.min.magnitude else { throw Mismatch() }
            return Int(truncatingIfNeeded: 0 &- magnitude)
        }
        guard magnitude <= UInt64(Int.max) else { throw Mismatch() }
        return Int(magnitude)
    }

    /// Reads a JSON string (``BenchCore/JSONText/readString(_:at:)``). A raw control character, a lone surrogate
    /// or invalid UTF-8 is a mismatch, for `JSONDecoder` to judge.
    public mutating func string() throws(Mismatch) -> String {
        try separate()
        guard take(UInt8(ascii: "\"")), let value = JSONText.readString(bytes, at: &index) else { throw Mismatch() }
        afterValue = true
        return value
    }

    /// The digits of an integer (``BenchCore/JSONText/readUnsigned(_:at:)``).
    private mutating func magnitude() throws(Mismatch) -> UInt64 {
        guard let value = JSONText.readUnsigned(bytes, at: &index) else { throw Mismatch() }
        afterValue = true
        return value
    }

    /// Reads an opening bracket (a value: after a `,` when one precedes it).
    private mutating func open(_ bracket: UInt8) throws(Mismatch) {
        try separate()
        guard take(bracket) else { throw Mismatch() }
        afterValue = false
    }

    /// Reads the `,` that must come before a value when another value precedes it.
    private mutating func separate() throws(Mismatch) {
        guard !afterValue || take(UInt8(ascii: ",")) else { throw Mismatch() }
        afterValue = false
    }

    /// Reads `byte` if it comes next.
    private mutating func take(_ byte: UInt8) -> Bool {
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    /// Reads `literal` if it comes next (compared with `memcmp`: a member name is read once per line, and most
    /// are compared with a name that matches).
    private mutating func take(_ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard bytes.count - index >= count, let base = bytes.baseAddress else { return false }
        let matched = literal.withUTF8Buffer { literal in
            literal.baseAddress.map { memcmp(base + index, $0, count) == 0 } ?? true
        }
        if matched { index += count }
        return matched
    }
}
