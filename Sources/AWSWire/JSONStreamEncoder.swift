/// The `Encoder` of ``WireJSONWriter``: it writes straight into a ``JSONOutput``.
///
/// `codingPath` stays empty: nothing in this module throws from inside a nested value except a non-finite
/// double, whose message needs no path.
struct JSONStreamEncoder: Encoder {
    let output: JSONOutput
    /// How many containers are open around the value this encoder writes.
    let depth: Int

    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(JSONKeyedContainer(output: output, frame: output.open(object: true, depth: depth)))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        JSONUnkeyedContainer(output: output, frame: output.open(object: false, depth: depth))
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        JSONSingleValueContainer(output: output, depth: depth)
    }
}

/// Writes one scalar or nested value in place.
struct JSONSingleValueContainer: SingleValueEncodingContainer {
    let output: JSONOutput
    let depth: Int
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() throws { output.writeNull() }
    mutating func encode(_ value: Bool) throws { output.writeBool(value) }
    mutating func encode(_ value: String) throws { output.writeString(value) }
    mutating func encode(_ value: Double) throws { try output.writeDouble(value) }
    mutating func encode(_ value: Float) throws { try output.writeDouble(Double(value)) }
    mutating func encode(_ value: Int) throws { output.writeInteger(value) }
    mutating func encode(_ value: Int8) throws { output.writeInteger(value) }
    mutating func encode(_ value: Int16) throws { output.writeInteger(value) }
    mutating func encode(_ value: Int32) throws { output.writeInteger(value) }
    mutating func encode(_ value: Int64) throws { output.writeInteger(value) }
    mutating func encode(_ value: UInt) throws { output.writeInteger(value) }
    mutating func encode(_ value: UInt8) throws { output.writeInteger(value) }
    mutating func encode(_ value: UInt16) throws { output.writeInteger(value) }
    mutating func encode(_ value: UInt32) throws { output.writeInteger(value) }
    mutating func encode(_ value: UInt64) throws { output.writeInteger(value) }
    mutating func encode<T: Encodable>(_ value: T) throws { try output.writeValue(value, depth: depth) }
}

/// Writes the members of a JSON object, in the order they are encoded.
struct JSONKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let output: JSONOutput
    /// The index of this object's frame in the output's stack of open containers.
    let frame: Int
    var codingPath: [any CodingKey] { [] }

    /// A single-value container for the next member, after its key.
    private func member(_ key: Key) -> JSONSingleValueContainer {
        output.beginEntry(frame: frame, key: key.stringValue)
        return JSONSingleValueContainer(output: output, depth: frame + 1)
    }

    mutating func encodeNil(forKey key: Key) throws { var slot = member(key); try slot.encodeNil() }
    mutating func encode(_ value: Bool, forKey key: Key) throws { var slot = member(key); try slot.encode(value) }
    mutating func encode(_ value: String, forKey key: Key) throws { var slot = member(key); try slot.encode(value) }
    mutating func encode(_ value: Double, forKey key: Key) throws { var slot = member(key); try slot.encode(value) }
    mutating func encode(_ value: Float, forKey key: Key) throws { var slot = member(key); try slot.encode(value) }
    mutating func encode(_ value: Int, forKey key: Key) throws { var slot = member(key); try slot.encode(value) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { var slot = member(key); try slot.encode(value) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { var slot = member(key); try slot.encode(value) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { var slot = member(key); try slot.encode(value) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { var slot = member(key); try slot.encode(value) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { var slot = member(key); try slot.encode(value) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { var slot = member(key); try slot.encode(value) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { var slot = member(key); try slot.encode(value) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { var slot = member(key); try slot.encode(value) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { var slot = member(key); try slot.encode(value) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        var slot = member(key)
        try slot.encode(value)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        output.beginEntry(frame: frame, key: key.stringValue)
        return JSONStreamEncoder(output: output, depth: frame + 1).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        output.beginEntry(frame: frame, key: key.stringValue)
        return JSONStreamEncoder(output: output, depth: frame + 1).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        output.beginEntry(frame: frame, key: "super")
        return JSONStreamEncoder(output: output, depth: frame + 1)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        output.beginEntry(frame: frame, key: key.stringValue)
        return JSONStreamEncoder(output: output, depth: frame + 1)
    }
}

/// Writes the elements of a JSON array.
struct JSONUnkeyedContainer: UnkeyedEncodingContainer {
    let output: JSONOutput
    /// The index of this array's frame in the output's stack of open containers.
    let frame: Int
    private(set) var count = 0
    var codingPath: [any CodingKey] { [] }

    init(output: JSONOutput, frame: Int) {
        self.output = output
        self.frame = frame
    }

    /// A single-value container for the next element, after its separator.
    private mutating func element() -> JSONSingleValueContainer {
        output.beginEntry(frame: frame, key: nil)
        count += 1
        return JSONSingleValueContainer(output: output, depth: frame + 1)
    }

    mutating func encodeNil() throws { var slot = element(); try slot.encodeNil() }
    mutating func encode(_ value: Bool) throws { var slot = element(); try slot.encode(value) }
    mutating func encode(_ value: String) throws { var slot = element(); try slot.encode(value) }
    mutating func encode(_ value: Double) throws { var slot = element(); try slot.encode(value) }
    mutating func encode(_ value: Float) throws { var slot = element(); try slot.encode(value) }
    mutating func encode(_ value: Int) throws { var slot = element(); try slot.encode(value) }
    mutating func encode(_ value: Int8) throws { var slot = element(); try slot.encode(value) }
    mutating func encode(_ value: Int16) throws { var slot = element(); try slot.encode(value) }
    mutating func encode(_ value: Int32) throws { var slot = element(); try slot.encode(value) }
    mutating func encode(_ value: Int64) throws { var slot = element(); try slot.encode(value) }
    mutating func encode(_ value: UInt) throws { var slot = element(); try slot.encode(value) }
    mutating func encode(_ value: UInt8) throws { var slot = element(); try slot.encode(value) }
    mutating func encode(_ value: UInt16) throws { var slot = element(); try slot.encode(value) }
    mutating func encode(_ value: UInt32) throws { var slot = element(); try slot.encode(value) }
    mutating func encode(_ value: UInt64) throws { var slot = element(); try slot.encode(value) }
    mutating func encode<T: Encodable>(_ value: T) throws { var slot = element(); try slot.encode(value) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
        -> KeyedEncodingContainer<NestedKey>
    {
        output.beginEntry(frame: frame, key: nil)
        count += 1
        return JSONStreamEncoder(output: output, depth: frame + 1).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        output.beginEntry(frame: frame, key: nil)
        count += 1
        return JSONStreamEncoder(output: output, depth: frame + 1).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        output.beginEntry(frame: frame, key: nil)
        count += 1
        return JSONStreamEncoder(output: output, depth: frame + 1)
    }
}
