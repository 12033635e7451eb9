import AWSModel

/// What a client learns from one HTTP answer: the typed result plus the response metadata botocore exposes
/// (`ResponseMetadata.RequestId` and `HTTPStatusCode`).
public struct DecodedAnswer: Sendable, Hashable {
    /// The output, or the error as botocore parses it.
    public var result: Result<AWSResponse, ServiceError>
    /// The `x-amzn-RequestId` header, if the answer had one.
    public var requestId: String?
    /// The HTTP status of the answer.
    public var httpStatus: Int

    public init(result: Result<AWSResponse, ServiceError>, requestId: String?, httpStatus: Int) {
        self.result = result
        self.requestId = requestId
        self.httpStatus = httpStatus
    }
}
