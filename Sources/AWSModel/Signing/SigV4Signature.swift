/// One SigV4 signature with every intermediate step, for tests, debugging output and `--verify-signatures`.
///
/// With temporary credentials the canonical request and ``headersToAdd`` contain the session token, which is a
/// credential: do not write them to reports or logs verbatim.
public struct SigV4Signature: Sendable {
    /// The `X-Amz-Date` value and the first line of the scope.
    public let timestamp: SigV4Timestamp
    /// The canonical request that was hashed.
    public let canonicalRequest: CanonicalRequest
    /// The string to sign.
    public let stringToSign: String
    /// The `Authorization` header, parsed.
    public let authorization: SigV4Authorization
    /// The headers to add to (or replace in) the request: `X-Amz-Date`, then `X-Amz-Security-Token` when
    /// the credentials have a token, then `Authorization`.
    public let headersToAdd: [(String, String)]

    /// The hex signature.
    public var signature: String { authorization.signature }
}
