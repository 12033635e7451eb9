/// One HTTP/1.1 response as the client received it or a server handler returns it.
public struct HTTPResponse: Sendable, Equatable {
    /// The status code, e.g. 200.
    public var status: Int
    /// The reason phrase (informational only; never relied upon).
    public var reason: String
    /// Header fields in order. When a server sends it, the server writes `Content-Length` and `Connection` itself.
    public var headers: HTTPHeaders
    /// The body bytes, de-chunked.
    public var body: [UInt8]

    /// - Parameter reason: defaults to the standard phrase of `status`.
    public init(status: Int, reason: String? = nil, headers: HTTPHeaders = [], body: [UInt8] = []) {
        self.status = status
        self.reason = reason ?? HTTPResponse.standardReason(status)
        self.headers = headers
        self.body = body
    }

    /// The standard reason phrase of the statuses this module produces or commonly sees.
    public static func standardReason(_ status: Int) -> String {
        switch status {
        case 100: "Continue"
        case 200: "OK"
        case 201: "Created"
        case 202: "Accepted"
        case 204: "No Content"
        case 301: "Moved Permanently"
        case 302: "Found"
        case 304: "Not Modified"
        case 400: "Bad Request"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 408: "Request Timeout"
        case 409: "Conflict"
        case 413: "Content Too Large"
        case 429: "Too Many Requests"
        case 431: "Request Header Fields Too Large"
        case 500: "Internal Server Error"
        case 501: "Not Implemented"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        case 504: "Gateway Timeout"
        default: "Status \(status)"
        }
    }
}
