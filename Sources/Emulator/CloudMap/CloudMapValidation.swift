import AWSModel
import BenchCore

/// Field checks for Cloud Map requests: every failure is an `InvalidInput` whose message names the wire field
/// and the limit it broke. Field names are autoclosures: a name such as `Attributes[key]` is only built for the
/// message of a failure, not on every request that passes.
///
/// Patterns are checked byte by byte over UTF-8 instead of with `Regex` (the validators run on every request).
/// Lengths are counted in Unicode scalars, with an O(1) fast path when the UTF-8 byte count is already
/// within the limit (`String.hasUnicodeScalarCount(in:)`).
enum CloudMapValidation {
    /// Throws when `value` is empty (a required member that is missing or blank).
    static func required(_ value: String, _ field: @autoclosure () -> String) throws(ServiceError) {
        if value.isEmpty { throw .invalidInput("\(field()) is required and must not be empty") }
    }

    /// Throws when `value` is longer than `max` characters.
    static func maxLength(_ value: String?, _ max: Int, _ field: @autoclosure () -> String) throws(ServiceError) {
        guard let value else { return }
        if !value.hasUnicodeScalarCount(in: 0...max) {
            throw .invalidInput(
                "\(field()) must have length less than or equal to \(max) (got \(value.unicodeScalars.count))")
        }
    }

    /// Throws when `value` is present and outside `range`.
    static func range(_ value: Int?, _ range: ClosedRange<Int>, _ field: @autoclosure () -> String) throws(ServiceError) {
        guard let value, !range.contains(value) else { return }
        throw .invalidInput(
            "\(field()) must be between \(range.lowerBound) and \(range.upperBound) inclusive (got \(value))")
    }

    /// Throws when `value` is present and not one of `allowed`.
    static func oneOf(_ value: String?, _ allowed: [String], _ field: @autoclosure () -> String) throws(ServiceError) {
        guard let value, !allowed.contains(value) else { return }
        throw .invalidInput("\(field()) must be one of \(allowed.joined(separator: ", ")) (got '\(value)')")
    }

    /// Throws when a byte of `value` fails `isAllowed`, naming `pattern` and the offset of the first bad byte.
    static func bytes(
        _ value: String, _ field: @autoclosure () -> String, pattern: String, _ isAllowed: (UInt8) -> Bool
    ) throws(ServiceError) {
        guard let offset = firstOffset(in: value, where: { !isAllowed($0) }) else { return }
        throw .invalidInput("\(field()) must match the pattern \(pattern) (invalid character at offset \(offset))")
    }

    /// The offset of the first UTF-8 byte of `value` at or after `start` that satisfies `predicate`, or nil.
    /// A native string's bytes are read in place: stepping a `String.UTF8View` index costs several times more per
    /// byte, and every `RegisterInstance` checks each attribute's key and value.
    static func firstOffset(in value: String, from start: Int = 0, where predicate: (UInt8) -> Bool) -> Int? {
        value.withUTF8Bytes { bytes in bytes[min(start, bytes.count)...].firstIndex(where: predicate) }
    }

    /// Checks a `TagList`: at most 200 tags, keys 1-128 and values 0-256 characters.
    static func tags(_ tags: [CloudMap.Tag]?) throws(ServiceError) {
        guard let tags else { return }
        if tags.count > 200 { throw .invalidInput("Tags must have at most 200 items (got \(tags.count))") }
        for (index, tag) in tags.enumerated() {
            try required(tag.key, "Tags[\(index)].Key")
            try maxLength(tag.key, 128, "Tags[\(index)].Key")
            try maxLength(tag.value, 256, "Tags[\(index)].Value")
        }
    }

    /// Checks a `NextToken` (at most 4,096) and a `MaxResults` (1-100), and returns the page size to use.
    static func page(nextToken: String?, maxResults: Int?, defaultSize: Int) throws(ServiceError) -> Int {
        try maxLength(nextToken, 4_096, "NextToken")
        try range(maxResults, 1...100, "MaxResults")
        return maxResults ?? min(max(defaultSize, 1), 100)
    }

    // MARK: Byte classes

    /// `[!-~]`: printable ASCII without space (this range contains `a-zA-Z0-9`).
    static func isVisible(_ byte: UInt8) -> Bool { byte >= 0x21 && byte <= 0x7E }

    /// `[0-9a-zA-Z]`.
    static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }

    /// `[0-9a-zA-Z_/:.@-]`, the `InstanceId` pattern's class.
    static func isInstanceIdByte(_ byte: UInt8) -> Bool {
        isAlphanumeric(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "/") || byte == UInt8(ascii: ":")
            || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "@") || byte == UInt8(ascii: "-")
    }

    // MARK: Names

    /// `NamespaceNameHttp`: `^(?!arn:)[!-~]{1,1024}$`.
    static func httpNamespaceName(_ name: String) throws(ServiceError) {
        try required(name, "Name")
        try maxLength(name, 1_024, "Name")
        try bytes(name, "Name", pattern: "^(?!arn:)[!-~]{1,1024}$", isVisible)
        if name.hasPrefix("arn:") { throw .invalidInput("Name must not start with 'arn:'") }
    }

    /// `ServiceName`: `.` or 1-127 characters of dot-separated labels, each either one `[a-zA-Z0-9]` or
    /// `[a-zA-Z0-9_]` + up to 61 of `[a-zA-Z0-9-_]` + `[a-zA-Z0-9_]`.
    static func serviceName(_ name: String) throws(ServiceError) {
        try required(name, "Name")
        if name == "." { return }
        let utf8 = Array(name.utf8)
        if utf8.count > 127 {
            throw .invalidInput("Name must have length less than or equal to 127 (got \(utf8.count))")
        }
        for label in utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        where !isServiceNameLabel(label) {
            throw .invalidInput(
                "Name must be '.' or dot-separated labels of 1-63 characters of [a-zA-Z0-9_-] that do not start or "
                    + "end with '-' (a one-character label must be [a-zA-Z0-9])")
        }
    }

    private static func isServiceNameLabel(_ label: ArraySlice<UInt8>) -> Bool {
        guard let first = label.first, let last = label.last, label.count <= 63 else { return false }
        if label.count == 1 { return isAlphanumeric(first) }
        let underscore = UInt8(ascii: "_")
        let hyphen = UInt8(ascii: "-")
        guard isAlphanumeric(first) || first == underscore, isAlphanumeric(last) || last == underscore else {
            return false
        }
        return label.allSatisfy { isAlphanumeric($0) || $0 == underscore || $0 == hyphen }
    }
}
