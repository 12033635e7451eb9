import BenchCore

/// Feeds the members of a request's input into a ``WordStreamDigest`` so that different parameters give different
/// byte streams (and so, but for hash collisions, different digests).
///
/// The stream is unambiguous given the shapes: a present member writes its name, then its value; strings are
/// length-prefixed, so no content can pass for a separator; arrays and maps write their count first; a nested
/// shape ends with an empty marker, which no member name is. A nil member writes nothing. Maps write their keys
/// in UTF-8 byte order, so the same map gives the same stream whatever its order in memory.
struct ParameterDigestBuilder {
    private(set) var digest = WordStreamDigest()

    init() {}

    /// Mixes in a top-level label such as the service or the operation name.
    mutating func label(_ label: String) { digest.combine(label) }

    mutating func member(_ name: String, _ value: String?) {
        guard let value else { return }
        digest.combine(name)
        string(value)
    }

    mutating func member(_ name: String, _ value: Int?) {
        guard let value else { return }
        digest.combine(name)
        digest.combine(raw: UInt64(bitPattern: Int64(value)))
    }

    mutating func member(_ name: String, _ value: Int64?) {
        guard let value else { return }
        digest.combine(name)
        digest.combine(raw: UInt64(bitPattern: value))
    }

    mutating func member(_ name: String, _ value: Bool?) {
        guard let value else { return }
        digest.combine(name)
        digest.combine(raw: value ? 1 : 0)
    }

    mutating func member(_ name: String, _ values: [String]?) {
        guard let values else { return }
        digest.combine(name)
        strings(values)
    }

    mutating func member(_ name: String, _ map: [String: String]?) {
        guard let map else { return }
        digest.combine(name)
        digest.combine(raw: UInt64(map.count))
        for key in Self.sortedKeys(map) {
            string(key)
            string(map[key] ?? "")
        }
    }

    mutating func member(_ name: String, _ map: [String: [String]]?) {
        guard let map else { return }
        digest.combine(name)
        digest.combine(raw: UInt64(map.count))
        for key in Self.sortedKeys(map) {
            string(key)
            strings(map[key] ?? [])
        }
    }

    mutating func member<Shape: ParameterDigestible>(_ name: String, _ value: Shape?) {
        guard let value else { return }
        digest.combine(name)
        nested(value)
    }

    mutating func member<Shape: ParameterDigestible>(_ name: String, _ values: [Shape]?) {
        guard let values else { return }
        digest.combine(name)
        digest.combine(raw: UInt64(values.count))
        for value in values { nested(value) }
    }

    private mutating func string(_ value: String) {
        digest.combine(raw: UInt64(value.utf8.count))
        digest.combine(value)
    }

    private mutating func strings(_ values: [String]) {
        digest.combine(raw: UInt64(values.count))
        for value in values { string(value) }
    }

    private mutating func nested(_ value: some ParameterDigestible) {
        value.digestParameters(into: &self)
        digest.combine("")
    }

    /// - Complexity: O(k log k) for `k` keys.
    private static func sortedKeys<Value>(_ map: [String: Value]) -> [String] {
        map.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }
}
