extension String {
    /// Calls `body` with the string's UTF-8 bytes: read in place when the string stores them contiguously (every
    /// native string), else from a contiguous copy (a bridged string may not). Unlike `withUTF8`, it needs no
    /// mutable copy of the string, so a native string costs no reference counting on storage that other threads may
    /// share, and stepping through the buffer costs a fraction of stepping a `UTF8View` index.
    ///
    /// Used on hot paths: JSON text, identifier checks, attribute validation, HTTP header names.
    @inlinable
    public func withUTF8Bytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        if let result = try utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = self
        return try copy.withUTF8(body)
    }
}

extension String {
    /// This string, then `separator`, then `number` in decimal: `"\(self):\(number)"` for `":"`, written straight
    /// into the new string's storage. Interpolation costs several times more, and every Lattice target key
    /// (`id:port`) the history and the emulator's ledger record is one of these, as are generated instance ids and
    /// attribute values.
    /// - Complexity: O(length), one allocation (none for up to 15 bytes).
    @inlinable
    public func appending<Number: BinaryInteger>(_ separator: Unicode.Scalar, decimal number: Number) -> String {
        guard separator.isASCII else { return self + String(separator) + String(number) }
        var digits = number < 0 ? 2 : 1  // the sign, and the last digit
        var rest = number / 10
        while rest != 0 {
            digits += 1
            rest /= 10
        }
        return withUTF8Bytes { prefix in
            String(unsafeUninitializedCapacity: prefix.count + 1 + digits) { text in
                _ = text.initialize(fromContentsOf: prefix)
                text[prefix.count] = UInt8(separator.value)
                let end = prefix.count + 1 + digits
                var index = end - 1
                var value = number
                repeat {  // from the last digit, each a magnitude of 0-9 even for Int.min
                    text[index] = UInt8(ascii: "0") + UInt8((value % 10).magnitude)
                    value /= 10
                    index -= 1
                } while value != 0
                if number < 0 { text[index] = UInt8(ascii: "-") }
                return end
            }
        }
    }
}

extension String {
    /// Whether the string's length in Unicode scalars (the unit of the AWS models' `min` and `max` on strings) lies
    /// in `bounds`, decided from its UTF-8 byte count alone when that suffices: `n` bytes hold at least `n / 4`
    /// (rounded up) and at most `n` scalars, so a string of at most `bounds.upperBound` bytes and at least
    /// `4 * bounds.lowerBound - 3` is within them, and one of fewer than `bounds.lowerBound` bytes is not; otherwise
    /// it counts (``unicodeScalarCount``). The emulators check a length on every field of every request (every
    /// target id of a `RegisterTargets`), and `unicodeScalars.count` decodes the whole string to answer.
    /// - Complexity: O(1) for a native string in those two cases, O(*n*) otherwise.
    @inlinable
    public func hasUnicodeScalarCount(in bounds: ClosedRange<Int>) -> Bool {
        let bytes = utf8.count
        if bytes < bounds.lowerBound { return false }
        if bytes <= bounds.upperBound, (bytes + 3) / 4 >= bounds.lowerBound { return true }
        return bounds.contains(unicodeScalarCount)
    }

    /// The string's length in Unicode scalars, `unicodeScalars.count`, counted over its UTF-8 bytes without decoding
    /// them: each scalar has exactly one byte that is not a continuation byte (`10xxxxxx`).
    /// - Complexity: O(*n*) in bytes, a compare and an add each.
    @inlinable
    public var unicodeScalarCount: Int {
        withUTF8Bytes { bytes in
            var count = 0
            for byte in bytes where byte & 0xC0 != 0x80 { count += 1 }
            return count
        }
    }
}
