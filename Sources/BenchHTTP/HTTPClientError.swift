/// Why a client request failed, with what a retry policy needs to decide.
///
/// `requestSent` tells "definitely not applied" (`false`: not every request byte reached the socket, so a server
/// cannot have acted on it) from "unknown outcome" (`true`: the server may have applied it).
public struct HTTPClientError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A stable category of failure.
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        /// The connection could not be established (refused, unreachable, connect timeout, bad address).
        case connect
        /// The request timeout passed before the full response arrived.
        case timeout
        /// The connection was closed or reset before the full response arrived.
        case reset
        /// The peer sent bytes that are not a valid HTTP/1.1 response, or one over the configured limits.
        case protocolError
        /// The calling task was cancelled or the client was shut down.
        case cancelled
    }

    public var kind: Kind
    /// Whether every byte of the request was written to the socket.
    public var requestSent: Bool
    /// A human-readable detail (errno text, limit broken, ...).
    public var message: String

    public init(kind: Kind, requestSent: Bool, message: String) {
        self.kind = kind
        self.requestSent = requestSent
        self.message = message
    }

    public var description: String { "\(kind.rawValue)(requestSent: \(requestSent)): \(message)" }
}
