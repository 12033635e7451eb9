import Foundation
import Testing
import TestSupport

@testable import BenchKit

@Suite("bench proxy: faults injected between a client and a live endpoint", .serialized)
struct ProxyTests {
    static let credentials = AWSCredentials(accessKeyId: "AKIDPROXYTEST", secretAccessKey: "proxy-secret")

    /// An emulator upstream (verifying signatures unless told not to), and a proxy in front of it with `faults`.
    struct Rig {
        let upstream: EmulatorServer
        let proxy: ProxyServer
        let proxyPort: Int

        init(_ faults: [String] = [], faultsCSV: URL? = nil, verifySignatures: Bool = true) throws {
            let (upstream, port) = try LiveEndpointTests.server {
                $0.verifySignatures = verifySignatures
                $0.credentials = [ProxyTests.credentials]
            }
            let endpoint = try ProxyServer.endpoint("http://127.0.0.1:\(port)")
            var configuration = ProxyServer.Configuration(upstream: endpoint)
            configuration.faults = try FaultSpecParser.parse(faults)
            configuration.faultsCSV = faultsCSV
            // Generous: while the rest of the suite runs, the 2-core machine's cooperative pool can be starved for
            // seconds, and a timeout here would measure that, not the proxy.
            configuration.upstreamTimeout = .seconds(30)
            self.upstream = upstream
            proxy = try ProxyServer(configuration: configuration)
            proxyPort = try proxy.start()
        }

        var url: String { "http://127.0.0.1:\(proxyPort)" }

        /// Sends `request` through the proxy, signed with the upstream's credentials.
        func send(_ request: AWSRequest) async throws -> AttemptResult {
            let transport = try HTTPTransport(
                url: url, region: "us-east-1", credentials: ProxyTests.credentials, clock: SystemClock(),
                timeoutNanoseconds: 40_000_000_000, maxConnections: 1)
            return await transport.send(request, context: RequestContext(requestId: "t"))
        }

        func stop() {
            try? proxy.stop()
            upstream.stop()
        }

        /// The upstream's ledger entries of `operation`.
        func ledger(_ operation: String) -> [LedgerEntry] {
            upstream.emulator.ledger.snapshot.filter { $0.operation == operation }
        }

        /// A Cloud Map service created directly in the upstream, for RegisterInstance calls.
        func cloudMapService() throws -> String {
            let cloudMap = upstream.emulator.cloudMap
            let operation = try cloudMap.createHttpNamespace(CreateHttpNamespaceInput(name: "proxy.local"))
            let namespace = try cloudMap.getOperation(GetOperationInput(operationId: operation.operationId))
            let namespaceId = try #require(namespace.operation.targets?[CloudMap.OperationTargetType.namespace])
            return try cloudMap.createService(CreateServiceInput(name: "api", namespaceId: namespaceId)).service.id
        }
    }

    static func createTargetGroup(_ name: String, token: String? = nil) -> AWSRequest {
        .lattice(.createTargetGroup(CreateTargetGroupInput(
            name: name, type: "IP",
            config: TargetGroupConfig(port: 80, protocol: "HTTP", vpcIdentifier: "vpc-0123456789abcdef0"),
            clientToken: token)))
    }

    @Test("pass-through keeps SigV4 valid: Host, Authorization and the body reach the upstream untouched")
    func signaturesSurvive() async throws {
        let rig = try Rig()
        defer { rig.stop() }
        let answer = try await rig.send(Self.createTargetGroup("signed"))
        guard case .response = answer else {
            Issue.record("a signed request was refused through the proxy: \(answer.summary)")
            return
        }
        #expect(rig.ledger("CreateTargetGroup").map(\.change) == [.created])
    }

    @Test("pass-through: a scenario runs through the proxy, all ok, effects in the upstream's ledger")
    func passThrough() async throws {
        let rig = try Rig(verifySignatures: false)
        defer { rig.stop() }
        let scenario = Scenario("proxied") {
            Endpoint.http(rig.url)
            Seed(5)
            Setup {
                TargetGroups(2)
                CloudMapService(namespace: "live.local", name: "svc")
                Deployment(targets: 30)
            }
            Phase("p", .iterations(100, concurrency: 4))
        }
        let result = try await Runner(scenario: scenario).run()
        let phase = result.summary.phases[0]
        #expect(phase.completed == 100)
        for (name, op) in phase.operations {
            #expect(op.ok == op.count, "\(name): \(op.errors) \(op.unknown)")
        }
        let creates = rig.ledger("CreateTargetGroup").filter { $0.change == .created }
        #expect(creates.count == 2 + (phase.operations["CreateTargetGroup"]?.ok ?? 0))
        #expect(rig.proxy.faultCounts.isEmpty)
    }

    @Test("throttle p=1: every answer is the service's ThrottlingException, nothing applied, each fault logged")
    func throttle() async throws {
        try await withTemporaryFolder("proxy") { folder in
            let csv = folder.appendingPathComponent("injected.csv")
            let rig = try Rig(["throttle:p=1,retry-after=2"], faultsCSV: csv)
            defer { rig.stop() }
            let requests = [
                Self.createTargetGroup("a"), Self.createTargetGroup("b"),
                .codeDeploy(.listDeployments(ListDeploymentsInput())),
            ]
            for request in requests {
                switch try await rig.send(request) {
                case .serviceError(let error):
                    #expect(error.code == "ThrottlingException")
                    #expect(error.httpStatus == 400 || error.httpStatus == 429)
                case let other: Issue.record("expected a throttle, got \(other)")
                }
            }
            #expect(rig.ledger("CreateTargetGroup").isEmpty)
            #expect(rig.proxy.faultCounts == ["throttle": 3])
            try rig.proxy.stop()
            let lines = try String(contentsOf: csv, encoding: .utf8).split(separator: "\n")
            #expect(lines.first == "time_s,operation,call_id,attempt,kind,detail")
            let kinds = lines.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false)[4] }
            #expect(kinds == ["throttle", "throttle", "throttle"])
            #expect(lines[1].contains("CreateTargetGroup"))
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent(".injected.csv.partial.d").path))
        }
    }

    @Test("lose-response p=1 (timeout and reset): requestSent true, yet the upstream applied the request",
          arguments: ["timeout", "reset"])
    func loseResponse(mode: String) async throws {
        let rig = try Rig(["lose-response:p=1,mode=\(mode)"])
        defer { rig.stop() }
        switch try await rig.send(Self.createTargetGroup("lost", token: "tok-lost")) {
        case .failure(let failure): #expect(failure.requestSent)
        case let other: Issue.record("expected a lost answer, got \(other)")
        }
        #expect(rig.ledger("CreateTargetGroup").map(\.change) == [.created])
        #expect(rig.proxy.faultCounts == ["lose-response": 1])
    }

    @Test("duplicate: one request reaches the upstream twice; with a stable token the second creates nothing")
    func duplicate() async throws {
        let rig = try Rig(["duplicate:p=1"])
        defer { rig.stop() }
        let serviceId = try rig.cloudMapService()
        for (instance, token) in [("no-token", nil), ("with-token", "crid-1")] as [(String, String?)] {
            let request = AWSRequest.cloudMap(.registerInstance(RegisterInstanceInput(
                serviceId: serviceId, instanceId: instance, creatorRequestId: token,
                attributes: ["AWS_INSTANCE_IPV4": "10.0.0.1"])))
            guard case .response = try await rig.send(request) else {
                Issue.record("the first answer of a duplicated request should be relayed")
                continue
            }
        }
        let changes = { (instance: String) in
            rig.ledger("RegisterInstance").filter { $0.resourceId == instance }.map(\.change)
        }
        #expect(changes("no-token") == [.registered, .updated])  // two deliveries, both applied
        #expect(changes("with-token") == [.registered])  // the replay is answered from the token
        #expect(rig.proxy.faultCounts == ["duplicate": 2])
    }

    @Test("reset p=1: the connection is reset and nothing reaches the upstream")
    func reset() async throws {
        let rig = try Rig(["reset:p=1"])
        defer { rig.stop() }
        switch try await rig.send(Self.createTargetGroup("reset")) {
        case .failure(let failure): #expect(failure.kind == "reset")
        case let other: Issue.record("expected a reset, got \(other)")
        }
        #expect(rig.ledger("CreateTargetGroup").isEmpty)
    }

    @Test("a bad upstream URL is refused with a message naming it", arguments: ["https://x:1", "http://h:0", "ftp"])
    func badUpstream(url: String) {
        #expect(throws: (any Error).self) { try ProxyServer.endpoint(url) }
    }
}
