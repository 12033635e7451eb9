import BenchCore

/// The constants and steps that ``SigV4Signer`` and ``SigV4Verifier`` share (`wire.md` §4.1, botocore's
/// `SigV4Auth`).
public enum SigV4 {
    /// The algorithm name that starts the string to sign and the `Authorization` header.
    public static let algorithm = "AWS4-HMAC-SHA256"
    /// The last component of every credential scope.
    public static let scopeTerminator = "aws4_request"
    /// The hex SHA-256 of an empty body.
    public static let emptyPayloadHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    /// Headers botocore never signs (`SIGNED_HEADERS_BLACKLIST`): hop-by-hop headers, `user-agent` (V5) and
    /// `x-amzn-trace-id`, which proxies may rewrite.
    public static let unsignedHeaderNames: Set<String> = [
        "connection", "expect", "keep-alive", "proxy-authenticate", "proxy-authorization", "te", "trailer",
        "transfer-encoding", "upgrade", "user-agent", "x-amzn-trace-id",
    ]

    /// `AWS4-HMAC-SHA256 \n timestamp \n scope \n hex(sha256(canonical request))`.
    public static func stringToSign(
        timestamp: SigV4Timestamp, credentialScope: String, canonicalRequest: CanonicalRequest
    ) -> String {
        [algorithm, timestamp.text, credentialScope, SHA256.hexHash(canonicalRequest.text.utf8)]
            .joined(separator: "\n")
    }

    /// The signing key: `HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request")`.
    /// - Complexity: four HMACs; the signer and the verifier cache the result per scope.
    public static func signingKey(secret: String, dateStamp: String, region: String, service: String) -> [UInt8] {
        var key = Array("AWS4\(secret)".utf8)
        for part in [dateStamp, region, service, scopeTerminator] {
            key = HMACSHA256.authenticationCode(key: key, message: part.utf8)
        }
        return key
    }

    /// The hex HMAC of the string to sign under the signing key.
    public static func signature(signingKey: [UInt8], stringToSign: String) -> String {
        Hex.encode(HMACSHA256.authenticationCode(key: signingKey, message: stringToSign.utf8))
    }

    /// Compares two signatures in time that depends only on their lengths, so a verifier leaks nothing
    /// about how many leading digits of a forged signature were right.
    static func constantTimeEqual(_ lhs: String, _ rhs: String) -> Bool {
        guard lhs.utf8.count == rhs.utf8.count else { return false }
        var difference: UInt8 = 0
        for (left, right) in zip(lhs.utf8, rhs.utf8) { difference |= left ^ right }
        return difference == 0
    }
}
