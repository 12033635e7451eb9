import AWSModel
import BenchCore
import Foundation
import Testing
import TestSupport

@testable import AWSWire

/// botocore itself as the oracle: it serializes the same requests (compared byte for byte with ours) and its
/// own client parses our encoded error responses, fed through a `before-send` hook (no network).
/// Skipped, visibly, when `python3 -c "import botocore"` fails.
@Suite("Wire against live botocore", .enabled(if: BotocoreWire.isAvailable, "python3 with botocore is not available"))
struct BotocoreWireTests {
    @Test("botocore serializes every fixture request to our bytes")
    func requestsMatch() throws {
        let requests = WireFixtures.exchanges.map(\.request)
        let input: [[String: Any]] = try requests.map { request in
            ["service": request.service.rawValue, "operation": request.operationName, "params": try params(request)]
        }
        let sent = try BotocoreWire.run(["requests": input, "errors": []])["requests"] as? [[String: Any]] ?? []
        try #require(sent.count == requests.count)
        for (request, botocore) in zip(requests, sent) {
            let ours = try AWSWireCodec.encode(request)
            let url = try #require(URLComponents(string: botocore["url"] as? String ?? ""))
            #expect(botocore["method"] as? String == ours.method, "\(request.operationName)")
            #expect(url.percentEncodedPath == ours.path, "\(request.operationName)")
            #expect((url.percentEncodedQuery ?? "") == ours.query, "\(request.operationName)")
            let headers = botocore["headers"] as? [String: String] ?? [:]
            #expect(headers["Content-Type"] == ours.headers["Content-Type"], "\(request.operationName)")
            #expect(headers["X-Amz-Target"] == ours.headers["X-Amz-Target"], "\(request.operationName)")
            #expect(
                botocore["body"] as? String == String(decoding: ours.body, as: UTF8.self), "\(request.operationName)")
        }
    }

    struct ErrorCase {
        var error: ServiceError
        var request: AWSRequest
        /// The exception botocore raises instead of `ClientError`, if any.
        var exception: String?
    }

    @Test("botocore's client parses our error responses to the code, message and modeled fields")
    func errorsParse() throws {
        let lattice = WireFixtures.exchanges[0].request
        let cloudMap = WireFixtures.exchanges[6].request
        let codeDeploy = WireFixtures.exchanges[16].request
        var notAnInteger = ServiceError.latticeThrottling("slow")
        notAnInteger.fields["Retry-After"] = "1.5"
        let cases = [
            ErrorCase(
                error: .latticeThrottling(retryAfterSeconds: 3, serviceCode: "vpc-lattice", quotaCode: "L-1"),
                request: lattice),
            ErrorCase(error: notAnInteger, request: lattice, exception: "ValueError"),
            ErrorCase(
                error: .latticeConflict("reused", resourceId: "tg-1", resourceType: "TARGET_GROUP"), request: lattice),
            ErrorCase(
                error: .latticeValidation("bad", fields: [("name", "Invalid name"), ("type", "Invalid")]),
                request: lattice),
            ErrorCase(error: .latticeInternal(retryAfterSeconds: 2), request: lattice),
            ErrorCase(error: .duplicateRequest(duplicateOperationId: "op-abc"), request: cloudMap),
            ErrorCase(error: .invalidInput("Attributes too long"), request: cloudMap),
            ErrorCase(error: .requestLimitExceeded(), request: cloudMap),
            ErrorCase(error: .unknownOperation("no such operation"), request: cloudMap),
            ErrorCase(error: .codeDeploy(.deploymentTargetListSizeExceeded, "at most 25"), request: codeDeploy),
        ]
        let input: [[String: Any]] = try cases.map { item in
            let wire = AWSWireCodec.encodeResponse(
                .failure(item.error), for: item.request, service: item.request.service,
                requestId: "rid-\(item.error.code)")
            return [
                "service": item.request.service.rawValue, "operation": item.request.operationName,
                "params": try params(item.request), "status": wire.status,
                "headers": wire.headers.fields.map { [$0.name, $0.value] },
                "body": String(decoding: wire.body, as: UTF8.self),
            ]
        }
        let parsed = try BotocoreWire.run(["requests": [], "errors": input])["errors"] as? [[String: Any]] ?? []
        try #require(parsed.count == cases.count)
        for (item, answer) in zip(cases, parsed) {
            let label = "\(item.error.code): \(answer)"
            if let exception = item.exception {
                #expect(answer["exception"] as? String == exception, "\(label)")
                continue
            }
            let error = answer["Error"] as? [String: Any] ?? [:]
            #expect(error["Code"] as? String == item.error.code, "\(label)")
            #expect(error["Message"] as? String == item.error.message, "\(label)")
            let metadata = answer["ResponseMetadata"] as? [String: Any] ?? [:]
            #expect(metadata["RequestId"] as? String == "rid-\(item.error.code)", "\(label)")
            #expect(metadata["HTTPStatusCode"] as? Int == item.error.httpStatus, "\(label)")
            #expect(answer["retryAfterSeconds"] as? Int == item.error.retryAfterSeconds, "\(label)")
            let modeledFields =
                item.request.service == .codeDeploy || item.error.code.hasPrefix("Unknown")
                    || item.error.code == "RequestLimitExceeded" ? [:] : item.error.fields
            for (key, value) in modeledFields {
                let theirs = try JSONSerialization.data(
                    withJSONObject: answer[key] ?? NSNull(), options: .fragmentsAllowed)
                #expect(try json(Array(theirs)) == value, "\(label) field \(key)")
            }
        }
    }

    /// botocore's parameters for `request`: our body text (Python keeps its member order, which is the model's),
    /// then the uri member and the query members for VPC Lattice, sorted by name as our query is.
    private func params(_ request: AWSRequest) throws -> [String: Any] {
        let wire = try AWSWireCodec.encode(request)
        var extra: [[Any]] = []
        switch request {
        case .lattice(.registerTargets(let input)):
            extra.append(["targetGroupIdentifier", input.targetGroupIdentifier])
        case .lattice(.deregisterTargets(let input)):
            extra.append(["targetGroupIdentifier", input.targetGroupIdentifier])
        case .lattice(.getTargetGroup(let input)): extra.append(["targetGroupIdentifier", input.targetGroupIdentifier])
        case .lattice(.listTargets(let input)): extra.append(["targetGroupIdentifier", input.targetGroupIdentifier])
        default: break
        }
        for (name, value) in PercentEncoding.decodeQuery(wire.query) ?? [] {
            extra.append([name, name == "maxResults" ? Int(value) as Any : value])
        }
        return ["body": String(decoding: wire.body, as: UTF8.self), "extra": extra]
    }
}

/// Runs botocore in a `python3` child process (`research/scripts/wire_capture.py`'s technique).
enum BotocoreWire {
    static let isAvailable = pythonCanImport("botocore.session")

    static func run(_ input: [String: Any]) throws -> [String: Any] {
        let output = try runPython(script: script, input: try JSONSerialization.data(withJSONObject: input))
        return try JSONSerialization.jsonObject(with: output) as? [String: Any] ?? [:]
    }

    private static let script = """
        import io, json, sys
        import botocore.session, botocore.exceptions
        from botocore.awsrequest import AWSResponse
        from botocore.config import Config
        from botocore import xform_name

        class Raw:
            def __init__(self, body): self._b = io.BytesIO(body)
            def stream(self, *a, **k): yield self._b.read()

        session = botocore.session.get_session()
        clients = {}
        def client(name):
            if name not in clients:
                clients[name] = session.create_client(
                    name, region_name="us-east-1", aws_access_key_id="AKIDEXAMPLE", aws_secret_access_key="secret",
                    config=Config(retries={"mode": "standard", "total_max_attempts": 1}))
            return clients[name]

        def call(item, status, headers, body):
            sent = {}
            def hook(request, **kw):
                sent_headers = {k: (v.decode() if isinstance(v, bytes) else v) for k, v in request.headers.items()}
                sent.update(method=request.method, url=request.url, headers=sent_headers,
                            body=request.body.decode() if isinstance(request.body, bytes) else (request.body or ""))
                return AWSResponse(request.url, status, headers, Raw(body))
            cl = client(item["service"])
            cl.meta.events.register("before-send", hook)
            params = json.loads(item["params"]["body"]) if item["params"]["body"] else {}
            params.update((name, value) for name, value in item["params"]["extra"])
            try:
                out = getattr(cl, xform_name(item["operation"]))(**params)
                out = {"ok": True}
            except botocore.exceptions.ClientError as e:
                out = e.response
            except Exception as e:
                out = {"exception": type(e).__name__, "text": str(e)}
            finally:
                cl.meta.events.unregister("before-send", hook)
            return sent, out

        job = json.load(sys.stdin)
        result = {"requests": [], "errors": []}
        for item in job["requests"]:
            sent, _ = call(item, 200, {}, b"{}")
            result["requests"].append(sent)
        for item in job["errors"]:
            headers = {}
            for name, value in item["headers"]:
                headers[name] = value
            _, out = call(item, item["status"], headers, item["body"].encode())
            result["errors"].append(out)
        json.dump(result, sys.stdout, default=str)
        """
}
