import AWSModel
import Testing

@testable import AWSWire

/// The requests botocore 1.43.11 built for the same members (`wire.md` Appendix A, verbatim): ours must be the
/// same bytes — method, path, query, the `Content-Type`/`X-Amz-Target` headers and the body. botocore writes
/// members in its caller's order, ours in model order: where the caller used another order (the first
/// capture passes `clientToken` before `config`), the bodies are compared as JSON values.
@Suite("Appendix A: botocore's captured requests")
struct AppendixARequestTests {
    struct Captured: CustomTestStringConvertible, Sendable {
        var request: AWSRequest
        var method: String
        var path: String
        var query: String = ""
        var contentType: String?
        var target: String?
        var body: String
        /// Whether botocore's caller passed the members in model order (else only the JSON values can match).
        var modelOrder = true
        var testDescription: String { "\(request.operationName) \(path)?\(query)" }
    }

    static let tg = WireFixtures.targetGroupId
    static let cloudMap = "application/x-amz-json-1.1"

    static let captured: [Captured] = [
        Captured(
            request: .lattice(
                .createTargetGroup(
                    CreateTargetGroupInput(
                        name: "my-tg", type: "IP",
                        config: TargetGroupConfig(
                            port: 80, protocol: "HTTP", vpcIdentifier: "vpc-0123456789abcdef0",
                            healthCheck: HealthCheckConfig(enabled: true, path: "/health")),
                        clientToken: "tok-1", tags: ["env": "test"]))),
            method: "POST", path: "/targetgroups", contentType: "application/json",
            body: #"{"name": "my-tg", "type": "IP", "clientToken": "tok-1", "config": {"port": 80, "protocol": "#
                + #""HTTP", "vpcIdentifier": "vpc-0123456789abcdef0", "healthCheck": {"enabled": true, "path": "#
                + #""/health"}}, "tags": {"env": "test"}}"#,
            modelOrder: false),
        Captured(
            request: .lattice(
                .registerTargets(
                    RegisterTargetsInput(
                        targetGroupIdentifier: tg, targets: [Target(id: "10.0.0.1", port: 80), Target(id: "10.0.0.2")]))
            ),
            method: "POST", path: "/targetgroups/tg-0123456789abcdefg/registertargets", contentType: "application/json",
            body: #"{"targets": [{"id": "10.0.0.1", "port": 80}, {"id": "10.0.0.2"}]}"#),
        Captured(
            request: .lattice(
                .registerTargets(
                    RegisterTargetsInput(
                        targetGroupIdentifier: WireFixtures.targetGroupArn, targets: [Target(id: "i-0123456789abcdef0")]
                    ))),
            method: "POST",
            path: "/targetgroups/arn%3Aaws%3Avpc-lattice%3Aus-east-1%3A123456789012%3Atargetgroup%2F"
                + "tg-0123456789abcdefg/registertargets",
            contentType: "application/json", body: #"{"targets": [{"id": "i-0123456789abcdef0"}]}"#),
        Captured(
            request: .lattice(.getTargetGroup(GetTargetGroupInput(targetGroupIdentifier: tg))),
            method: "GET", path: "/targetgroups/tg-0123456789abcdefg", body: ""),
        Captured(
            request: .lattice(
                .listTargetGroups(
                    ListTargetGroupsInput(
                        maxResults: 10, nextToken: "a/b+c=", vpcIdentifier: "vpc-0123456789abcdef0",
                        targetGroupType: "IP"))),
            method: "GET", path: "/targetgroups",
            query: "maxResults=10&vpcIdentifier=vpc-0123456789abcdef0&targetGroupType=IP&nextToken=a%2Fb%2Bc%3D",
            body: ""),
        Captured(
            request: .lattice(
                .listTargets(
                    ListTargetsInput(
                        targetGroupIdentifier: tg, maxResults: 5, targets: [Target(id: "10.0.0.1", port: 80)]))),
            method: "POST", path: "/targetgroups/tg-0123456789abcdefg/listtargets", query: "maxResults=5",
            contentType: "application/json", body: #"{"targets": [{"id": "10.0.0.1", "port": 80}]}"#),
        Captured(
            request: .lattice(.listTargets(ListTargetsInput(targetGroupIdentifier: tg))),
            method: "POST", path: "/targetgroups/tg-0123456789abcdefg/listtargets", contentType: "application/json",
            body: "{}"),
        Captured(
            request: .cloudMap(
                .registerInstance(
                    RegisterInstanceInput(
                        serviceId: "srv-abcdefgh12345678", instanceId: "i-1", creatorRequestId: "req-1",
                        attributes: ["AWS_INSTANCE_IPV4": "10.0.0.1", "AWS_INSTANCE_PORT": "80", "color": "blue"]))),
            method: "POST", path: "/", contentType: cloudMap, target: "Route53AutoNaming_v20170314.RegisterInstance",
            body: #"{"ServiceId": "srv-abcdefgh12345678", "InstanceId": "i-1", "CreatorRequestId": "req-1", "#
                + #""Attributes": {"AWS_INSTANCE_IPV4": "10.0.0.1", "AWS_INSTANCE_PORT": "80", "color": "blue"}}"#),
        Captured(
            request: .cloudMap(.getOperation(GetOperationInput(operationId: "op-123"))),
            method: "POST", path: "/", contentType: cloudMap, target: "Route53AutoNaming_v20170314.GetOperation",
            body: #"{"OperationId": "op-123"}"#),
        Captured(
            request: .cloudMap(.listInstances(ListInstancesInput(serviceId: "srv-abcdefgh12345678", maxResults: 100))),
            method: "POST", path: "/", contentType: cloudMap, target: "Route53AutoNaming_v20170314.ListInstances",
            body: #"{"ServiceId": "srv-abcdefgh12345678", "MaxResults": 100}"#),
        Captured(
            request: .cloudMap(.getInstance(GetInstanceInput(serviceId: "srv-abcdefgh12345678", instanceId: "i-1"))),
            method: "POST", path: "/", contentType: cloudMap, target: "Route53AutoNaming_v20170314.GetInstance",
            body: #"{"ServiceId": "srv-abcdefgh12345678", "InstanceId": "i-1"}"#),
        Captured(
            request: .cloudMap(
                .createHttpNamespace(CreateHttpNamespaceInput(name: "loadtest.local", creatorRequestId: "ns-req-1"))),
            method: "POST", path: "/", contentType: cloudMap, target: "Route53AutoNaming_v20170314.CreateHttpNamespace",
            body: #"{"Name": "loadtest.local", "CreatorRequestId": "ns-req-1"}"#),
        Captured(
            request: .cloudMap(
                .createService(
                    CreateServiceInput(name: "svc", namespaceId: "ns-abc", creatorRequestId: "svc-req-1", type: "HTTP"))
            ),
            method: "POST", path: "/", contentType: cloudMap, target: "Route53AutoNaming_v20170314.CreateService",
            body: #"{"Name": "svc", "NamespaceId": "ns-abc", "CreatorRequestId": "svc-req-1", "Type": "HTTP"}"#),
        Captured(
            request: .codeDeploy(
                .batchGetDeploymentTargets(
                    BatchGetDeploymentTargetsInput(
                        deploymentId: "d-ABCDEF123", targetIds: ["i-0123456789abcdef0", "i-0fedcba9876543210"]))),
            method: "POST", path: "/", contentType: cloudMap, target: "CodeDeploy_20141006.BatchGetDeploymentTargets",
            body: #"{"deploymentId": "d-ABCDEF123", "targetIds": ["i-0123456789abcdef0", "i-0fedcba9876543210"]}"#),
    ]

    @Test("same method, path, headers and body bytes; same query pairs", arguments: captured)
    func sameRequest(_ expected: Captured) throws {
        let wire = try AWSWireCodec.encode(expected.request)
        #expect(wire.method == expected.method)
        #expect(wire.path == expected.path)
        // botocore keeps the caller's member order in the query; ours is sorted by name (SigV4 sorts anyway).
        #expect(queryPairs(wire.query) == queryPairs(expected.query))
        #expect(wire.headers["Content-Type"] == expected.contentType)
        #expect(wire.headers["X-Amz-Target"] == expected.target)
        if expected.modelOrder {
            #expect(String(decoding: wire.body, as: UTF8.self) == expected.body)
        } else {
            #expect(try json(wire.body) == json(expected.body))
        }
        #expect(wire.headers.fields.count == [expected.contentType, expected.target].compactMap { $0 }.count)
    }

    @Test("the query is sorted by name and encoded like percent_encode_sequence")
    func queryBytes() throws {
        let wire = try AWSWireCodec.encode(Self.captured[4].request)
        #expect(
            wire.query == "maxResults=10&nextToken=a%2Fb%2Bc%3D&targetGroupType=IP&vpcIdentifier=vpc-0123456789abcdef0")
    }

    @Test("a token botocore generated itself: same members, ours in model order")
    func generatedTokenBodies() throws {
        let lattice = try AWSWireCodec.encode(
            .lattice(
                .createTargetGroup(
                    CreateTargetGroupInput(
                        name: "auto-token-tg", type: "LAMBDA", clientToken: "00000000-0000-0000-0000-000000000002"))))
        #expect(
            try json(lattice.body)
                == json(
                    #"{"name": "auto-token-tg", "type": "LAMBDA", "#
                        + #""clientToken": "00000000-0000-0000-0000-000000000002"}"#
                ))
        let cloudMap = try AWSWireCodec.encode(
            .cloudMap(
                .registerInstance(
                    RegisterInstanceInput(
                        serviceId: "srv-abcdefgh12345678", instanceId: "i-2",
                        creatorRequestId: "00000000-0000-0000-0000-00000000000b",
                        attributes: ["AWS_INSTANCE_IPV4": "10.0.0.2"]))))
        #expect(
            try json(cloudMap.body)
                == json(
                    #"{"ServiceId": "srv-abcdefgh12345678", "InstanceId": "i-2", "Attributes": {"AWS_INSTANCE_IPV4": "#
                        + #""10.0.0.2"}, "CreatorRequestId": "00000000-0000-0000-0000-00000000000b"}"#))
    }
}
