/// The parts of a SigV4 `Authorization` header:
/// `AWS4-HMAC-SHA256 Credential=<key>/<date>/<region>/<service>/aws4_request, SignedHeaders=<a;b>, Signature=<hex>`.
///
/// The signer formats it exactly as botocore does (comma and space between the parts); the verifier parses it,
/// and a server can read the credential scope to learn which service the caller meant (moto routes this way).
public struct SigV4Authorization: Sendable, Hashable {
    /// The access key id that signed.
    public var accessKeyId: String
    /// The credential-scope date, `yyyyMMdd`.
    public var dateStamp: String
    /// The credential-scope region.
    public var region: String
    /// The credential-scope service (signing name), e.g. `vpc-lattice`.
    public var service: String
    /// The `SignedHeaders` value: lower-case header names joined with `;`.
    public var signedHeaders: String
    /// The signature, 64 lowercase hex digits.
    public var signature: String

    public init(
        accessKeyId: String, dateStamp: String, region: String, service: String, signedHeaders: String,
        signature: String
    ) {
        self.accessKeyId = accessKeyId
        self.dateStamp = dateStamp
        self.region = region
        self.service = service
        self.signedHeaders = signedHeaders
        self.signature = signature
    }

    /// `date/region/service/aws4_request`, the scope that goes into the string to sign.
    public var credentialScope: String { "\(dateStamp)/\(region)/\(service)/\(SigV4.scopeTerminator)" }

    /// The names in ``signedHeaders``.
    public var signedHeaderNames: [String] { signedHeaders.split(separator: ";").map(String.init) }

    /// The header value, formatted as botocore formats it.
    public var headerValue: String {
        "\(SigV4.algorithm) Credential=\(accessKeyId)/\(credentialScope), SignedHeaders=\(signedHeaders), "
            + "Signature=\(signature)"
    }

    /// Parses an `Authorization` header value. The three parts may be separated by `,` with or without
    /// spaces, in any order, each exactly once.
    /// - Throws: ``SigV4FormatError`` naming the part that is missing or malformed.
    public init(parsing header: String) throws(SigV4FormatError) {
        let prefix = SigV4.algorithm + " "
        guard header.hasPrefix(prefix) else {
            let algorithm = header.prefix { $0 != " " }
            throw SigV4FormatError("unsupported algorithm '\(algorithm.prefix(40))', expected \(SigV4.algorithm)")
        }
        var parts: [Substring: Substring] = [:]
        for component in header.dropFirst(prefix.count).split(separator: ",") {
            var text = component
            while text.first == " " { text.removeFirst() }
            while text.last == " " { text.removeLast() }
            guard let equals = text.firstIndex(of: "="), text.startIndex != equals else {
                throw SigV4FormatError("Authorization component '\(text.prefix(40))' is not Name=value")
            }
            let name = text[..<equals]
            guard ["Credential", "SignedHeaders", "Signature"].contains(name) else {
                throw SigV4FormatError("unknown Authorization component '\(name.prefix(40))'")
            }
            guard parts.updateValue(text[text.index(after: equals)...], forKey: name) == nil else {
                throw SigV4FormatError("Authorization component \(name) appears twice")
            }
        }
        guard let credential = parts["Credential"] else { throw SigV4FormatError("Credential is missing") }
        guard let signedHeaders = parts["SignedHeaders"], !signedHeaders.isEmpty else {
            throw SigV4FormatError("SignedHeaders is missing or empty")
        }
        guard let signature = parts["Signature"] else { throw SigV4FormatError("Signature is missing") }

        let scope = credential.split(separator: "/", omittingEmptySubsequences: false)
        guard scope.count >= 5, scope.last == Substring(SigV4.scopeTerminator) else {
            throw SigV4FormatError("Credential must be <key>/<yyyyMMdd>/<region>/<service>/aws4_request")
        }
        let keyId = scope.dropLast(4).joined(separator: "/")
        let (date, region, service) = (scope[scope.count - 4], scope[scope.count - 3], scope[scope.count - 2])
        guard !keyId.isEmpty else { throw SigV4FormatError("Credential has an empty access key id") }
        guard date.utf8.count == 8, date.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) })
        else { throw SigV4FormatError("Credential date must be 8 digits (yyyyMMdd)") }
        guard !region.isEmpty, !service.isEmpty else {
            throw SigV4FormatError("Credential region and service must not be empty")
        }
        guard signedHeaders.split(separator: ";", omittingEmptySubsequences: false).allSatisfy({ !$0.isEmpty })
        else { throw SigV4FormatError("SignedHeaders has an empty header name") }
        guard signature.utf8.count == 64, signature.utf8.allSatisfy(Self.isLowercaseHexDigit) else {
            throw SigV4FormatError("Signature must be 64 lowercase hex digits")
        }
        self.init(
            accessKeyId: keyId, dateStamp: String(date), region: String(region), service: String(service),
            signedHeaders: String(signedHeaders), signature: String(signature))
    }

    private static func isLowercaseHexDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
    }
}

/// Why an `Authorization` header is not a well-formed SigV4 header; ``reason`` names the part and the rule.
public struct SigV4FormatError: Error, Sendable, Hashable, CustomStringConvertible {
    public var reason: String

    public init(_ reason: String) { self.reason = reason }

    public var description: String { reason }
}
