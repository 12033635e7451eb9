import BenchCore

/// A record that writes its own JSON text, without `JSONEncoder`: what ``JSONLinesWriter`` writes.
///
/// The bytes must be exactly what `JSONEncoder` with `[.sortedKeys, .withoutEscapingSlashes]` writes for the value
/// the line is read back as (keys in sorted order, nil optionals left out, UTF-8 kept as is): the record's own
/// `Encodable` form (`LedgerEntry`), or the ``HistoryRecord`` a ``HistoryLine`` reads back as. Files are then the
/// same as `JSONEncoder` would write; ``JSONLineDecodable`` reads those exact bytes back, and `JSONDecoder` reads
/// any other form.
public protocol JSONLineEncodable {
    /// Appends the record as one compact JSON value, without a newline.
    /// - Complexity: O(size of the record); allocates nothing beyond the buffer's growth.
    func appendJSON(to bytes: inout some JSONByteSink)
}
