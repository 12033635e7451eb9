import AWSWire
import Foundation
import Testing
import TestSupport

@testable import BenchKit

/// Whether botocore can be imported (pip `boto3`/`botocore`; scripts/install-test-deps.sh installs it).
let botocoreAvailable = pythonCanImport("botocore")

/// The bytes of every synthetic fault, as bench's fault layer and `bench serve` send them, fed to botocore's own
/// response parsing through a real client (a `before-send` hook answers instead of the network).
/// Needs Python with botocore; skipped, and said so, without it.
@Suite("Synthetic faults parse in botocore", .enabled(if: botocoreAvailable, "python3 cannot import botocore"))
struct SyntheticFaultBotocoreTests {
    static let script = #"""
        import base64, json, sys
        import botocore.session
        from botocore.awsrequest import AWSResponse
        from botocore.config import Config
        from botocore.exceptions import ClientError

        class Raw:
            def __init__(self, data): self.data = data
            def stream(self, **kwargs): yield self.data
            def read(self, *args, **kwargs): return self.data

        results = []
        for case in json.load(open(sys.argv[1])):
            client = botocore.session.get_session().create_client(
                case["service"], region_name="us-east-1", aws_access_key_id="x", aws_secret_access_key="y",
                config=Config(retries={"max_attempts": 0}))
            answer = AWSResponse("http://127.0.0.1/", case["status"], case["headers"], Raw(base64.b64decode(case["body"])))
            client.meta.events.register("before-send", lambda request, answer=answer, **kwargs: answer)
            try:
                getattr(client, case["operation"])(**case["params"])
                results.append({"code": None})
            except ClientError as error:
                fields = {k: v for k, v in error.response.items() if k not in ("Error", "ResponseMetadata")}
                results.append({"code": error.response["Error"]["Code"], "fields": fields,
                                "status": error.response["ResponseMetadata"]["HTTPStatusCode"]})
        print(json.dumps(results))
        """#

    struct Case {
        let service: String
        let operation: String
        let params: [String: Any]
        let request: AWSRequest
        let error: ServiceError
        let code: String
        let fields: [String: String]
    }

    static var cases: [Case] {
        let create = AWSRequest.lattice(.createTargetGroup(CreateTargetGroupInput(name: "x-tg", type: "IP")))
        let register = AWSRequest.cloudMap(.registerInstance(
            RegisterInstanceInput(serviceId: "srv-1", instanceId: "i-1", attributes: [:])))
        let batchGet = AWSRequest.codeDeploy(.batchGetDeploymentTargets(
            BatchGetDeploymentTargetsInput(deploymentId: "d-1", targetIds: ["i-1"])))
        let lattice = ("vpc-lattice", "create_target_group", ["name": "x-tg", "type": "IP"] as [String: Any], create)
        let cloudMap = ("servicediscovery", "register_instance",
                        ["ServiceId": "srv-1", "InstanceId": "i-1", "Attributes": [String: String]()] as [String: Any], register)
        let codeDeploy = ("codedeploy", "batch_get_deployment_targets",
                          ["deploymentId": "d-1", "targetIds": ["i-1"]] as [String: Any], batchGet)
        func make(_ target: (String, String, [String: Any], AWSRequest), _ error: ServiceError, _ code: String,
                  _ fields: [String: String] = [:]) -> Case {
            Case(service: target.0, operation: target.1, params: target.2, request: target.3, error: error, code: code,
                 fields: fields)
        }
        return [
            make(lattice, SyntheticErrors.throttle(for: .vpcLattice, retryAfterSeconds: 3), "ThrottlingException",
                 ["retryAfterSeconds": "3", "serviceCode": "vpc-lattice", "quotaCode": SyntheticErrors.latticeRateQuotaCode]),
            make(cloudMap, SyntheticErrors.throttle(for: .cloudMap), "RequestLimitExceeded"),
            make(codeDeploy, SyntheticErrors.throttle(for: .codeDeploy), "ThrottlingException"),
            make(lattice, SyntheticErrors.conflict(for: create)!, "ConflictException",
                 ["resourceId": "x-tg", "resourceType": "TARGET_GROUP"]),
            make(lattice, SyntheticErrors.serverError(.internal), "InternalServerException"),
            make(cloudMap, SyntheticErrors.serverError(.unavailable), "503"),
            make(codeDeploy, SyntheticErrors.serverError(.badGateway), "502"),
            make(lattice, SyntheticErrors.serverError(.badGatewayHTML), "502"),
        ]
    }

    @Test("each synthetic fault arrives in botocore as that error, with its modeled fields")
    func parse() throws {
        let cases = Self.cases
        try withTemporaryFolder("bench-faults") { folder in
            let payload: [[String: Any]] = cases.map { testCase in
                let wire = AWSWireCodec.encodeResponse(
                    .failure(testCase.error), for: testCase.request, service: testCase.request.service, requestId: "r-1")
                var headers: [String: String] = [:]
                for field in wire.headers.fields { headers[field.name] = field.value }
                return [
                    "service": testCase.service, "operation": testCase.operation, "params": testCase.params,
                    "status": wire.status, "headers": headers, "body": Data(wire.body).base64EncodedString(),
                ]
            }
            let input = folder.appendingPathComponent("cases.json")
            try JSONSerialization.data(withJSONObject: payload).write(to: input)
            let script = folder.appendingPathComponent("parse.py")
            try Self.script.write(to: script, atomically: true, encoding: .utf8)
            let run = try runProcess(URL(fileURLWithPath: "/usr/bin/env"), ["python3", script.path, input.path])
            #expect(run.status == 0, "\(run.errors)")
            let results = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [[String: Any]])
            #expect(results.count == cases.count)
            for (testCase, result) in zip(cases, results) {
                #expect(result["code"] as? String == testCase.code, "\(testCase.operation): \(result)")
                #expect(result["status"] as? Int == testCase.error.httpStatus)
                let fields = result["fields"] as? [String: Any] ?? [:]
                for (key, expected) in testCase.fields {
                    #expect(fields[key].map { "\($0)" } == expected, "\(testCase.code).\(key): \(fields)")
                }
            }
        }
    }
}
