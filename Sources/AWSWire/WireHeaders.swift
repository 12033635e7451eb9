/// One HTTP header field as it travels: the name with its original spelling, and the value.
public struct WireHeader: Sendable, Hashable {
    public var name: String
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// The header fields of a request or response, in order, with repeats kept.
///
/// Lookups compare names ASCII-case-insensitively, as HTTP does. The list is small (a handful of fields),
/// so a linear scan beats hashing here.
public struct WireHeaders: Sendable, Hashable, ExpressibleByDictionaryLiteral {
    /// The fields in the order they were added.
    public var fields: [WireHeader]

    public init(_ fields: [WireHeader] = []) {
        self.fields = fields
    }

    public init(dictionaryLiteral elements: (String, String)...) {
        self.fields = elements.map { WireHeader(name: $0.0, value: $0.1) }
    }

    /// The value of the first field called `name` (any letter case), or `nil`.
    /// - Complexity: O(n·m) for n fields and a name of length m.
    public subscript(name: String) -> String? {
        fields.first { Self.namesEqual($0.name, name) }?.value
    }

    /// Whether a field called `name` (any letter case) is present.
    public func contains(_ name: String) -> Bool {
        self[name] != nil
    }

    /// Appends a field, keeping any already present with the same name.
    public mutating func add(_ name: String, _ value: String) {
        fields.append(WireHeader(name: name, value: value))
    }

    /// Whether two header names are equal ignoring ASCII letter case.
    static func namesEqual(_ lhs: String, _ rhs: String) -> Bool {
        lhs.utf8.count == rhs.utf8.count
            && zip(lhs.utf8, rhs.utf8).allSatisfy { asciiLowercased($0) == asciiLowercased($1) }
    }

    private static func asciiLowercased(_ byte: UInt8) -> UInt8 {
        (0x41...0x5A).contains(byte) ? byte | 0x20 : byte
    }
}
