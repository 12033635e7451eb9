import Foundation
import Testing

@testable import BenchKit

/// Runs a Python script with `arguments`; returns its exit status and standard output.
func runPython(_ script: String, _ arguments: [String]) throws -> (status: Int32, output: String, errors: String) {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bench-py-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("script.py")
    try script.write(to: file, atomically: true, encoding: .utf8)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", file.path] + arguments
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let group = DispatchGroup()
    nonisolated(unsafe) var errors = Data()
    group.enter()
    DispatchQueue.global().async {
        errors = err.fileHandleForReading.readDataToEndOfFile()
        group.leave()
    }
    let output = out.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: output, as: UTF8.self), String(decoding: errors, as: UTF8.self))
}

@Suite("Live endpoints: bench serve over HTTP", .serialized)
struct LiveEndpointTests {
    static func server(_ configure: (inout EmulatorServer.Configuration) -> Void = { _ in }) throws -> (EmulatorServer, Int) {
        var configuration = EmulatorServer.Configuration()
        configuration.deployments = 2
        configuration.targetsPerDeployment = 30
        configuration.emulator.cloudMapOperationDelayNanoseconds = 0
        configure(&configuration)
        let server = EmulatorServer(configuration: configuration)
        return (server, try server.start())
    }

    @Test("a scenario runs against a live endpoint over HTTP: setup, all four operations, effects in its ledger")
    func runOverHTTP() async throws {
        let (server, port) = try Self.server()
        defer { server.stop() }
        let scenario = Scenario("live") {
            Endpoint.http("http://127.0.0.1:\(port)")
            Seed(3)
            Setup {
                TargetGroups(2)
                CloudMapService(namespace: "live.local", name: "svc")
                Deployment(targets: 30)
            }
            Phase("p", .iterations(200, concurrency: 4))
        }
        let result = try await Runner(scenario: scenario).run()
        let phase = result.summary.phases[0]
        #expect(phase.completed == 200)
        for (name, op) in phase.operations {
            #expect(op.ok == op.count, "\(name): \(op.errors) \(op.unknown)")
        }
        #expect(result.ledger == nil)  // the run's own emulator is not involved
        let ledger = server.emulator.ledger.snapshot
        let creates = ledger.filter { $0.operation == "CreateTargetGroup" && $0.change == .created }
        #expect(creates.count == 2 + (phase.operations["CreateTargetGroup"]?.ok ?? 0))
        #expect(ledger.contains { $0.operation == "RegisterInstance" && $0.invocationId != nil })
    }

    @Test("an endpoint that is not there: every call fails as a connection error, no hang, no crash")
    func nothingListening() async throws {
        let (server, port) = try Self.server()
        server.stop()  // the port is free again and nobody listens on it
        let scenario = Scenario("gone") {
            Endpoint.http("http://127.0.0.1:\(port)")
            Phase("p", .iterations(20, concurrency: 2)) { Mix { CreateTargetGroup() } }
        }
        let result = try await Runner(scenario: scenario).run()
        let op = try #require(result.summary.phases[0].operations["CreateTargetGroup"])
        #expect(op.count == 20 && op.unknown == 20)
        #expect(op.calls.outcomes["fail"] == 20)  // nothing was sent, so nothing can have been applied
    }

    @Test("signed requests pass --verify-signatures; a wrong secret is refused as botocore-readable 403s")
    func signatures() async throws {
        let good = AWSCredentials(accessKeyId: "AKIDBENCHTEST", secretAccessKey: "right-secret")
        let (server, port) = try Self.server {
            $0.verifySignatures = true
            $0.credentials = [good]
        }
        defer { server.stop() }
        let request = AWSRequest.codeDeploy(.listDeployments(ListDeploymentsInput()))
        for (credentials, expected) in [(good, "ok"), (AWSCredentials(accessKeyId: "AKIDBENCHTEST", secretAccessKey: "wrong"),
                                                       "InvalidSignatureException"),
                                        (AWSCredentials(accessKeyId: "AKIDOTHER", secretAccessKey: "x"),
                                         "UnrecognizedClientException")] {
            let transport = try HTTPTransport(
                url: "http://127.0.0.1:\(port)", region: "us-east-1", credentials: credentials, clock: SystemClock(),
                timeoutNanoseconds: 5_000_000_000, maxConnections: 1)
            switch await transport.send(request, context: RequestContext(requestId: "t")) {
            case .response: #expect(expected == "ok")
            case .serviceError(let error):
                #expect(error.code == expected)
                #expect(error.httpStatus == 403)
            case .failure(let failure): Issue.record("transport failure: \(failure)")
            }
        }
    }

    static let boto3Script = #"""
        import json, sys
        import boto3
        from botocore.config import Config

        port, mode = sys.argv[1], sys.argv[2]
        kw = dict(endpoint_url=f"http://127.0.0.1:{port}", region_name="us-east-1",
                  aws_access_key_id="x", aws_secret_access_key="y")
        out = {}
        if mode == "throttled":
            lat = boto3.client("vpc-lattice", config=Config(retries={"mode": "standard"}), **kw)
            try:
                lat.list_target_groups()
            except lat.exceptions.ThrottlingException as e:
                out["code"] = e.response["Error"]["Code"]
                out["retryAfterSeconds"] = e.response.get("retryAfterSeconds")
                out["attempts"] = e.response["ResponseMetadata"]["RetryAttempts"]
            print(json.dumps(out)); sys.exit(0)

        lat = boto3.client("vpc-lattice", **kw)
        config = {"port": 80, "protocol": "HTTP", "vpcIdentifier": "vpc-0123456789abcdef0"}
        tg = lat.create_target_group(name="boto-tg", type="IP", config=config, clientToken="tok-1")
        again = lat.create_target_group(name="boto-tg", type="IP", config=config, clientToken="tok-1")
        out["create_status"] = tg["ResponseMetadata"]["HTTPStatusCode"]
        out["same_id"] = tg["id"] == again["id"] and tg["arn"] == again["arn"]
        try:
            lat.create_target_group(name="boto-other", type="IP", config=config, clientToken="tok-1")
        except lat.exceptions.ConflictException as e:
            out["conflict"] = [e.response["resourceId"] == tg["id"], e.response["resourceType"]]
        reg = lat.register_targets(targetGroupIdentifier=tg["arn"], targets=[{"id": "10.0.0.1"}, {"id": "not-an-ip"}])
        out["registered"] = [t["id"] for t in reg["successful"]]
        out["unsuccessful"] = [t["failureCode"] for t in reg["unsuccessful"]]
        out["listed"] = [t["id"] for t in lat.list_targets(targetGroupIdentifier=tg["id"])["items"]]
        out["got_name"] = lat.get_target_group(targetGroupIdentifier=tg["id"])["name"]
        out["group_count"] = len(lat.list_target_groups()["items"])
        try:
            lat.get_target_group(targetGroupIdentifier="tg-00000000000000000")
        except lat.exceptions.ResourceNotFoundException as e:
            out["not_found"] = e.response["ResponseMetadata"]["HTTPStatusCode"]

        sd = boto3.client("servicediscovery", **kw)
        ns_op = sd.create_http_namespace(Name="boto.local")
        ns = sd.get_operation(OperationId=ns_op["OperationId"])["Operation"]["Targets"]["NAMESPACE"]
        svc = sd.create_service(Name="api", NamespaceId=ns)["Service"]["Id"]
        first = sd.register_instance(ServiceId=svc, InstanceId="i-1", CreatorRequestId="c-1",
                                     Attributes={"AWS_INSTANCE_IPV4": "10.0.0.1"})
        replay = sd.register_instance(ServiceId=svc, InstanceId="i-1", CreatorRequestId="c-1",
                                      Attributes={"AWS_INSTANCE_IPV4": "10.0.0.1"})
        out["same_operation"] = first["OperationId"] == replay["OperationId"]
        out["instance_crid"] = sd.get_instance(ServiceId=svc, InstanceId="i-1")["Instance"]["CreatorRequestId"]
        out["instances"] = [i["Id"] for i in sd.list_instances(ServiceId=svc)["Instances"]]
        try:
            sd.register_instance(ServiceId=svc, InstanceId="i-2", Attributes={f"k{i}": "v" for i in range(31)})
        except sd.exceptions.InvalidInput as e:
            out["invalid_input"] = "30" in e.response["Error"]["Message"]
        try:
            sd.register_instance(ServiceId="srv-0000000000000000", InstanceId="i-3", Attributes={})
        except sd.exceptions.ServiceNotFound:
            out["service_not_found"] = True

        cd = boto3.client("codedeploy", **kw)
        deployment = cd.list_deployments()["deployments"][0]
        ids = cd.list_deployment_targets(deploymentId=deployment)["targetIds"]
        got = cd.batch_get_deployment_targets(deploymentId=deployment, targetIds=ids[:25])["deploymentTargets"]
        out["batch"] = [len(got), got[0]["deploymentTargetType"]]
        out["one"] = cd.get_deployment_target(deploymentId=deployment, targetId=ids[0])["deploymentTarget"]["instanceTarget"]["targetId"] == ids[0]
        try:
            cd.batch_get_deployment_targets(deploymentId=deployment, targetIds=ids[:26])
        except cd.exceptions.DeploymentTargetListSizeExceededException:
            out["too_many"] = True
        try:
            cd.batch_get_deployment_targets(deploymentId="d-ZZZZZZZZZ", targetIds=ids[:1])
        except cd.exceptions.DeploymentDoesNotExistException:
            out["no_deployment"] = True
        print(json.dumps(out))
        """#

    /// Needs boto3 (pip; scripts/install-test-deps.sh installs it). Skipped, and said so, without it.
    @Test("boto3 with endpoint_url: the four operations, their read-backs and modeled errors",
          .enabled(if: botocoreAvailable, "python3 cannot import boto3/botocore"))
    func boto3() throws {
        let (server, port) = try Self.server()
        defer { server.stop() }
        let run = try runPython(Self.boto3Script, ["\(port)", "all"])
        #expect(run.status == 0, "\(run.errors)")
        let out = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
        #expect(out["create_status"] as? Int == 201)
        #expect(out["same_id"] as? Bool == true)
        let conflict = try #require(out["conflict"] as? [Any])
        #expect(conflict.first as? Bool == true && conflict.last as? String == "TARGET_GROUP")
        #expect(out["registered"] as? [String] == ["10.0.0.1"])
        #expect(out["unsuccessful"] as? [String] == ["InvalidTargetId"])
        #expect(out["listed"] as? [String] == ["10.0.0.1"])
        #expect(out["got_name"] as? String == "boto-tg")
        #expect(out["group_count"] as? Int == 1)
        #expect(out["not_found"] as? Int == 404)
        #expect(out["same_operation"] as? Bool == true)
        #expect(out["instance_crid"] as? String == "c-1")
        #expect(out["instances"] as? [String] == ["i-1"])
        #expect(out["invalid_input"] as? Bool == true)
        #expect(out["service_not_found"] as? Bool == true)
        #expect(out["batch"] as? [AnyHashable] == [25, "InstanceTarget"])
        #expect(out["one"] as? Bool == true)
        #expect(out["too_many"] as? Bool == true)
        #expect(out["no_deployment"] as? Bool == true)
    }

    @Test("boto3 standard retries against --fault throttle:p=1: 3 attempts, then ThrottlingException with Retry-After",
          .enabled(if: botocoreAvailable, "python3 cannot import boto3/botocore"))
    func boto3Retries() throws {
        let (server, port) = try Self.server {
            $0.faults = FaultPlan([try! FaultSpecParser.parse("throttle:p=1,retry-after=2")])
        }
        defer { server.stop() }
        let run = try runPython(Self.boto3Script, ["\(port)", "throttled"])
        #expect(run.status == 0, "\(run.errors)")
        let out = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
        #expect(out["code"] as? String == "ThrottlingException")
        #expect(out["retryAfterSeconds"] as? Int == 2)
        #expect(out["attempts"] as? Int == 2)  // RetryAttempts counts retries: 3 attempts in standard mode
    }
}
