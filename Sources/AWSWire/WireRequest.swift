/// An HTTP request as bytes and strings, before signing and without connection details.
///
/// The client codec produces it from a typed request; the server codec routes and decodes it. It carries no
/// `Host`, `Content-Length` or authorization headers: the transport adds and signs those.
public struct WireRequest: Sendable, Hashable {
    /// `GET`, `POST`, ...
    public var method: String
    /// The raw path, still percent-encoded (an ARN identifier appears as `arn%3Aaws%3A...`).
    public var path: String
    /// The raw query string, still percent-encoded, without the leading `?`; empty when there is none.
    public var query: String
    public var headers: WireHeaders
    public var body: [UInt8]

    public init(method: String, path: String, query: String = "", headers: WireHeaders = [:], body: [UInt8] = []) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
    }
}
