import AWSModel
import BenchCore

/// How one service writes its errors: the protocol, the `__type` namespace and the message member's name.
struct ErrorWireFormat {
    var wireProtocol: WireProtocol
    var namespace: String
    var messageKey: String

    init(service: AWSService) {
        self.wireProtocol = service.wireProtocol
        self.namespace = service.errorNamespace
        self.messageKey = service.errorMessageKey
    }

    private init(wireProtocol: WireProtocol, namespace: String, messageKey: String) {
        self.wireProtocol = wireProtocol
        self.namespace = namespace
        self.messageKey = messageKey
    }

    /// For an awsJson1_1 request whose `X-Amz-Target` prefix names no known service.
    static let unknownAWSJSONService = ErrorWireFormat(
        wireProtocol: .awsJson1_1, namespace: "com.amazon.coral.service", messageKey: "message")
}

extension AWSWireCodec {
    /// Field keys that travel as headers, not in the body (see ``ErrorResponseParser``).
    private static let headerBoundFields: Set<String> = [
        WireHeaderName.retryAfter, WireHeaderName.retryAfterMilliseconds,
    ]
    private static let reservedBodyMembers: Set<String> = ["__type", "code", "Code", "message", "Message"]

    /// The HTTP answer for `error`: the one place that decides the bytes of every error the server sends.
    ///
    /// - restJson1: the error's status; `x-amzn-ErrorType: <Code>`; body `{"message": ..., <fields>}`.
    /// - awsJson1_1: the error's status (400 for client errors); body
    ///   `{"__type": "<namespace>#<Code>", "message"|"Message": ..., <fields>}` (Cloud Map says `Message`).
    /// - Both: `x-amzn-RequestId`; `Retry-After` from ``ServiceError/retryAfterSeconds`` (or verbatim from
    ///   `fields["Retry-After"]`, which lets a fault write a value botocore cannot parse); `x-amz-retry-after`
    ///   from `fields["x-amz-retry-after"]`. Fields are written in sorted key order after the message.
    static func errorResponse(_ error: ServiceError, format: ErrorWireFormat, requestId: String) -> WireResponse {
        switch error.body {
        case .modeled: break
        case .empty:
            // A bare gateway answer (e.g. 503 from a load balancer): no body, no error type; botocore reports the status.
            return WireResponse(status: error.httpStatus, headers: [WireHeaderName.requestId: requestId], body: [])
        case .html:
            let page = "<html><head><title>\(error.httpStatus) \(HTTPReasonPhrase.phrase(for: error.httpStatus))</title></head>"
                + "<body><h1>\(error.httpStatus) \(HTTPReasonPhrase.phrase(for: error.httpStatus))</h1></body></html>"
            return WireResponse(
                status: error.httpStatus, headers: ["Content-Type": "text/html", WireHeaderName.requestId: requestId],
                body: Array(page.utf8))
        }
        var headers = WireHeaders()
        headers.add(WireHeaderName.contentType, format.wireProtocol.contentType)
        headers.add(WireHeaderName.requestId, requestId)
        if format.wireProtocol == .restJson1 { headers.add(WireHeaderName.errorType, error.code) }
        if let seconds = error.retryAfterSeconds {
            headers.add(WireHeaderName.retryAfter, String(seconds))
        } else if let raw = error.fields[WireHeaderName.retryAfter] {
            headers.add(WireHeaderName.retryAfter, headerText(raw))
        }
        if let hint = error.fields[WireHeaderName.retryAfterMilliseconds] {
            headers.add(WireHeaderName.retryAfterMilliseconds, headerText(hint))
        }

        let output = JSONOutput(dateStyle: format.wireProtocol.dateStyle)
        let frame = output.open(object: true, depth: 0)
        if format.wireProtocol == .awsJson1_1 {
            output.beginEntry(frame: frame, key: "__type")
            output.writeString((WireErrorCode.coralNamespace(of: error.code) ?? format.namespace) + "#" + error.code)
        }
        output.beginEntry(frame: frame, key: format.messageKey)
        output.writeString(error.message)
        let fields = error.fields.filter {
            !headerBoundFields.contains($0.key) && !reservedBodyMembers.contains($0.key)
        }
        for key in fields.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            output.beginEntry(frame: frame, key: key)
            do {
                try output.writeValue(fields[key] ?? .null, depth: frame + 1)
            } catch {
                output.writeNull()  // a non-finite number: JSON cannot say it
            }
        }
        output.close(downTo: 0)
        return WireResponse(status: error.httpStatus, headers: headers, body: output.bytes)
    }

    /// A field value as header text: a whole number without a fraction, a string verbatim.
    private static func headerText(_ value: JSONValue) -> String {
        switch value {
        case .number(let number) where number.rounded() == number && abs(number) < 9e15: String(Int64(number))
        case .number(let number): number.description
        case .string(let text): text
        case .bool(let flag): String(flag)
        case .null, .array, .object: ""
        }
    }
}
