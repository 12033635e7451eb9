import BenchCore
import Foundation

/// Writes `Encodable` values as JSON bytes the way botocore's `json.dumps` does, in one pass.
///
/// - Members appear in the order the type encodes them (its `CodingKeys`, which follow the model), string-keyed
///   maps in sorted key order, so the same value always gives the same bytes.
/// - Separators are `", "` and `": "`, and every character outside printable ASCII is written as `\uXXXX`
///   (Python's `ensure_ascii`): a request body is byte-for-byte what botocore sends for the same members in the
///   same order (`wire.md` Appendix A).
/// - Dates follow ``DateStyle``.
///
/// Unlike `JSONEncoder` it builds no intermediate tree: containers are written as they are opened and closed
/// as soon as their owner moves on, which is all that synthesized `Codable` conformances need.
struct WireJSONWriter {
    /// How `Date` values are written.
    enum DateStyle {
        /// A string `2025-01-15T12:34:56.789Z` (restJson1).
        case iso8601
        /// A number of seconds since 1970 with at most three decimals (awsJson1_1).
        case epochSeconds
    }

    var dateStyle: DateStyle

    /// The JSON text of `value`.
    /// - Throws: `EncodingError.invalidValue` for a non-finite floating-point number.
    /// - Complexity: O(n) in the size of the output.
    func encode(_ value: some Encodable) throws -> [UInt8] {
        let output = JSONOutput(dateStyle: dateStyle)
        try output.writeValue(value, depth: 0)
        return output.bytes
    }
}

/// The bytes written so far and the stack of open containers, shared by the encoder and its containers.
///
/// A value written at depth `d` finds `d` containers open; opening a container pushes one. Before a container
/// writes its next entry (or its owner returns), every deeper container is closed.
final class JSONOutput {
    struct Frame {
        var isObject: Bool
        var count: Int
    }

    var bytes: [UInt8] = []
    private var frames: [Frame] = []
    let dateStyle: WireJSONWriter.DateStyle

    init(dateStyle: WireJSONWriter.DateStyle) {
        self.dateStyle = dateStyle
        bytes.reserveCapacity(256)
    }

    /// Writes one complete value with `depth` containers open around it.
    func writeValue<T: Encodable>(_ value: T, depth: Int) throws {
        close(downTo: depth)
        if let date = value as? Date {
            switch dateStyle {
            case .iso8601: writeString(WireTimestamp.iso8601(date))
            case .epochSeconds: bytes.append(contentsOf: WireTimestamp.epochSeconds(date).utf8)
            }
            return
        }
        if let map = value as? any SortedJSONMap {
            try map.writeSorted(to: self, depth: depth)
            return
        }
        let start = bytes.count
        try value.encode(to: JSONStreamEncoder(output: self, depth: depth))
        if bytes.count == start { bytes.append(contentsOf: "{}".utf8) }
        close(downTo: depth)
    }

    /// Opens an object or array for the value at `depth` (reusing it if that value already opened one of the
    /// same kind) and returns its frame index.
    func open(object: Bool, depth: Int) -> Int {
        close(downTo: depth + 1)
        if frames.count == depth + 1, frames[depth].isObject == object { return depth }
        close(downTo: depth)
        frames.append(Frame(isObject: object, count: 0))
        bytes.append(object ? UInt8(ascii: "{") : UInt8(ascii: "["))
        return depth
    }

    /// Starts the next entry of the container at `frame`: closes deeper containers, writes the separator and,
    /// for an object, the key.
    func beginEntry(frame: Int, key: String?) {
        close(downTo: frame + 1)
        if frames[frame].count > 0 { bytes.append(contentsOf: ", ".utf8) }
        frames[frame].count += 1
        if let key {
            writeString(key)
            bytes.append(contentsOf: ": ".utf8)
        }
    }

    func close(downTo depth: Int) {
        while frames.count > depth {
            bytes.append(frames.removeLast().isObject ? UInt8(ascii: "}") : UInt8(ascii: "]"))
        }
    }

    func writeNull() { bytes.append(contentsOf: "null".utf8) }

    func writeBool(_ value: Bool) { bytes.append(contentsOf: (value ? "true" : "false").utf8) }

    func writeInteger(_ value: some BinaryInteger) { bytes.append(contentsOf: value.description.utf8) }

    /// A finite double in Python's `repr` form (Swift's shortest round-trip form agrees: `80.0`, `1e-05`).
    func writeDouble(_ value: Double) throws {
        guard value.isFinite else {
            throw EncodingError.invalidValue(
                value, EncodingError.Context(codingPath: [], debugDescription: "JSON has no \(value)"))
        }
        bytes.append(contentsOf: value.description.utf8)
    }

    /// A JSON string with Python's `ensure_ascii` escaping.
    /// - Complexity: O(n) in the UTF-8 length of `value`.
    func writeString(_ value: String) {
        JSONText.appendString(value, to: &bytes, nonASCII: .escaped)
    }
}

/// A string-keyed map, written with its keys in byte order so that equal maps give equal bytes.
protocol SortedJSONMap {
    func writeSorted(to output: JSONOutput, depth: Int) throws
}

extension Dictionary: SortedJSONMap where Key == String, Value: Encodable {
    func writeSorted(to output: JSONOutput, depth: Int) throws {
        let frame = output.open(object: true, depth: depth)
        for key in keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            output.beginEntry(frame: frame, key: key)
            if let value = self[key] { try output.writeValue(value, depth: frame + 1) }
        }
        output.close(downTo: depth)
    }
}
