/// Size limits a parser enforces on each message, so that no peer can make us buffer without bound.
public struct HTTPLimits: Sendable, Equatable {
    /// Largest start line plus header block (and chunked trailer block), in bytes, CRLFs included.
    public var maxHeaderBytes: Int
    /// Most header fields in one message (trailers count separately against the same limit).
    public var maxHeaderCount: Int
    /// Largest body, in bytes, after de-chunking.
    public var maxBodyBytes: Int

    public init(maxHeaderBytes: Int = 16 * 1024, maxHeaderCount: Int = 100, maxBodyBytes: Int = 16 * 1024 * 1024) {
        self.maxHeaderBytes = maxHeaderBytes
        self.maxHeaderCount = maxHeaderCount
        self.maxBodyBytes = maxBodyBytes
    }
}
