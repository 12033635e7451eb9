/// Writes request and response heads (and bodies) as HTTP/1.1 bytes into reusable buffers.
///
/// Header names and values are written as given: callers must not put CR or LF in them.
enum HTTPSerializer {
    private static let crlf: [UInt8] = [13, 10]
    private static let fieldSeparator: [UInt8] = [58, 32]

    /// Appends `METHOD path HTTP/1.1`, `Host` (from `hostField`, unless the request has one), the request's
    /// fields, `Content-Length` (unless given, or for a bodiless GET/HEAD/DELETE/OPTIONS) and the blank line.
    /// - Complexity: O(head bytes); no allocation once `out` has grown to the largest head.
    static func appendRequestHead(_ request: HTTPRequest, hostField: [UInt8], into out: inout [UInt8]) {
        out.append(contentsOf: request.method.utf8)
        out.append(32)
        out.append(contentsOf: request.path.utf8)
        out.append(contentsOf: " HTTP/1.1\r\n".utf8)
        var hasHost = false
        var hasLength = false
        for field in request.headers.fields {
            if !hasHost, field.name.asciiCaseInsensitiveEquals("Host") { hasHost = true }
            if !hasLength, field.name.asciiCaseInsensitiveEquals("Content-Length")
                || field.name.asciiCaseInsensitiveEquals("Transfer-Encoding")
            {
                hasLength = true
            }
        }
        if !hasHost { out.append(contentsOf: hostField) }
        appendFields(request.headers, into: &out, skippingFraming: false)
        if !hasLength, !request.body.isEmpty || !methodOmitsEmptyLength(request.method) {
            appendContentLength(request.body.count, into: &out)
        }
        out.append(contentsOf: crlf)
    }

    /// Appends a whole response: status line, the response's fields except the framing ones (`Content-Length`,
    /// `Transfer-Encoding`, `Connection`, which the server owns), its own framing fields, and the body unless
    /// `headOnly` (a HEAD request) or the status forbids one.
    static func appendResponse(
        _ response: HTTPResponse, headOnly: Bool, keepAlive: Bool, requestMinor: Int, into out: inout [UInt8]
    ) {
        out.append(contentsOf: "HTTP/1.1 ".utf8)
        appendDecimal(response.status, into: &out)
        out.append(32)
        out.append(contentsOf: response.reason.utf8)
        out.append(contentsOf: crlf)
        appendFields(response.headers, into: &out, skippingFraming: true)
        let bodiless = response.status == 204 || response.status == 304 || response.status < 200
        if !bodiless { appendContentLength(response.body.count, into: &out) }
        if !keepAlive {
            out.append(contentsOf: "Connection: close\r\n".utf8)
        } else if requestMinor == 0 {
            out.append(contentsOf: "Connection: keep-alive\r\n".utf8)
        }
        out.append(contentsOf: crlf)
        if !bodiless, !headOnly { out.append(contentsOf: response.body) }
    }

    /// `Host: host:port\r\n` for an endpoint (computed once per pool).
    static func hostField(for endpoint: HTTPEndpoint) -> [UInt8] {
        Array("Host: \(endpoint.host):\(endpoint.port)\r\n".utf8)
    }

    private static func appendFields(_ headers: HTTPHeaders, into out: inout [UInt8], skippingFraming: Bool) {
        for field in headers.fields {
            if skippingFraming, field.name.asciiCaseInsensitiveEquals("Content-Length")
                || field.name.asciiCaseInsensitiveEquals("Transfer-Encoding")
                || field.name.asciiCaseInsensitiveEquals("Connection")
            {
                continue
            }
            out.append(contentsOf: field.name.utf8)
            out.append(contentsOf: fieldSeparator)
            out.append(contentsOf: field.value.utf8)
            out.append(contentsOf: crlf)
        }
    }

    private static func methodOmitsEmptyLength(_ method: String) -> Bool {
        method == "GET" || method == "HEAD" || method == "DELETE" || method == "OPTIONS"
    }

    private static func appendContentLength(_ length: Int, into out: inout [UInt8]) {
        out.append(contentsOf: "Content-Length: ".utf8)
        appendDecimal(length, into: &out)
        out.append(contentsOf: crlf)
    }

    /// Appends the decimal digits of a non-negative `value` without building a String.
    static func appendDecimal(_ value: Int, into out: inout [UInt8]) {
        var divisor = 1
        while divisor <= value / 10 { divisor *= 10 }
        var rest = max(0, value)
        while divisor > 0 {
            out.append(UInt8(48 + rest / divisor))
            rest %= divisor
            divisor /= 10
        }
    }
}
