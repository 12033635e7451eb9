import AWSModel
import BenchCore
import Foundation
import Testing
import TestSupport

/// Signs seeded random requests with both our signer and botocore's own `SigV4Auth` (frozen clock, like
/// `research/scripts/sigv4_vectors.py`) and requires the same canonical request and `Authorization` header.
/// Skipped, visibly, when `python3 -c "import botocore"` fails.
@Suite(
    "SigV4 against live botocore",
    .enabled(if: BotocoreOracle.isAvailable, "python3 with botocore is not available"))
struct BotocoreSigV4Tests {
    @Test("seeded random requests sign identically")
    func randomRequests() throws {
        var random = SplitMix64(seed: 0x5167_0004)
        let requests = (0..<60).map { _ in OracleRequest.random(using: &random) }
        let answers = try BotocoreOracle.sign(requests)
        try #require(answers.count == requests.count)
        for (request, answer) in zip(requests, answers) {
            let signature = request.signer.signature(
                method: request.method, path: request.path, query: request.query,
                headers: request.headers + [("Host", request.hostHeader)], body: request.body, date: request.date)
            #expect(signature.canonicalRequest.text == answer.canonicalRequest, "\(request.url)")
            #expect(signature.authorization.headerValue == answer.authorization, "\(request.url)")
        }
    }
}

/// One request as both signers see it: botocore gets the URL (and derives `Host` from it), ours gets the
/// raw path, query and the `Host` value ``SigV4Signer/hostHeader(scheme:host:port:)`` derives.
struct OracleRequest {
    var scheme: String
    var host: String
    var port: Int?
    var method: String
    var path: String
    var query: String
    var headers: [(String, String)]
    var body: [UInt8]
    var credentials: AWSCredentials
    var region: String
    var service: String
    var date: Date

    var url: String {
        "\(scheme)://\(host)\(port.map { ":\($0)" } ?? "")\(path)\(query.isEmpty ? "" : "?" + query)"
    }

    var hostHeader: String { SigV4Signer.hostHeader(scheme: scheme, host: host, port: port) }

    var signer: SigV4Signer { SigV4Signer(credentials: credentials, region: region, service: service) }

    static func random(using random: inout SplitMix64) -> OracleRequest {
        func pick<T>(_ choices: [T]) -> T { choices[Int(random.next() % UInt64(choices.count))] }
        let endpoint = pick([
            ("https", "vpc-lattice.us-east-1.amazonaws.com", nil), ("http", "localhost", 4566),
            ("http", "127.0.0.1", 80), ("https", "Example.COM", 443), ("https", "example.com", 8443),
        ] as [(String, String, Int?)])
        let segments = ["targetgroups", "arn%3Aaws%3Avpc-lattice%3Aus-west-2%3A1%3Atargetgroup%2Ftg-1", ".", "..", "",
                        "a:b@c", "~x_y-z.w", "%20", "é", "x+y", "100%25", "a;b=c", "*"]
        let path = "/" + (0..<Int(random.next() % 5)).map { _ in pick(segments) }.joined(separator: "/")
            + pick(["", "/"])
        let keys = ["maxResults", "nextToken", "a", "A", "_", "b-c", "b.c", "x%2F", ""]
        let values = ["10", "a%2Fb%2Bc%3D%20d", "", "IP", "%7E", "z"]
        let query = (0..<Int(random.next() % 5)).map { _ in
            pick([pick(keys) + "=" + pick(values), pick(keys)])
        }.joined(separator: "&")
        var headers: [(String, String)] = []
        for _ in 0..<Int(random.next() % 6) {
            headers.append(pick([
                ("Content-Type", "application/x-amz-json-1.1"),
                ("X-Amz-Target", "CodeDeploy_20141006.BatchGetDeploymentTargets"),
                ("User-Agent", "bench/1.0"), ("X-Custom", "  spaced   out\tvalue "), ("x-custom", "second"),
                ("Connection", "keep-alive"), ("Expect", "100-continue"), ("X-Amzn-Trace-Id", "Root=1"),
                ("X-Amz-Content-SHA256", "UNSIGNED-PAYLOAD"), ("X-Empty", ""), ("X-Unicode", "caf\u{E9}\u{A0} x"),
            ]))
        }
        let bodyLength = pick([0, 0, 1, 63, 64, 65, 200])
        let body = (0..<bodyLength).map { _ in UInt8(truncatingIfNeeded: random.next()) }
        let token = pick([nil, "FwoGZXIvYXdzEXAMPLE//token=="] as [String?])
        return OracleRequest(
            scheme: endpoint.0, host: endpoint.1, port: endpoint.2,
            method: pick(["GET", "POST", "PUT", "DELETE", "post"]),
            path: path, query: query, headers: headers, body: body,
            credentials: AWSCredentials(
                accessKeyId: pick(["AKIDEXAMPLE", "ASIAEXAMPLE"]), secretAccessKey: pick(["secret", "wJal/K7+EXAMPLE"]),
                sessionToken: token),
            region: pick(["us-east-1", "eu-central-1"]),
            service: pick(["vpc-lattice", "servicediscovery", "codedeploy"]),
            date: Date(timeIntervalSince1970: Double(1_700_000_000 + random.next() % 100_000_000)))
    }

    var json: [String: Any] {
        [
            "method": method, "url": url, "headers": headers.map { [$0.0, $0.1] },
            "body": Data(body).base64EncodedString(), "access_key": credentials.accessKeyId,
            "secret_key": credentials.secretAccessKey, "token": credentials.sessionToken ?? NSNull(),
            "region": region, "service": service, "epoch": Int(date.timeIntervalSince1970),
        ]
    }
}

/// Runs botocore's `SigV4Auth` in a `python3` child process.
enum BotocoreOracle {
    struct Answer {
        var canonicalRequest: String
        var authorization: String
    }

    static let isAvailable = pythonCanImport("botocore.auth")

    static func sign(_ requests: [OracleRequest]) throws -> [Answer] {
        let input = try JSONSerialization.data(withJSONObject: requests.map(\.json))
        let output = try runPython(script: signScript, input: input)
        let list = try #require(try JSONSerialization.jsonObject(with: output) as? [[String: String]])
        return try list.map {
            Answer(
                canonicalRequest: try #require($0["canonical_request"]),
                authorization: try #require($0["authorization"]))
        }
    }

    private static let signScript = """
        import base64, datetime, json, sys
        import botocore.auth
        from botocore.auth import SigV4Auth
        from botocore.awsrequest import AWSRequest
        from botocore.credentials import Credentials
        out = []
        for r in json.load(sys.stdin):
            ts = datetime.datetime.fromtimestamp(r["epoch"], datetime.timezone.utc).replace(tzinfo=None)
            botocore.auth.get_current_datetime = lambda *a, ts=ts, **k: ts
            req = AWSRequest(method=r["method"], url=r["url"], data=base64.b64decode(r["body"]))
            for name, value in r["headers"]:
                req.headers[name] = value
            signer = SigV4Auth(Credentials(r["access_key"], r["secret_key"], r["token"]), r["service"], r["region"])
            signer.add_auth(req)
            auth = req.headers["Authorization"]
            del req.headers["Authorization"]
            out.append({"authorization": auth, "canonical_request": signer.canonical_request(req)})
        json.dump(out, sys.stdout)
        """
}
