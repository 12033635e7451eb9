import BenchCore

/// The header fields of a request or response, in the order they were given or received.
///
/// Names keep their spelling; lookup by name is ASCII case-insensitive, as RFC 9110 §5.1 requires.
/// A plain array underneath: header lists are short, so a linear scan beats hashing.
public struct HTTPHeaders: Sendable, Equatable, RandomAccessCollection, ExpressibleByArrayLiteral,
    ExpressibleByDictionaryLiteral, CustomStringConvertible
{
    public typealias Element = (name: String, value: String)

    /// The fields, in order.
    public private(set) var fields: [Element]

    public init() { fields = [] }

    public init(_ fields: [Element]) { self.fields = fields }

    public init(arrayLiteral elements: Element...) { fields = elements }

    public init(dictionaryLiteral elements: (String, String)...) {
        fields = elements.map { (name: $0.0, value: $0.1) }
    }

    public var startIndex: Int { fields.startIndex }
    public var endIndex: Int { fields.endIndex }
    public subscript(position: Int) -> Element { fields[position] }

    /// The first value of the field `name` (case-insensitive), or nil.
    /// - Complexity: O(n) in the number of fields.
    public subscript(name: String) -> String? {
        for field in fields where field.name.asciiCaseInsensitiveEquals(name) { return field.value }
        return nil
    }

    /// Every value of the field `name` (case-insensitive), in order.
    public func values(_ name: String) -> [String] {
        fields.lazy.filter { $0.name.asciiCaseInsensitiveEquals(name) }.map(\.value)
    }

    /// Whether a field `name` is present (case-insensitive).
    public func contains(_ name: String) -> Bool { self[name] != nil }

    /// Appends a field, keeping any earlier field of the same name.
    public mutating func add(_ name: String, _ value: String) { fields.append((name: name, value: value)) }

    /// Replaces every field `name` by one field with `value`.
    public mutating func replace(_ name: String, _ value: String) {
        remove(name)
        add(name, value)
    }

    /// Removes every field `name` (case-insensitive).
    public mutating func remove(_ name: String) {
        fields.removeAll { $0.name.asciiCaseInsensitiveEquals(name) }
    }

    /// Reserves room for `count` fields.
    public mutating func reserveCapacity(_ count: Int) { fields.reserveCapacity(count) }

    /// Whether the comma-separated list in field `name` holds `token` (case-insensitive), e.g. `Connection: close`.
    public func listContains(_ name: String, token: String) -> Bool {
        for field in fields where field.name.asciiCaseInsensitiveEquals(name) {
            for item in field.value.utf8.split(separator: UInt8(ascii: ",")) {
                if item.trimmingOWS().asciiCaseInsensitiveEquals(token.utf8) { return true }
            }
        }
        return false
    }

    public static func == (lhs: HTTPHeaders, rhs: HTTPHeaders) -> Bool {
        lhs.fields.count == rhs.fields.count
            && zip(lhs.fields, rhs.fields).allSatisfy { $0.name == $1.name && $0.value == $1.value }
    }

    public var description: String { fields.map { "\($0.name): \($0.value)" }.joined(separator: "\n") }
}

extension String {
    /// ASCII case-insensitive equality without allocating lowercased copies.
    /// - Complexity: O(n) over contiguous UTF-8 (native strings), with an O(1) length check first.
    func asciiCaseInsensitiveEquals(_ other: String) -> Bool {
        guard utf8.count == other.utf8.count else { return false }
        return withUTF8Bytes { lhs in other.withUTF8Bytes { rhs in asciiCaseInsensitiveEqual(lhs, rhs) } }
    }
}

/// ASCII case-insensitive equality of two byte buffers (no generics on the hot path).
/// - Complexity: O(n). Buffers of 8 bytes or more are compared a word of 8 bytes at a time, the last word overlapping
///   the one before (``wordsMatchIgnoringCase(_:_:)``); the framing fields' names and tokens are compared on every
///   response, where a byte at a time cost about 10 instructions a byte (callgrind).
@inline(__always)
@usableFromInline
func asciiCaseInsensitiveEqual(_ lhs: UnsafeBufferPointer<UInt8>, _ rhs: UnsafeBufferPointer<UInt8>) -> Bool {
    guard lhs.count == rhs.count else { return false }
    let count = lhs.count
    guard count >= 8, let left = lhs.baseAddress, let right = rhs.baseAddress else {
        for index in 0..<count where !bytesMatchIgnoringCase(lhs[index], rhs[index]) { return false }
        return true
    }
    var offset = 0
    while true {
        let a = UnsafeRawPointer(left).loadUnaligned(fromByteOffset: offset, as: UInt64.self)
        let b = UnsafeRawPointer(right).loadUnaligned(fromByteOffset: offset, as: UInt64.self)
        guard wordsMatchIgnoringCase(a, b) else { return false }
        if offset == count - 8 { return true }
        offset = min(offset + 8, count - 8)
    }
}

/// Whether two bytes are equal in any ASCII case: equal, or the same letter in the other case.
@inline(__always)
@usableFromInline
func bytesMatchIgnoringCase(_ a: UInt8, _ b: UInt8) -> Bool {
    if a == b { return true }
    let folded = a | 0x20
    return folded == b | 0x20 && folded >= UInt8(ascii: "a") && folded <= UInt8(ascii: "z")
}

/// Whether two words of bytes are equal in any ASCII case, ``bytesMatchIgnoringCase(_:_:)`` for 8 pairs at once: each
/// pair of bytes equal, or differing only in bit 5 (0x20) where that byte is a letter.
@inline(__always)
func wordsMatchIgnoringCase(_ a: UInt64, _ b: UInt64) -> Bool {
    let difference = a ^ b
    if difference == 0 { return true }
    guard difference & ~0x2020_2020_2020_2020 == 0 else { return false }
    // Each byte of `difference` is now 0 or 0x20; two places up, each 0x20 is the high bit of its byte.
    return (difference << 2) & ~letterBytes(a) == 0
}

extension Collection where Element == UInt8 {
    /// ASCII case-insensitive equality of two byte sequences: over contiguous bytes when both have them (header
    /// names, tokens, native strings), else element by element. O(n), no allocation.
    @inlinable
    func asciiCaseInsensitiveEquals(_ other: some Collection<UInt8>) -> Bool {
        guard count == other.count else { return false }
        let contiguous = withContiguousStorageIfAvailable { lhs in
            other.withContiguousStorageIfAvailable { rhs in asciiCaseInsensitiveEqual(lhs, rhs) }
        }
        if let contiguous, let result = contiguous { return result }
        var index = other.startIndex
        for byte in self {
            guard bytesMatchIgnoringCase(byte, other[index]) else { return false }
            other.formIndex(after: &index)
        }
        return true
    }
}

extension BidirectionalCollection where Element == UInt8 {
    /// The bytes without leading and trailing spaces and tabs (HTTP's "optional white space").
    func trimmingOWS() -> SubSequence {
        let isOWS = { (byte: UInt8) in byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        guard let first = firstIndex(where: { !isOWS($0) }), let last = lastIndex(where: { !isOWS($0) }) else {
            return self[endIndex...]
        }
        return self[first...last]
    }
}
