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
