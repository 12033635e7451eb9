/// The header names the codec reads and writes.
enum WireHeaderName {
    static let contentType = "Content-Type"
    static let target = "X-Amz-Target"
    static let requestId = "x-amzn-RequestId"
    static let errorType = "x-amzn-ErrorType"
    /// Seconds, bound to `retryAfterSeconds` of VPC Lattice's throttling and internal-server errors.
    static let retryAfter = "Retry-After"
    /// Milliseconds, a hint some AWS services send; botocore does not read it.
    static let retryAfterMilliseconds = "x-amz-retry-after"
}
