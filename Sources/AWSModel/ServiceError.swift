import BenchCore

/// A modeled AWS error, as the service (or the emulator, or the fault injector) answers it.
///
/// It carries what a wire codec needs to encode it exactly as the real service does (`wire.md` §2):
/// the error code (the shape name, e.g. `ConflictException`), the HTTP status, the message, and the
/// modeled members besides the message (for example `resourceId`, `DuplicateOperationId`).
public struct ServiceError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The error code: the error shape's name, e.g. `ThrottlingException`, `InvalidInput`.
    public var code: String
    /// The HTTP status the service answers with (restJson1: per the model; awsJson1_1: 400 for client errors).
    public var httpStatus: Int
    /// The human-readable message.
    public var message: String
    /// Modeled members other than the message, keyed by their wire member name.
    public var fields: [String: JSONValue]
    /// The `Retry-After` header value in whole seconds, where the shape binds one (VPC Lattice throttling).
    public var retryAfterSeconds: Int?
    /// Which bytes the response body carries: the modeled JSON error (the default), nothing, or an HTML page.
    ///
    /// A load balancer in front of a service answers 502/503 with an empty or HTML body; botocore then
    /// reports the HTTP status as the code (`wire.md` §2.3 step 1). The fault layer sets this so that the
    /// wire codec emits exactly those bytes.
    public var body: WireBody = .modeled

    /// The bytes of an error response body.
    public enum WireBody: String, Sendable, Hashable, Codable {
        /// The modeled error as JSON (`__type` or `x-amzn-ErrorType`, message and members).
        case modeled
        /// No body at all (`Content-Length: 0`).
        case empty
        /// An HTML error page, as a proxy or load balancer sends (`<html>...`).
        case html
    }

    public init(
        code: String, httpStatus: Int, message: String,
        fields: [String: JSONValue] = [:], retryAfterSeconds: Int? = nil, body: WireBody = .modeled
    ) {
        self.code = code
        self.httpStatus = httpStatus
        self.message = message
        self.fields = fields
        self.retryAfterSeconds = retryAfterSeconds
        self.body = body
    }

    public var description: String { "\(code) (\(httpStatus)): \(message)" }
}
