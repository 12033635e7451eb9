import BenchCore

/// Checks the SigV4 signature of an incoming request by re-deriving it from the request as received, the
/// way the emulator's `--verify-signatures` needs it and the way moto should but does not (`wire.md` §6, item 5):
/// the raw, still percent-encoded path encoded once more, the raw query, the exact body bytes, and only
/// the headers named in `SignedHeaders`, with the region and service taken from the credential scope.
public struct SigV4Verifier: Sendable {
    private let secretForAccessKey: @Sendable (String) -> String?
    private let keyCache = SigningKeyCache()

    /// A verifier that asks `secretForAccessKey` for the secret of each access key id it meets;
    /// `nil` means the key is unknown.
    public init(secretForAccessKey: @escaping @Sendable (String) -> String?) {
        self.secretForAccessKey = secretForAccessKey
    }

    /// A verifier that knows exactly these credentials (a later duplicate key id wins).
    public init(credentials: [AWSCredentials]) {
        let secrets = Dictionary(credentials.map { ($0.accessKeyId, $0.secretAccessKey) }) { _, last in last }
        self.init { secrets[$0] }
    }

    /// Verifies one request.
    ///
    /// - Parameters:
    ///   - method: The HTTP method received.
    ///   - path: The raw path from the request line, still percent-encoded.
    ///   - query: The raw query from the request line, without `?`.
    ///   - headers: Every header received, including `Host`, `X-Amz-Date` and `Authorization`.
    ///   - body: The exact body bytes received.
    /// - Returns: `.missing` without an `Authorization` header; `.malformed` when it (or `X-Amz-Date`) cannot be
    ///   used; `.unknownAccessKey` for a key the lookup does not know; `.mismatch` when a signed header is
    ///   absent, an `X-Amz-Content-SHA256` hash does not match the body, or the signature differs; else `.valid`.
    /// - Complexity: O(request size).
    public func verify(
        method: String, path: String, query: String, headers: [(String, String)], body: some Sequence<UInt8>
    ) -> SignatureCheck {
        guard let header = Self.firstValue(of: "authorization", in: headers) else { return .missing }
        let authorization: SigV4Authorization
        do {
            authorization = try SigV4Authorization(parsing: header)
        } catch {
            return .malformed(error.reason)
        }
        guard let secret = secretForAccessKey(authorization.accessKeyId) else {
            return .unknownAccessKey(authorization.accessKeyId)
        }
        let signedNames = Set(authorization.signedHeaderNames.map { $0.lowercased() })
        guard signedNames.contains("host") else { return .malformed("SignedHeaders must include host") }
        guard let dateHeader = Self.firstValue(of: "x-amz-date", in: headers) else {
            return .malformed("X-Amz-Date header is missing")
        }
        guard let timestamp = SigV4Timestamp(parsing: dateHeader) else {
            return .malformed("X-Amz-Date must have the form yyyyMMdd'T'HHmmss'Z'")
        }
        guard timestamp.dateStamp == authorization.dateStamp else {
            return .malformed("Credential date \(authorization.dateStamp) does not match X-Amz-Date \(timestamp.text)")
        }

        let signed = headers.filter { signedNames.contains($0.0.lowercased()) }
        let present = Set(signed.map { $0.0.lowercased() })
        guard present.count == signedNames.count else { return .mismatch }

        let bodyHash = SHA256.hexHash(body)
        var payloadHash = bodyHash
        if let declared = Self.firstValue(of: "x-amz-content-sha256", in: signed) {
            // A declared hash is signed in place of the body's, so it must also describe the body.
            let isHash = declared.utf8.count == 64
            if isHash && declared != bodyHash { return .mismatch }
            payloadHash = declared
        }

        let canonical = CanonicalRequest(
            method: method, path: path, query: query, headers: signed, payloadHash: payloadHash)
        let stringToSign = SigV4.stringToSign(
            timestamp: timestamp, credentialScope: authorization.credentialScope, canonicalRequest: canonical)
        let key = keyCache.key(
            accessKeyId: authorization.accessKeyId, secret: secret, dateStamp: authorization.dateStamp,
            region: authorization.region, service: authorization.service)
        let expected = SigV4.signature(signingKey: key, stringToSign: stringToSign)
        return SigV4.constantTimeEqual(expected, authorization.signature) ? .valid : .mismatch
    }

    private static func firstValue(of lowercasedName: String, in headers: [(String, String)]) -> String? {
        headers.first { $0.0.lowercased() == lowercasedName }?.1
    }
}
