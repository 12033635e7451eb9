/// A record that writes its own JSON text, without `JSONEncoder`: the fast path of ``JSONLinesWriter``.
///
/// The bytes must be exactly what `JSONEncoder` with `[.sortedKeys, .withoutEscapingSlashes]` writes for the
/// record's `Encodable` form (keys in sorted order, nil optionals left out, UTF-8 kept as is), so that files
/// written either way are the same; ``JSONLineDecodable`` reads those exact bytes back, and `JSONDecoder` reads
/// any other form.
public protocol JSONLineEncodable {
    /// Appends the record as one compact JSON value, without a newline.
    /// - Complexity: O(size of the record); allocates nothing beyond the buffer's growth.
    func appendJSON(to bytes: inout [UInt8])
}
