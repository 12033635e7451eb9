import AWSModel
import BenchCore
import Foundation
import Testing

@Suite("SigV4 botocore vectors")
struct SigV4VectorTests {
    @Test("canonical request, string to sign, signing key and Authorization match botocore", arguments: SigV4Vector.all)
    func vector(_ vector: SigV4Vector) {
        let signature = vector.signer.signature(
            method: vector.method, path: vector.path, query: vector.query, headers: vector.headersWithHost,
            body: vector.body.utf8, date: SigV4Vector.date)
        #expect(signature.canonicalRequest.text == vector.canonicalRequest)
        #expect(signature.stringToSign == vector.stringToSign)
        let key = SigV4.signingKey(
            secret: vector.credentials.secretAccessKey, dateStamp: "20250115", region: vector.region,
            service: vector.service)
        #expect(Hex.encode(key) == vector.signingKey)
        #expect(signature.authorization.headerValue == vector.authorization)

        let added = vector.signer.sign(
            method: vector.method, path: vector.path, query: vector.query, headers: vector.headersWithHost,
            body: Array(vector.body.utf8), date: SigV4Vector.date)
        #expect(added.map(\.0) == vector.headersAdded + ["Authorization"])
        #expect(added.first?.1 == "20250115T123456Z")
        #expect(added.last?.1 == vector.authorization)
        if let token = vector.token { #expect(added.contains { $0 == ("X-Amz-Security-Token", token) }) }
        #expect(!added.contains { $0.0.lowercased() == "x-amz-content-sha256" })
    }

    @Test("re-signing a retried request replaces its old Authorization, X-Amz-Date and token headers")
    func resigningIgnoresPreviousSignature() throws {
        let vector = try #require(SigV4Vector.all.first { $0.token != nil })
        let first = vector.signer.sign(
            method: vector.method, path: vector.path, query: vector.query, headers: vector.headersWithHost,
            body: vector.body.utf8, date: Date(timeIntervalSince1970: 1_000_000_000))
        let again = vector.signer.sign(
            method: vector.method, path: vector.path, query: vector.query, headers: vector.headersWithHost + first,
            body: vector.body.utf8, date: SigV4Vector.date)
        #expect(again.last?.1 == vector.authorization)
    }

    @Test("a caller's X-Amz-Content-SHA256 is signed as the payload hash, as botocore does")
    func declaredPayloadHash() {
        let signer = SigV4Signer(
            credentials: AWSCredentials(accessKeyId: "AK", secretAccessKey: "SK"), region: "us-east-1", service: "s")
        let signature = signer.signature(
            method: "PUT", path: "/", query: "", headers: [("Host", "h"), ("X-Amz-Content-SHA256", "UNSIGNED-PAYLOAD")],
            body: "ignored".utf8, date: SigV4Vector.date)
        #expect(signature.canonicalRequest.text.hasSuffix("\nhost;x-amz-content-sha256;x-amz-date\nUNSIGNED-PAYLOAD"))
    }

    @Test(
        "Host header as botocore derives it from the URL",
        arguments: [
            ("https", "vpc-lattice.us-east-1.amazonaws.com", nil, "vpc-lattice.us-east-1.amazonaws.com"),
            ("http", "localhost", 4566, "localhost:4566"),
            ("http", "127.0.0.1", 80, "127.0.0.1"),
            ("https", "Example.COM", 443, "example.com"),
            ("https", "example.com", 80, "example.com:80"),
        ] as [(String, String, Int?, String)])
    func hostHeader(scheme: String, host: String, port: Int?, expected: String) {
        #expect(SigV4Signer.hostHeader(scheme: scheme, host: host, port: port) == expected)
    }
}

@Suite("SigV4 canonical request pieces")
struct CanonicalRequestTests {
    /// Expected values from botocore: `quote(normalize_url_path(path), safe='/~')`.
    @Test(
        "canonical URI",
        arguments: [
            ("", "/"), ("/", "/"), ("//", "/"), ("/a//b/./c/../d/", "/a/b/d/"), ("/..", "/"), ("/../a", "/a"),
            ("a/b", "a/b"), ("/a/.", "/a"), ("/a/b/..", "/a"), ("/a/b/../", "/a/"), ("/%2F", "/%252F"),
            ("/a b", "/a%20b"), ("/ü", "/%C3%BC"), ("/~user/_x-y.z", "/~user/_x-y.z"),
            ("/a:b@c!$'()*+,;=", "/a%3Ab%40c%21%24%27%28%29%2A%2B%2C%3B%3D"),
        ])
    func canonicalURI(path: String, expected: String) {
        #expect(CanonicalRequest.canonicalURI(path) == expected)
    }

    @Test(
        "canonical query: pairs sorted by code point, never re-encoded",
        arguments: [
            ("", ""), ("b=2&a=1", "a=1&b=2"), ("a=2&a=1", "a=1&a=2"), ("flag&a=1", "a=1&flag="),
            ("a=1&&b", "=&a=1&b="), ("B=1&a=1&_=2", "B=1&_=2&a=1"), ("a=1=2&a=1", "a=1&a=1=2"),
            ("x=%2F&x=%20", "x=%20&x=%2F"), ("a-b=1&a_b=2&a.b=3&a~b=4", "a-b=1&a.b=3&a_b=2&a~b=4"),
        ])
    func canonicalQuery(query: String, expected: String) {
        #expect(CanonicalRequest.canonicalQuery(query) == expected)
    }

    @Test(
        "trimall is Python's ' '.join(value.split())",
        arguments: [
            ("  a   b  ", "a b"), ("\ta\r\nb", "a b"), ("", ""), ("a\u{A0}b", "a b"), ("\u{1F}x", "x"),
            ("x\u{3000}y", "x y"), ("a,b  c", "a,b c"),
        ])
    func trimAll(value: String, expected: String) {
        #expect(CanonicalRequest.trimAll(value) == expected)
    }

    @Test("repeated headers are joined with commas in wire order; names are lower-cased and sorted")
    func repeatedHeaders() {
        let request = CanonicalRequest(
            method: "get", path: "/", query: "", headers: [("X-B", "2"), ("x-a", " 1 "), ("x-b", "1"), ("Host", "h")],
            payloadHash: SigV4.emptyPayloadHash)
        #expect(request.text == "GET\n/\n\nhost:h\nx-a:1\nx-b:2,1\n\nhost;x-a;x-b\n\(SigV4.emptyPayloadHash)")
        #expect(request.signedHeaders == "host;x-a;x-b")
    }

    @Test(
        "timestamps are UTC, truncated to the second",
        arguments: [
            (0.0, "19700101T000000Z"), (1_736_944_496.999, "20250115T123456Z"), (-1.0, "19691231T235959Z"),
            (1_709_251_199.0, "20240229T235959Z"), (946_684_800.0, "20000101T000000Z"),
            (-1e300, "00010101T000000Z"), (1e300, "99991231T235959Z"),
        ])
    func timestamp(seconds: Double, expected: String) {
        #expect(SigV4Timestamp(Date(timeIntervalSince1970: seconds)).text == expected)
        #expect(SigV4Timestamp(parsing: expected)?.dateStamp == String(expected.prefix(8)))
    }

    @Test(
        "X-Amz-Date parsing rejects anything but yyyyMMdd'T'HHmmss'Z'",
        arguments: [
            "", "20250115T123456", "20250115T123456z", "2025-01-15T12:34:56Z", "20251315T123456Z", "20250100T123456Z",
            "20250115T243456Z", "20250115T126056Z", "2025011aT123456Z", "20250115T123456ZZ",
        ])
    func timestampRejects(text: String) {
        #expect(SigV4Timestamp(parsing: text) == nil)
    }
}

@Suite("SigV4 verification")
struct SigV4VerifierTests {
    static let verifier = SigV4Verifier(credentials: [SigV4Vector.all[0].credentials])

    /// A vector's request as the server receives it: its headers, `Host`, and what the signer added.
    struct Received {
        var method: String
        var path: String
        var query: String
        var headers: [(String, String)]
        var body: [UInt8]

        init(_ vector: SigV4Vector) {
            method = vector.method
            path = vector.path
            query = vector.query
            body = Array(vector.body.utf8)
            headers = vector.headersWithHost
            headers += vector.signer.sign(
                method: method, path: path, query: query, headers: headers, body: body, date: SigV4Vector.date)
        }

        func check(_ verifier: SigV4Verifier = SigV4VerifierTests.verifier) -> SignatureCheck {
            verifier.verify(method: method, path: path, query: query, headers: headers, body: body)
        }

        mutating func setHeader(_ name: String, _ value: String?) {
            headers.removeAll { $0.0.lowercased() == name.lowercased() }
            if let value { headers.append((name, value)) }
        }
    }

    @Test("every vector, signed then verified, is valid", arguments: SigV4Vector.all)
    func roundTrip(_ vector: SigV4Vector) {
        #expect(Received(vector).check() == .valid)
    }

    @Test("changing what was signed is a mismatch", arguments: SigV4Vector.all)
    func tampering(_ vector: SigV4Vector) {
        var body = Received(vector)
        body.body.append(UInt8(ascii: " "))
        #expect(body.check() == .mismatch)

        var path = Received(vector)
        path.path += "x"
        #expect(path.check() == .mismatch)

        var query = Received(vector)
        query.query = query.query.isEmpty ? "a=1" : query.query + "&a=1"
        #expect(query.check() == .mismatch)

        var host = Received(vector)
        host.setHeader("Host", "evil.example")
        #expect(host.check() == .mismatch)

        var method = Received(vector)
        method.method = vector.method == "GET" ? "DELETE" : "PUT"
        #expect(method.check() == .mismatch)
    }

    @Test("tampering with or removing a signed header is a mismatch; unsigned headers may change")
    func headers() throws {
        let vector = try #require(SigV4Vector.all.first { $0.name == "V5" })
        var changed = Received(vector)
        changed.setHeader("X-Chaos-Note", "other")
        #expect(changed.check() == .mismatch)

        var removed = Received(vector)
        removed.setHeader("X-Amz-Target", nil)
        #expect(removed.check() == .mismatch)

        var respaced = Received(vector)  // trimall makes whitespace changes harmless
        respaced.setHeader("X-Chaos-Note", "multiple \t spaces here")
        #expect(respaced.check() == .valid)

        var unsigned = Received(vector)
        unsigned.setHeader("User-Agent", "another-client/2.0")
        unsigned.headers.append(("amz-sdk-request", "attempt=2"))
        #expect(unsigned.check() == .valid)

        var declared = Received(vector)  // an unsigned X-Amz-Content-SHA256 is ignored
        declared.headers.append(("X-Amz-Content-SHA256", String(repeating: "0", count: 64)))
        #expect(declared.check() == .valid)
    }

    @Test("a signed X-Amz-Content-SHA256 must describe the body")
    func signedContentHash() {
        let credentials = SigV4Vector.all[0].credentials
        let signer = SigV4Signer(credentials: credentials, region: "us-east-1", service: "vpc-lattice")
        let body = Array("{}".utf8)
        for (declared, expected) in [(SHA256.hexHash(body), SignatureCheck.valid),
                                     (SHA256.hexHash("{ }".utf8), .mismatch), ("UNSIGNED-PAYLOAD", .valid)] {
            var headers = [("Host", "localhost:4566"), ("X-Amz-Content-SHA256", declared)]
            headers += signer.sign(
                method: "POST", path: "/", query: "", headers: headers, body: body, date: SigV4Vector.date)
            let check = Self.verifier.verify(method: "POST", path: "/", query: "", headers: headers, body: body)
            #expect(check == expected, "declared \(declared)")
        }
    }

    @Test("no Authorization header is missing; an unknown key or a wrong secret is reported as such")
    func missingAndUnknown() {
        var received = Received(SigV4Vector.all[0])
        let knowsOther = SigV4Verifier { $0 == "OTHER" ? "secret" : nil }
        #expect(received.check(knowsOther) == .unknownAccessKey("AKIDEXAMPLE"))
        let wrongSecret = SigV4Verifier { _ in "not-the-secret" }
        #expect(received.check(wrongSecret) == .mismatch)
        received.setHeader("Authorization", nil)
        #expect(received.check() == .missing)
    }

    @Test("X-Amz-Date problems are malformed")
    func dateProblems() {
        var missing = Received(SigV4Vector.all[0])
        missing.setHeader("X-Amz-Date", nil)
        #expect(missing.check() == .malformed("X-Amz-Date header is missing"))

        var garbled = Received(SigV4Vector.all[0])
        garbled.setHeader("X-Amz-Date", "2025-01-15T12:34:56Z")
        #expect(garbled.check() == .malformed("X-Amz-Date must have the form yyyyMMdd'T'HHmmss'Z'"))

        var otherDay = Received(SigV4Vector.all[0])
        otherDay.setHeader("X-Amz-Date", "20250116T000000Z")
        #expect(otherDay.check() == .malformed("Credential date 20250115 does not match X-Amz-Date 20250116T000000Z"))

        var otherSecond = Received(SigV4Vector.all[0])  // same day, different time: the string to sign differs
        otherSecond.setHeader("X-Amz-Date", "20250115T123457Z")
        #expect(otherSecond.check() == .mismatch)
    }

    static let signature = String(repeating: "ab", count: 32)
    static let scope = "AKIDEXAMPLE/20250115/us-east-1/vpc-lattice/aws4_request"

    @Test(
        "malformed Authorization headers name what is wrong",
        arguments: [
            ("AWS4-HMAC-SHA512 Credential=x", "unsupported algorithm 'AWS4-HMAC-SHA512', expected AWS4-HMAC-SHA256"),
            ("AWS4-HMAC-SHA256 SignedHeaders=host, Signature=\(signature)", "Credential is missing"),
            ("AWS4-HMAC-SHA256 Credential=\(scope), Signature=\(signature)", "SignedHeaders is missing or empty"),
            ("AWS4-HMAC-SHA256 Credential=\(scope), SignedHeaders=host", "Signature is missing"),
            ("AWS4-HMAC-SHA256 Credential=\(scope), SignedHeaders=host, Signature=\(signature.uppercased())",
             "Signature must be 64 lowercase hex digits"),
            ("AWS4-HMAC-SHA256 Credential=\(scope), SignedHeaders=host, Signature=\(signature.dropLast())",
             "Signature must be 64 lowercase hex digits"),
            ("AWS4-HMAC-SHA256 Credential=AK/20250115/us-east-1/vpc-lattice/aws5_request, SignedHeaders=host, "
                + "Signature=\(signature)", "Credential must be <key>/<yyyyMMdd>/<region>/<service>/aws4_request"),
            ("AWS4-HMAC-SHA256 Credential=AK/2025011/us-east-1/vpc-lattice/aws4_request, SignedHeaders=host, "
                + "Signature=\(signature)", "Credential date must be 8 digits (yyyyMMdd)"),
            ("AWS4-HMAC-SHA256 Credential=\(scope), SignedHeaders=host;;x-amz-date, Signature=\(signature)",
             "SignedHeaders has an empty header name"),
            ("AWS4-HMAC-SHA256 Credential=\(scope), Credential=\(scope)",
             "Authorization component Credential appears twice"),
            ("AWS4-HMAC-SHA256 Credential=\(scope), Extra=1", "unknown Authorization component 'Extra'"),
            ("AWS4-HMAC-SHA256 Credential", "Authorization component 'Credential' is not Name=value"),
            ("AWS4-HMAC-SHA256 Credential=\(scope), SignedHeaders=content-type, Signature=\(signature)",
             "SignedHeaders must include host"),
        ])
    func malformedAuthorization(header: String, reason: String) {
        var received = Received(SigV4Vector.all[0])
        received.setHeader("Authorization", header)
        #expect(received.check() == .malformed(reason))
    }

    @Test("Authorization parsing accepts botocore's format and the comma-only form, and round-trips")
    func parseAuthorization() throws {
        let header = SigV4Vector.all[4].authorization
        let parsed = try SigV4Authorization(parsing: header)
        #expect(parsed.headerValue == header)
        #expect(parsed.credentialScope == "20250115/eu-central-1/codedeploy/aws4_request")
        #expect(parsed.signedHeaderNames == ["content-type", "host", "x-amz-date", "x-amz-target", "x-chaos-note"])
        let compact = try SigV4Authorization(parsing: header.replacingOccurrences(of: ", ", with: ","))
        #expect(compact == parsed)
    }
}
