/// An HTTP response as bytes: status, header fields and body. `Content-Length` is left to the transport.
public struct WireResponse: Sendable, Hashable {
    public var status: Int
    public var headers: WireHeaders
    public var body: [UInt8]

    public init(status: Int, headers: WireHeaders = [:], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The standard reason phrase of ``status`` (Python's `http.client.responses`, which botocore uses as the
    /// message of a generic 5xx error), or `""` for a status it does not know.
    public var reasonPhrase: String { HTTPReasonPhrase.phrase(for: status) }
}
