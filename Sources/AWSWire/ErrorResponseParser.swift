import AWSModel
import BenchCore

/// botocore's error parsing (`wire.md` §2.3, `botocore/parsers.py` and `endpoint._add_modeled_error_fields`),
/// step for step, so that bench sees exactly the code, message and fields a botocore client would.
enum ErrorResponseParser {
    /// Body members that carry the code or the message rather than a modeled field.
    private static let reservedMembers: Set<String> = ["__type", "code", "Code", "message", "Message"]

    /// VPC Lattice error shapes whose `retryAfterSeconds` member is bound to the `Retry-After` header.
    private static let latticeRetryAfterCodes: Set<String> = ["ThrottlingException", "InternalServerException"]

    /// The error in `response` (status 301 or more).
    ///
    /// 1. Status ≥ 500 with an empty or `<html>` body (after trimming whitespace): code = the status,
    ///    message = its reason phrase.
    /// 2. The body is read as JSON (not JSON: the raw text becomes the message). Message = `message`, else
    ///    `Message`. awsJson1_1: code = `__type`, else the status; the `x-amzn-ErrorType` header is ignored.
    ///    restJson1: code = the `x-amzn-ErrorType` header, else body `code`/`Code`, else `__type`, else the
    ///    status. Codes keep what precedes the first `:` and follows the last `#`.
    /// 3. Fields: every other body member (botocore merges the modeled ones into the response). For VPC
    ///    Lattice `ThrottlingException`/`InternalServerException`, an integer `Retry-After` header becomes
    ///    ``ServiceError/retryAfterSeconds``; any other value is kept as the string `fields["Retry-After"]`,
    ///    because botocore's `int()` raises a raw `ValueError` on it (no `ClientError`, no retry).
    ///    An `x-amz-retry-after` header (milliseconds) goes to `fields["x-amz-retry-after"]`, as a number when
    ///    it is one.
    static func parse(_ response: WireResponse, service: AWSService) -> ServiceError {
        let status = response.status
        if status >= 500, isGeneric(response.body) {
            return ServiceError(code: String(status), httpStatus: status, message: response.reasonPhrase)
        }
        let body = bodyObject(response.body)
        let message = (body["message"] ?? body["Message"])?.stringValue ?? ""
        var code = body["__type"]?.stringValue ?? String(status)
        if service.wireProtocol == .restJson1 {
            if let header = response.headers[WireHeaderName.errorType] {
                code = header
            } else if let bodyCode = (body["code"] ?? body["Code"])?.stringValue {
                code = bodyCode
            }
        }
        code = sanitize(code)
        var error = ServiceError(
            code: code, httpStatus: status, message: message,
            fields: body.filter { !reservedMembers.contains($0.key) })
        if service == .vpcLattice, latticeRetryAfterCodes.contains(code),
            let retryAfter = response.headers[WireHeaderName.retryAfter]
        {
            if let seconds = pythonInt(retryAfter) {
                error.retryAfterSeconds = seconds
            } else {
                error.fields[WireHeaderName.retryAfter] = .string(retryAfter)
            }
        }
        if let hint = response.headers[WireHeaderName.retryAfterMilliseconds] {
            error.fields[WireHeaderName.retryAfterMilliseconds] = pythonInt(hint).map { .number(Double($0)) }
                ?? .string(hint)
        }
        return error
    }

    /// botocore's `_is_generic_error_response` test on the body (the status test is the caller's).
    private static func isGeneric(_ body: [UInt8]) -> Bool {
        let trimmed = body.drop(while: isWhitespace).reversed().drop(while: isWhitespace).reversed()
        return trimmed.isEmpty || trimmed.starts(with: "<html>".utf8)
    }

    /// The body as botocore's `_parse_body_as_json` sees it: `{}` when empty or not an object, and
    /// `{"message": <text>}` when it is not JSON.
    private static func bodyObject(_ body: [UInt8]) -> [String: JSONValue] {
        if let object = WireJSONReader.object(from: body) { return object }
        if (try? WireJSONReader.decode(JSONValue.self, from: body)) != nil { return [:] }
        return ["message": .string(String(decoding: body, as: UTF8.self))]
    }

    /// `code.split(':', 1)[0].rsplit('#', 1)[-1]`.
    static func sanitize(_ code: String) -> String {
        let beforeColon = code.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        return String(beforeColon.split(separator: "#", omittingEmptySubsequences: false).last ?? "")
    }

    /// Python's `int(text)` for ASCII input: surrounding whitespace, an optional sign, digits with single
    /// underscores between them. `nil` where Python raises `ValueError` (or the value overflows `Int`).
    static func pythonInt(_ text: String) -> Int? {
        var digits = Substring(text).drop(while: { $0.isWhitespace })
        while let last = digits.last, last.isWhitespace { digits = digits.dropLast() }
        var sign = ""
        if let first = digits.first, first == "+" || first == "-" {
            sign = first == "-" ? "-" : ""
            digits = digits.dropFirst()
        }
        guard let first = digits.first, first.isASCII, first.isNumber, let last = digits.last, last != "_",
            !digits.contains("__")
        else { return nil }
        return Int(sign + digits.filter { $0 != "_" })
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte)
    }
}
