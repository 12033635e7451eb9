/// What the caller knows about one attempt, passed along with a request so that the emulator's ledger can
/// say which call and which attempt caused each state change.
public struct RequestContext: Sendable, Hashable {
    /// The request id the answer carries (`x-amzn-RequestId`).
    public var requestId: String
    /// The logical call this attempt belongs to (botocore's `amz-sdk-invocation-id`), if known.
    public var invocationId: String?
    /// The 1-based attempt number (botocore's `amz-sdk-request: attempt=N`).
    public var attempt: Int

    public init(requestId: String = "", invocationId: String? = nil, attempt: Int = 1) {
        self.requestId = requestId
        self.invocationId = invocationId
        self.attempt = attempt
    }
}
