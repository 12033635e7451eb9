import BenchCore

/// Feeds the members of a request's input into a ``WordStreamDigest`` so that different parameters give different
/// byte streams (and so, but for hash collisions, different digests).
///
/// The stream is unambiguous given the shapes: a present member writes its name, then its value; strings are
/// length-prefixed, so no content can pass for a separator; arrays and maps write their count first; a nested
/// shape ends with an empty marker, which no member name is. A nil member writes nothing. A map writes its count,
/// then the wrapping sum of its entries' own digests (key, then value, each digested on its own): the same map gives
/// the same stream whatever its order in memory, without sorting its keys or looking each one up again.
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
        entries(of: map) { $0.string($1) }
    }

    mutating func member(_ name: String, _ map: [String: [String]]?) {
        guard let map else { return }
        digest.combine(name)
        entries(of: map) { $0.strings($1) }
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

    /// Writes `map`'s count, then the wrapping sum of its entries' own digests (the key, then the value as
    /// `value` writes it): the same whatever the map's order in memory, with no sort and no second look-up.
    /// - Complexity: O(total size of the keys and values).
    private mutating func entries<Value>(
        of map: [String: Value], _ value: (inout ParameterDigestBuilder, Value) -> Void
    ) {
        digest.combine(raw: UInt64(map.count))
        var sum: UInt64 = 0
        for (key, item) in map {
            var entry = ParameterDigestBuilder()
            entry.string(key)
            value(&entry, item)
            sum &+= entry.digest.value
        }
        digest.combine(raw: sum)
    }

    private mutating func nested(_ value: some ParameterDigestible) {
        value.digestParameters(into: &self)
        digest.combine("")
    }
}
