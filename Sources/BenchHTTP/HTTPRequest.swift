/// One HTTP/1.1 request as the client sends it or the server hands it to its handler.
public struct HTTPRequest: Sendable, Equatable {
    /// The method token, e.g. `GET`, `POST`.
    public var method: String
    /// The request target exactly as sent: already percent-encoded, with the query, e.g. `/a%20b?x=1`.
    public var path: String
    /// Header fields in order. The client adds `Host` and `Content-Length` itself unless present here.
    public var headers: HTTPHeaders
    /// The body bytes (empty for none).
    public var body: [UInt8]

    public init(method: String = "GET", path: String, headers: HTTPHeaders = [], body: [UInt8] = []) {
        self.method = method
        self.path = path
        self.headers = headers
        self.body = body
    }
}
