/// How an attempt ended when no answer came back.
///
/// `requestSent` says whether the request left the client: a `connect` failure or a reset before sending
/// means the service never saw it (the call may be reported as definitely failed), while a `timeout` or a
/// `reset` after sending leaves the outcome unknown (the service may have applied it).
public struct TransportFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// A short stable kind: one of the `Kind` constants (`connect`, `timeout`, `reset`, `cancelled`, `unsupported`).
    public var kind: String
    /// Free text for logs.
    public var detail: String
    /// Whether the request (or part of it) was written to the network before the failure.
    public var requestSent: Bool

    public init(kind: String, detail: String, requestSent: Bool) {
        self.kind = kind
        self.detail = detail
        self.requestSent = requestSent
    }

    /// The stable failure kinds.
    public enum Kind {
        /// The connection could not be opened (botocore `EndpointConnectionError`); nothing was sent.
        public static let connect = "connect"
        /// No answer in time (botocore `ReadTimeoutError`/`ConnectTimeoutError`).
        public static let timeout = "timeout"
        /// The connection was closed under the request (botocore `ConnectionClosedError`).
        public static let reset = "reset"
        /// The caller gave up (task cancellation); never retried.
        public static let cancelled = "cancelled"
        /// The transport cannot carry this request; never retried.
        public static let unsupported = "unsupported"
    }

    /// Whether botocore counts this failure as a connection error it retries (every kind but `cancelled`
    /// and `unsupported`).
    public var isConnectionError: Bool {
        kind == Kind.connect || kind == Kind.timeout || kind == Kind.reset
    }

    /// Whether this is a timeout, which the pre-2026 standard retry quota charges 10 instead of 5.
    public var isTimeout: Bool { kind == Kind.timeout }

    public var description: String { "\(kind)\(requestSent ? " (after send)" : ""): \(detail)" }
}
