import Resilience

/// A value that reads itself from a JSON line, without `JSONDecoder`: the fast path of
/// ``JSONLines/forEach(in:as:_:)``, and the mirror of ``JSONLineEncodable``.
///
/// A record reads exactly the bytes ``JSONLineEncodable/appendJSON(to:)`` writes for it (`HistoryRecord` those of
/// ``HistoryLine``; sorted keys, no whitespace, nil members left out) and throws ``JSONLineReader/Mismatch`` at
/// anything else; the line then goes to `JSONDecoder`, so that a file written by an older build or edited by hand
/// reads as it always did.
public protocol JSONLineDecodable: Decodable {
    /// Reads one JSON value at the reader's position.
    /// - Complexity: O(size of the value); allocates its strings and arrays only.
    init(jsonLine reader: inout JSONLineReader) throws(JSONLineReader.Mismatch)
}

extension String: JSONLineDecodable {
    public init(jsonLine reader: inout JSONLineReader) throws(JSONLineReader.Mismatch) {
        self = try reader.string()
    }
}

extension UInt64: JSONLineDecodable {
    public init(jsonLine reader: inout JSONLineReader) throws(JSONLineReader.Mismatch) {
        self = try reader.unsigned()
    }
}

extension Int: JSONLineDecodable {
    public init(jsonLine reader: inout JSONLineReader) throws(JSONLineReader.Mismatch) {
        self = try reader.integer()
    }
}

extension Bool: JSONLineDecodable {
    public init(jsonLine reader: inout JSONLineReader) throws(JSONLineReader.Mismatch) {
        self = try reader.bool()
    }
}

extension Array: JSONLineDecodable where Element: JSONLineDecodable {
    public init(jsonLine reader: inout JSONLineReader) throws(JSONLineReader.Mismatch) {
        try reader.openArray()
        self = []
        while !reader.closeArray() { append(try Element(jsonLine: &reader)) }
    }
}

extension JSONLineDecodable where Self: RawRepresentable, RawValue == String {
    /// Reads the raw value; another string is a mismatch (`JSONDecoder` then names it).
    public init(jsonLine reader: inout JSONLineReader) throws(JSONLineReader.Mismatch) {
        guard let value = Self(rawValue: try reader.string()) else { throw JSONLineReader.Mismatch() }
        self = value
    }
}

extension CallOutcome: JSONLineDecodable {}

