import AWSModel
import BenchCore
import Foundation
import Testing
@testable import Emulator

/// One `CreateTargetGroup` request and the field it must be refused for (`nil`: it must be accepted).
struct CreateCase: Sendable, CustomTestStringConvertible {
    let label: String
    let input: CreateTargetGroupInput
    let field: String?

    var testDescription: String { label }

    static func ip(_ label: String, _ field: String?, _ edit: (inout TargetGroupConfig) -> Void) -> CreateCase {
        var config = TargetGroupConfig(port: 8080, protocol: "HTTP", vpcIdentifier: "vpc-0123abcd")
        edit(&config)
        return CreateCase(label: label, input: ipGroupInput(config: config), field: field)
    }

    static func healthCheck(_ label: String, _ field: String?, _ check: HealthCheckConfig) -> CreateCase {
        ip(label, field.map { "config.healthCheck." + $0 }) { $0.healthCheck = check }
    }

    static func typed(_ label: String, _ type: String, _ config: TargetGroupConfig?, _ field: String?) -> CreateCase {
        CreateCase(label: label, input: CreateTargetGroupInput(name: "web", type: type, config: config), field: field)
    }

    static func named(_ name: String, _ valid: Bool) -> CreateCase {
        CreateCase(label: "name '\(name.prefix(12))' (\(name.count))", input: ipGroupInput(name: name),
            field: valid ? nil : "name")
    }

    static func tagged(_ label: String, _ tags: [String: String], _ valid: Bool) -> CreateCase {
        CreateCase(label: label, input: ipGroupInput(tags: tags), field: valid ? nil : "tags")
    }

    static func token(_ label: String, _ token: String, _ valid: Bool) -> CreateCase {
        CreateCase(label: label, input: ipGroupInput(token: token), field: valid ? nil : "clientToken")
    }
}

private let lambdaARN = "arn:aws:lambda:us-east-1:123456789012:function:handler"
private let vpc = "vpc-0123abcd"

private let nameCases: [CreateCase] = [
    .named("ab", false), .named("abc", true), .named(String(repeating: "a", count: 128), true),
    .named(String(repeating: "a", count: 129), false), .named("tg-web", false), .named("tgweb", true),
    .named("-web", false), .named("web-", false), .named("w--b", false), .named("w-b-1", true),
    .named("Web", false), .named("we_b", false), .named("", false),
]

private let configCases: [CreateCase] = [
    .ip("port 0", "config.port") { $0.port = 0 }, .ip("port 1", nil) { $0.port = 1 },
    .ip("port 65535", nil) { $0.port = 65535 }, .ip("port 65536", "config.port") { $0.port = 65536 },
    .ip("protocol FTP", "config.protocol") { $0.protocol = "FTP" },
    .ip("no protocol", "config.protocol") { $0.protocol = nil },
    .ip("TCP without port", "config.port") { $0.protocol = "TCP"; $0.port = nil },
    .ip("TCP with port", nil) { $0.protocol = "TCP" },
    .ip("protocolVersion HTTP3", "config.protocolVersion") { $0.protocolVersion = "HTTP3" },
    .ip("protocolVersion GRPC", nil) { $0.protocolVersion = "GRPC" },
    .ip("ipAddressType IPV5", "config.ipAddressType") { $0.ipAddressType = "IPV5" },
    .ip("ipAddressType IPV6", nil) { $0.ipAddressType = "IPV6" },
    .ip("no vpc", "config.vpcIdentifier") { $0.vpcIdentifier = nil },
    .ip("vpc 7 chars", "config.vpcIdentifier") { $0.vpcIdentifier = "vpc-0123abc" },
    .ip("vpc 17 chars", nil) { $0.vpcIdentifier = "vpc-0123456789abcdef0" },
    .ip("vpc upper case", "config.vpcIdentifier") { $0.vpcIdentifier = "vpc-0123ABCD" },
    .ip("lambda version on IP", "config.lambdaEventStructureVersion") { $0.lambdaEventStructureVersion = "V1" },
    .typed("IP without config", "IP", nil, "config"),
    .typed("type FOO", "FOO", nil, "type"),
    .typed("INSTANCE with ipAddressType", "INSTANCE",
        TargetGroupConfig(port: 80, protocol: "HTTP", ipAddressType: "IPV4", vpcIdentifier: vpc),
        "config.ipAddressType"),
    .typed("INSTANCE", "INSTANCE", TargetGroupConfig(protocol: "HTTPS", vpcIdentifier: vpc), nil),
    .typed("ALB", "ALB", TargetGroupConfig(port: 80, protocol: "HTTP", vpcIdentifier: vpc), nil),
    .typed("ALB with health check", "ALB",
        TargetGroupConfig(port: 80, protocol: "HTTP", vpcIdentifier: vpc, healthCheck: HealthCheckConfig()),
        "config.healthCheck"),
    .typed("LAMBDA", "LAMBDA", nil, nil),
    .typed("LAMBDA V2", "LAMBDA", TargetGroupConfig(lambdaEventStructureVersion: "V2"), nil),
    .typed("LAMBDA V3", "LAMBDA", TargetGroupConfig(lambdaEventStructureVersion: "V3"),
        "config.lambdaEventStructureVersion"),
    .typed("LAMBDA port", "LAMBDA", TargetGroupConfig(port: 80), "config.port"),
    .typed("LAMBDA protocol", "LAMBDA", TargetGroupConfig(protocol: "HTTP"), "config.protocol"),
    .typed("LAMBDA protocolVersion", "LAMBDA", TargetGroupConfig(protocolVersion: "HTTP1"), "config.protocolVersion"),
    .typed("LAMBDA vpc", "LAMBDA", TargetGroupConfig(vpcIdentifier: vpc), "config.vpcIdentifier"),
    .typed("LAMBDA ipAddressType", "LAMBDA", TargetGroupConfig(ipAddressType: "IPV4"), "config.ipAddressType"),
    .typed("LAMBDA health check", "LAMBDA", TargetGroupConfig(healthCheck: HealthCheckConfig()),
        "config.healthCheck"),
]

private let healthCheckCases: [CreateCase] = [
    .healthCheck("interval 4", "healthCheckIntervalSeconds", HealthCheckConfig(healthCheckIntervalSeconds: 4)),
    .healthCheck("interval 5", nil, HealthCheckConfig(healthCheckIntervalSeconds: 5)),
    .healthCheck("interval 300", nil, HealthCheckConfig(healthCheckIntervalSeconds: 300)),
    .healthCheck("interval 301", "healthCheckIntervalSeconds", HealthCheckConfig(healthCheckIntervalSeconds: 301)),
    .healthCheck("timeout 0", "healthCheckTimeoutSeconds", HealthCheckConfig(healthCheckTimeoutSeconds: 0)),
    .healthCheck("timeout 1", nil, HealthCheckConfig(healthCheckTimeoutSeconds: 1)),
    .healthCheck("timeout 120", nil, HealthCheckConfig(healthCheckTimeoutSeconds: 120)),
    .healthCheck("timeout 121", "healthCheckTimeoutSeconds", HealthCheckConfig(healthCheckTimeoutSeconds: 121)),
    .healthCheck("healthy 1", "healthyThresholdCount", HealthCheckConfig(healthyThresholdCount: 1)),
    .healthCheck("healthy 2", nil, HealthCheckConfig(healthyThresholdCount: 2)),
    .healthCheck("healthy 10", nil, HealthCheckConfig(healthyThresholdCount: 10)),
    .healthCheck("healthy 11", "healthyThresholdCount", HealthCheckConfig(healthyThresholdCount: 11)),
    .healthCheck("unhealthy 1", "unhealthyThresholdCount", HealthCheckConfig(unhealthyThresholdCount: 1)),
    .healthCheck("unhealthy 10", nil, HealthCheckConfig(unhealthyThresholdCount: 10)),
    .healthCheck("unhealthy 11", "unhealthyThresholdCount", HealthCheckConfig(unhealthyThresholdCount: 11)),
    .healthCheck("port -1", "port", HealthCheckConfig(port: -1)),
    .healthCheck("port 0", nil, HealthCheckConfig(port: 0)),
    .healthCheck("port 65535", nil, HealthCheckConfig(port: 65535)),
    .healthCheck("port 65536", "port", HealthCheckConfig(port: 65536)),
    .healthCheck("protocol UDP", "protocol", HealthCheckConfig(protocol: "UDP")),
    .healthCheck("protocolVersion GRPC", "protocolVersion", HealthCheckConfig(protocolVersion: "GRPC")),
    .healthCheck("path empty", nil, HealthCheckConfig(path: "")),
    .healthCheck("path /health?x=1", nil, HealthCheckConfig(path: "/health?x=1")),
    .healthCheck("path relative", "path", HealthCheckConfig(path: "health")),
    .healthCheck("path 2048", nil, HealthCheckConfig(path: "/" + String(repeating: "a", count: 2047))),
    .healthCheck("path 2049", "path", HealthCheckConfig(path: "/" + String(repeating: "a", count: 2048))),
    .healthCheck("matcher ok", nil, HealthCheckConfig(matcher: Matcher(httpCode: "200-299,302"))),
    .healthCheck("matcher letters", "matcher.httpCode", HealthCheckConfig(matcher: Matcher(httpCode: "2xx"))),
    .healthCheck("matcher 2001", "matcher.httpCode",
        HealthCheckConfig(matcher: Matcher(httpCode: String(repeating: "2", count: 2001)))),
]

private func tags(_ count: Int) -> [String: String] {
    Dictionary(uniqueKeysWithValues: (0..<count).map { ("k\($0)", "v") })
}

private let tagAndTokenCases: [CreateCase] = [
    .tagged("200 tags", tags(200), true), .tagged("201 tags", tags(201), false),
    .tagged("key 128", [String(repeating: "k", count: 128): "v"], true),
    .tagged("key 129", [String(repeating: "k", count: 129): "v"], false),
    .tagged("empty key", ["": "v"], false), .tagged("aws: key", ["aws:owner": "v"], false),
    .tagged("value 256", ["k": String(repeating: "v", count: 256)], true),
    .tagged("value 257", ["k": String(repeating: "v", count: 257)], false),
    .tagged("empty value", ["k": ""], true),
    .token("token 1", "t", true), .token("token 64", String(repeating: "t", count: 64), true),
    .token("token 65", String(repeating: "t", count: 65), false), .token("token empty", "", false),
    .token("token spaces", "   ", false), .token("token with space", " a b ", true),
]

@Suite("Lattice CreateTargetGroup")
struct LatticeCreateTargetGroupTests {
    @Test("validation", arguments: nameCases + configCases + healthCheckCases + tagAndTokenCases)
    func validation(_ testCase: CreateCase) throws {
        let fixture = LatticeFixture()
        let error = fixture.createError(testCase.input)
        guard let field = testCase.field else {
            #expect(error == nil)
            #expect(fixture.ledger.count == 1)
            return
        }
        let refused = try #require(error)
        #expect(refused.code == "ValidationException")
        #expect(refused.httpStatus == 400)
        #expect(refused.fields["reason"] == "fieldValidationFailed")
        #expect(refused.fieldNames.contains(field))
        #expect(refused.message.contains(field))
        #expect(fixture.ledger.count == 0)
    }

    @Test("every violation is named in one ValidationException")
    func severalViolations() throws {
        let fixture = LatticeFixture()
        let input = CreateTargetGroupInput(
            name: "-x", type: "IP", config: TargetGroupConfig(port: 0, protocol: "FTP", vpcIdentifier: vpc))
        let error = try #require(fixture.createError(input))
        #expect(error.fieldNames == ["name", "config.port", "config.protocol"])
        #expect(error.message.hasPrefix("3 validation errors detected"))
    }

    @Test("id, ARN, status, timestamps and defaults")
    func created() throws {
        let fixture = LatticeFixture()
        fixture.clock.advance(by: 5_000_000_000)
        let output = try fixture.emulator.createTargetGroup(
            ipGroupInput(config: TargetGroupConfig(protocol: "HTTPS", vpcIdentifier: vpc)))
        let id = try #require(output.id)
        #expect(LatticeSyntax.isTargetGroupID(id.utf8))
        #expect(output.arn == "arn:aws:vpc-lattice:us-east-1:123456789012:targetgroup/\(id)")
        #expect(output.status == "ACTIVE")
        #expect(output.config?.port == 443)
        #expect(output.config?.protocolVersion == "HTTP1")
        #expect(output.config?.ipAddressType == "IPV4")
        fixture.clock.advance(by: 1_000_000_000)
        let got = try fixture.emulator.getTargetGroup(GetTargetGroupInput(targetGroupIdentifier: id))
        #expect(got.createdAt == fixture.clock.date(of: Instant(nanoseconds: 5_000_000_000)))
        #expect(got.lastUpdatedAt == got.createdAt)
        #expect(got.config == output.config)
        #expect(got.name == "web" && got.type == "IP" && got.status == "ACTIVE")
        let byARN = try fixture.emulator.getTargetGroup(GetTargetGroupInput(targetGroupIdentifier: output.arn ?? ""))
        #expect(byARN == got)

        let lambda = try fixture.emulator.createTargetGroup(CreateTargetGroupInput(name: "fnc", type: "LAMBDA"))
        #expect(lambda.config == TargetGroupConfig(lambdaEventStructureVersion: "V1"))
    }

    @Test("the ledger records the creation with token, digest and context")
    func ledgerEntry() throws {
        let fixture = LatticeFixture()
        let input = ipGroupInput(token: "tok-1", tags: ["env": "test"])
        let context = RequestContext(requestId: "req-1", invocationId: "inv-1", attempt: 2)
        let output = try fixture.emulator.createTargetGroup(input, context: context)
        let entry = try #require(fixture.ledger.snapshot.first)
        #expect(entry.service == .vpcLattice)
        #expect(entry.operation == "CreateTargetGroup")
        #expect(entry.change == .created)
        #expect(entry.resourceType == "TargetGroup")
        #expect(entry.resourceId == output.id)
        #expect(entry.token == "tok-1")
        #expect(entry.parameterDigest == TargetGroupParameters(input).digest)
        #expect(entry.parameterDigest?.count == 16)
        #expect(entry.requestId == "req-1" && entry.invocationId == "inv-1" && entry.attempt == 2)
    }

    @Test("same token and parameters: the identical answer and no new resource")
    func tokenRepeat() throws {
        let fixture = LatticeFixture()
        let first = try fixture.emulator.createTargetGroup(ipGroupInput(token: "tok", tags: [:]))
        fixture.clock.advance(by: 1_000_000_000)
        let again = try fixture.emulator.createTargetGroup(ipGroupInput(token: "tok", tags: nil))
        #expect(again == first)
        #expect(fixture.ledger.count == 1)
        #expect(try fixture.emulator.listTargetGroups(ListTargetGroupsInput()).items?.count == 1)
    }

    @Test("same token, other parameters: ConflictException and nothing created")
    func tokenConflict() throws {
        let fixture = LatticeFixture()
        let first = try fixture.emulator.createTargetGroup(ipGroupInput(token: "tok"))
        let changed = [
            ipGroupInput(name: "other", token: "tok"),
            ipGroupInput(token: "tok", config: TargetGroupConfig(port: 81, protocol: "HTTP", vpcIdentifier: vpc)),
            ipGroupInput(token: "tok", tags: ["k": "v"]),
        ]
        for input in changed {
            let error = try #require(fixture.createError(input))
            #expect(error.code == "ConflictException")
            #expect(error.httpStatus == 409)
            #expect(error.fields["resourceId"] == .string(first.id ?? ""))
            #expect(error.fields["resourceType"] == "TARGET_GROUP")
        }
        #expect(fixture.ledger.count == 1)
        // The refused name was not taken.
        #expect(throws: Never.self) { try fixture.emulator.createTargetGroup(ipGroupInput(name: "other")) }
        #expect(TargetGroupParameters(changed[1]).digest != TargetGroupParameters(ipGroupInput(token: "x")).digest)
    }

    @Test("a name in use is a ConflictException naming the existing group", arguments: [nil, "tok-2"])
    func nameConflict(token: String?) throws {
        let fixture = LatticeFixture()
        let first = try fixture.emulator.createTargetGroup(ipGroupInput(token: "tok-1"))
        let error = try #require(fixture.createError(ipGroupInput(token: token)))
        #expect(error.code == "ConflictException" && error.httpStatus == 409)
        #expect(error.fields["resourceId"] == .string(first.id ?? ""))
        #expect(fixture.ledger.count == 1)
    }

    @Test("past the target group quota: ServiceQuotaExceededException (402)")
    func quota() throws {
        let fixture = LatticeFixture { $0.targetGroupQuota = 2 }
        let first = try fixture.emulator.createTargetGroup(ipGroupInput(name: "one", token: "t1"))
        try fixture.group("two")
        let error = try #require(fixture.createError(ipGroupInput(name: "three")))
        #expect(error.code == "ServiceQuotaExceededException")
        #expect(error.httpStatus == 402)
        #expect(error.fields["resourceType"] == "TARGET_GROUP")
        #expect(error.fields["serviceCode"] == "vpc-lattice")
        #expect(error.fields["quotaCode"] == .string(LatticeQuotaCode.targetGroups))
        // A retry of a call that already succeeded still gets its answer at the quota.
        #expect(try fixture.emulator.createTargetGroup(ipGroupInput(name: "one", token: "t1")) == first)
        #expect(fixture.ledger.count == 2)
    }

    @Test("handle dispatches every operation to its typed method")
    func dispatch() throws {
        let fixture = LatticeFixture()
        let response = try fixture.emulator.handle(.createTargetGroup(ipGroupInput()), context: RequestContext())
        guard case .createTargetGroup(let created) = response else {
            Issue.record("wrong response \(response)")
            return
        }
        let id = created.id ?? ""
        let requests: [LatticeRequest] = [
            .registerTargets(RegisterTargetsInput(targetGroupIdentifier: id, targets: [Target(id: "10.0.0.1")])),
            .listTargets(ListTargetsInput(targetGroupIdentifier: id)),
            .deregisterTargets(DeregisterTargetsInput(targetGroupIdentifier: id, targets: [Target(id: "10.0.0.1")])),
            .getTargetGroup(GetTargetGroupInput(targetGroupIdentifier: id)),
            .listTargetGroups(ListTargetGroupsInput()),
        ]
        for request in requests {
            let answer = try fixture.emulator.handle(request, context: RequestContext())
            #expect(answer.operation == request.operation)
            #expect(answer.operationName == request.operationName)
        }
        #expect(LatticeRequest.createTargetGroup(ipGroupInput()).operationName == "CreateTargetGroup")
        #expect(fixture.ledger.snapshot.map(\.change) == [.created, .registered, .deregistered])
    }
}
