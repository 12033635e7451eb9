/// Why bytes could not be parsed as an HTTP/1.1 message. A server answers each kind with its status and closes.
public struct HTTPParseError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable, Equatable {
        /// Start line plus headers (or trailers) larger than ``HTTPLimits/maxHeaderBytes``, or too many fields (431).
        case headerTooLarge
        /// Body larger than ``HTTPLimits/maxBodyBytes`` (413).
        case bodyTooLarge
        /// Bad start line, header syntax, Content-Length or chunk framing (400).
        case malformed
        /// A `Transfer-Encoding` other than `chunked` (501).
        case unsupportedTransferEncoding
        /// The connection ended in the middle of a message.
        case truncated
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// The status a server answers this error with.
    public var status: Int {
        switch kind {
        case .headerTooLarge: 431
        case .bodyTooLarge: 413
        case .malformed, .truncated: 400
        case .unsupportedTransferEncoding: 501
        }
    }

    public var description: String { "\(kind.rawValue): \(message)" }
}
