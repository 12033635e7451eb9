import BenchCore
import Foundation

/// Signs requests with AWS Signature Version 4 exactly as botocore's `SigV4Auth` does for VPC Lattice,
/// Cloud Map and CodeDeploy (`wire.md` §4.1, checked against the vectors in `sigv4_vectors.json`).
///
/// ```swift
/// let signer = SigV4Signer(credentials: credentials, region: "us-east-1", service: "vpc-lattice")
/// let added = signer.sign(method: "POST", path: "/targetgroups", query: "",
///                         headers: [("Host", host), ("Content-Type", "application/json")], body: body, date: now)
/// ```
///
/// Like botocore's client it adds `X-Amz-Date`, `X-Amz-Security-Token` (temporary credentials only) and
/// `Authorization`, and **not** `X-Amz-Content-SHA256`: plain `SigV4Auth` leaves that to S3. A caller-supplied
/// `X-Amz-Content-SHA256` is honoured as the payload hash, as botocore does.
///
/// A signer is cheap to copy and safe to share between tasks; copies share one cache of derived signing keys.
public struct SigV4Signer: Sendable {
    /// The credentials that sign.
    public let credentials: AWSCredentials
    /// The region in the credential scope, e.g. `us-east-1`.
    public let region: String
    /// The signing name in the credential scope, e.g. `vpc-lattice`, `servicediscovery`, `codedeploy`.
    public let service: String

    private let keyCache = SigningKeyCache()

    public init(credentials: AWSCredentials, region: String, service: String) {
        self.credentials = credentials
        self.region = region
        self.service = service
    }

    /// The headers to add to the request so that it is signed.
    ///
    /// - Parameters:
    ///   - method: The HTTP method.
    ///   - path: The path exactly as it will be sent, already percent-encoded (an ARN identifier as
    ///     `arn%3Aaws%3A…`); SigV4 encodes it once more.
    ///   - query: The query exactly as it will be sent, without `?`; empty when there is none.
    ///   - headers: Every header that will be sent, including `Host` (with `:port` unless the port is the
    ///     scheme's default, as botocore derives it). Blacklisted headers such as `User-Agent` are not signed.
    ///     An `Authorization`, `X-Amz-Date` or (with a session token) `X-Amz-Security-Token` header left from
    ///     an earlier attempt is ignored: the result replaces it.
    ///   - body: The exact body bytes.
    ///   - date: The signing time; inject it from the run's clock for reproducible signatures.
    /// - Returns: `X-Amz-Date`, `X-Amz-Security-Token` when the credentials have a token, and `Authorization`.
    /// - Complexity: O(request size); one SHA-256 pass over the body and a few over small strings.
    public func sign(
        method: String, path: String, query: String, headers: [(String, String)], body: some Sequence<UInt8>,
        date: Date
    ) -> [(String, String)] {
        signature(method: method, path: path, query: query, headers: headers, body: body, date: date).headersToAdd
    }

    /// Signs like ``sign(method:path:query:headers:body:date:)`` and returns every intermediate step.
    public func signature(
        method: String, path: String, query: String, headers: [(String, String)], body: some Sequence<UInt8>,
        date: Date
    ) -> SigV4Signature {
        let timestamp = SigV4Timestamp(date)
        let token = credentials.sessionToken
        var signed: [(String, String)] = []
        signed.reserveCapacity(headers.count + 2)
        var contentHash: String?
        for (name, value) in headers {
            let lowered = name.lowercased()
            if lowered == "x-amz-content-sha256" && contentHash == nil { contentHash = value }
            let replaced = lowered == "authorization" || lowered == "x-amz-date"
                || (lowered == "x-amz-security-token" && token != nil)
            if !replaced && !SigV4.unsignedHeaderNames.contains(lowered) { signed.append((lowered, value)) }
        }
        signed.append(("x-amz-date", timestamp.text))
        if let token { signed.append(("x-amz-security-token", token)) }

        let canonical = CanonicalRequest(
            method: method, path: path, query: query, headers: signed,
            payloadHash: contentHash ?? SHA256.hexHash(body))
        let dateStamp = timestamp.dateStamp
        let scope = "\(dateStamp)/\(region)/\(service)/\(SigV4.scopeTerminator)"
        let stringToSign = SigV4.stringToSign(timestamp: timestamp, credentialScope: scope, canonicalRequest: canonical)
        let key = keyCache.key(
            accessKeyId: credentials.accessKeyId, secret: credentials.secretAccessKey, dateStamp: dateStamp,
            region: region, service: service)
        let authorization = SigV4Authorization(
            accessKeyId: credentials.accessKeyId, dateStamp: dateStamp, region: region, service: service,
            signedHeaders: canonical.signedHeaders,
            signature: SigV4.signature(signingKey: key, stringToSign: stringToSign))

        var added = [("X-Amz-Date", timestamp.text)]
        if let token { added.append(("X-Amz-Security-Token", token)) }
        added.append(("Authorization", authorization.headerValue))
        return SigV4Signature(
            timestamp: timestamp, canonicalRequest: canonical, stringToSign: stringToSign,
            authorization: authorization, headersToAdd: added)
    }

    /// The `Host` header value botocore derives from a URL: the lower-case host name, plus `:port` only when
    /// the port is not the scheme's default (80 for http, 443 for https). Vector V5: `localhost:4566`.
    public static func hostHeader(scheme: String, host: String, port: Int?) -> String {
        let defaultPort = scheme.lowercased() == "https" ? 443 : scheme.lowercased() == "http" ? 80 : nil
        guard let port, port != defaultPort else { return host.lowercased() }
        return "\(host.lowercased()):\(port)"
    }
}
