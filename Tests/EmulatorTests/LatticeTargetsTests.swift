import AWSModel
import BenchCore
import Testing
@testable import Emulator

/// A target id and whether a group of `type` (with `ipAddressType`) takes it.
struct TargetIDCase: Sendable, CustomTestStringConvertible {
    let type: String
    let ipAddressType: String?
    let id: String
    let valid: Bool

    var testDescription: String { "\(type)\(ipAddressType.map { "/" + $0 } ?? "") '\(id.prefix(40))' \(valid)" }

    init(_ type: String, _ id: String, _ valid: Bool, ipAddressType: String? = nil) {
        self.type = type
        self.id = id
        self.valid = valid
        self.ipAddressType = ipAddressType
    }
}

private let targetIDCases: [TargetIDCase] = [
    .init("INSTANCE", "i-0123abcd", true), .init("INSTANCE", "i-0123456789abcdef0", true),
    .init("INSTANCE", "i-0123abc", false), .init("INSTANCE", "i-0123456789ABCDEF0", false),
    .init("INSTANCE", "10.0.0.1", false),
    .init("IP", "10.0.0.1", true), .init("IP", "10.0.0.256", false), .init("IP", "::1", false),
    .init("IP", "2001:db8::1", true, ipAddressType: "IPV6"), .init("IP", "10.0.0.1", false, ipAddressType: "IPV6"),
    .init("LAMBDA", "arn:aws:lambda:us-east-1:123456789012:function:handler", true),
    .init("LAMBDA", "arn:aws:lambda:us-east-1:123456789012:function:handler:$LATEST", true),
    .init("LAMBDA", "arn:aws:lambda:us-east-1:123456789012:function:handler:live", true),
    .init("LAMBDA", "arn:aws:lambda:us-east-1:123456789012:layer:handler", false),
    .init("LAMBDA", "arn:aws:lambda:us-east-1:12345678901:function:handler", false),
    .init("LAMBDA", "handler", false),
    .init("ALB", "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/my-alb/50dc6c495c0c9188", true),
    .init("ALB", "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/net/my-nlb/50dc6c495c0c9188", false),
    .init("ALB", "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/-alb/50dc6c495c0c9188", false),
    .init("ALB", "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/my-alb/50dc6c495c0c918", false),
    .init("IP", "", false), .init("IP", String(repeating: "1", count: 201), false),
]

private let lambdaARN = "arn:aws:lambda:us-east-1:123456789012:function:handler"

@Suite("Lattice RegisterTargets and DeregisterTargets")
struct LatticeTargetsTests {
    @Test("target ids are checked against the group type", arguments: targetIDCases)
    func targetIDs(_ testCase: TargetIDCase) throws {
        let fixture = LatticeFixture()
        var config = defaultConfig(for: testCase.type)
        config?.ipAddressType = testCase.ipAddressType
        let group = try fixture.group(type: testCase.type, config: config)
        let output = try fixture.register(group, [Target(id: testCase.id)])
        if testCase.valid {
            #expect(output.successful?.map(\.id) == [testCase.id])
            #expect(output.unsuccessful?.isEmpty == true)
        } else {
            #expect(output.successful?.isEmpty == true)
            #expect(output.unsuccessful?.first?.failureCode == LatticeFailureCode.invalidTargetId)
            #expect(output.unsuccessful?.first?.id == testCase.id)
        }
    }

    @Test("registered targets are listed and recorded; the port defaults to the group's")
    func register() throws {
        let fixture = LatticeFixture()
        let group = try fixture.group()
        let context = RequestContext(requestId: "r-7", attempt: 1)
        let output = try fixture.emulator.registerTargets(
            RegisterTargetsInput(
                targetGroupIdentifier: group, targets: [Target(id: "10.0.0.1"), Target(id: "10.0.0.2", port: 9000)]),
            context: context)
        #expect(output.successful == [Target(id: "10.0.0.1", port: 8080), Target(id: "10.0.0.2", port: 9000)])
        #expect(
            try fixture.listAll(group) == [
                TargetSummary(id: "10.0.0.1", port: 8080, status: "HEALTHY"),
                TargetSummary(id: "10.0.0.2", port: 9000, status: "HEALTHY"),
            ])
        let entries = fixture.ledger.snapshot.dropFirst()
        #expect(entries.map(\.resourceId) == ["10.0.0.1:8080", "10.0.0.2:9000"])
        #expect(entries.allSatisfy {
            $0.change == .registered && $0.resourceType == "Target" && $0.parentId == group
                && $0.operation == "RegisterTargets" && $0.requestId == "r-7"
        })
    }

    @Test("registering a registered target succeeds without a new ledger entry")
    func registerAgain() throws {
        let fixture = LatticeFixture()
        let group = try fixture.group()
        _ = try fixture.register(group, [Target(id: "10.0.0.1"), Target(id: "10.0.0.1", port: 8080)])
        let again = try fixture.register(group, [Target(id: "10.0.0.1")])
        #expect(again.successful == [Target(id: "10.0.0.1", port: 8080)])
        #expect(fixture.ledger.count == 2)
        #expect(try fixture.listAll(group).count == 1)
    }

    @Test("the batch holds 1-100 targets", arguments: [(0, false), (1, true), (100, true), (101, false)])
    func batchSize(count: Int, valid: Bool) throws {
        let fixture = LatticeFixture()
        let group = try fixture.group()
        let targets = (0..<count).map { Target(id: "10.0.\($0 / 250).\($0 % 250 + 1)") }
        for deregister in [false, true] {
            let error = serviceError { () throws(ServiceError) in
                if deregister {
                    _ = try fixture.emulator.deregisterTargets(
                        DeregisterTargetsInput(targetGroupIdentifier: group, targets: targets))
                } else {
                    _ = try fixture.emulator.registerTargets(
                        RegisterTargetsInput(targetGroupIdentifier: group, targets: targets))
                }
            }
            if valid {
                #expect(error == nil)
            } else {
                #expect(error?.code == "ValidationException" && error?.httpStatus == 400)
                #expect(error?.fieldNames == ["targets"])
                #expect(error?.message.contains("1-100") == true)
            }
        }
    }

    @Test("ports outside 1-65535 are unsuccessful, the rest succeed (partial success)")
    func ports() throws {
        let fixture = LatticeFixture()
        let group = try fixture.group()
        let output = try fixture.register(
            group,
            [Target(id: "10.0.0.1", port: 0), Target(id: "10.0.0.2", port: 1), Target(id: "10.0.0.3", port: 65535),
             Target(id: "10.0.0.4", port: 65536), Target(id: "nope")])
        #expect(output.successful?.map(\.port) == [1, 65535])
        #expect(output.unsuccessful?.map(\.failureCode) == ["InvalidPort", "InvalidPort", "InvalidTargetId"])
        #expect(output.unsuccessful?.map(\.port) == [0, 65536, nil])
        #expect(output.unsuccessful?.allSatisfy { $0.failureMessage?.isEmpty == false } == true)
        #expect(fixture.ledger.count == 3)
    }

    @Test("a LAMBDA group holds one target and its targets have no port")
    func lambda() throws {
        let fixture = LatticeFixture()
        let group = try fixture.group("fnc", type: "LAMBDA")
        let first = try fixture.register(group, [Target(id: lambdaARN)])
        #expect(first.successful == [Target(id: lambdaARN)])
        let again = try fixture.register(group, [Target(id: lambdaARN)])
        #expect(again.successful == [Target(id: lambdaARN)])
        let second = try fixture.register(group, [Target(id: lambdaARN + "2"), Target(id: lambdaARN, port: 80)])
        #expect(second.successful?.isEmpty == true)
        #expect(second.unsuccessful?.map(\.failureCode) == ["TargetLimitExceeded", "InvalidPort"])
        #expect(fixture.ledger.snapshot.last?.resourceId == lambdaARN)
        #expect(fixture.ledger.count == 2)
        #expect(try fixture.listAll(group) == [TargetSummary(id: lambdaARN, status: "HEALTHY")])
    }

    @Test("past the per-group quota targets are unsuccessful")
    func targetQuota() throws {
        let fixture = LatticeFixture { $0.targetsPerGroupQuota = 2 }
        let group = try fixture.group()
        let output = try fixture.register(
            group, [Target(id: "10.0.0.1"), Target(id: "10.0.0.2"), Target(id: "10.0.0.3"), Target(id: "10.0.0.1")])
        #expect(output.successful?.map(\.id) == ["10.0.0.1", "10.0.0.2", "10.0.0.1"])
        #expect(output.unsuccessful?.map(\.failureCode) == [LatticeFailureCode.serviceQuotaExceeded])
        #expect(try fixture.listAll(group).count == 2)
    }

    @Test("groups are found by id or by their own ARN only")
    func identifiers() throws {
        let fixture = LatticeFixture()
        let group = try fixture.group()
        let arn = "arn:aws:vpc-lattice:us-east-1:123456789012:targetgroup/\(group)"
        #expect(try fixture.register(arn, [Target(id: "10.0.0.1")]).successful?.count == 1)
        let notFound = [
            "tg-00000000000000000",
            "arn:aws:vpc-lattice:us-east-1:999999999999:targetgroup/\(group)",
            "arn:aws:vpc-lattice:eu-west-1:123456789012:targetgroup/\(group)",
        ]
        for identifier in notFound {
            let error = fixture.registerError(identifier, [Target(id: "10.0.0.1")])
            #expect(error?.code == "ResourceNotFoundException" && error?.httpStatus == 404)
            #expect(error?.fields["resourceType"] == "TARGET_GROUP")
            #expect(error?.fields["resourceId"] == .string(identifier))
            let get = serviceError { () throws(ServiceError) in
                try fixture.emulator.getTargetGroup(GetTargetGroupInput(targetGroupIdentifier: identifier))
            }
            #expect(get?.code == "ResourceNotFoundException")
        }
        let malformed = [
            "tg-0123456789abcdef", "tg-0123456789ABCDEFG", "arn:aws:vpc-lattice:us-east-1:1:targetgroup/\(group)",
            String(repeating: "x", count: 2049),
        ]
        for identifier in malformed {
            let error = fixture.registerError(identifier, [Target(id: "10.0.0.1")])
            #expect(error?.code == "ValidationException")
            #expect(error?.fieldNames == ["targetGroupIdentifier"])
        }
        #expect(fixture.ledger.count == 2)
    }

    @Test("deregistering removes targets and records it; unknown targets succeed without a change")
    func deregister() throws {
        let fixture = LatticeFixture()
        let group = try fixture.group()
        _ = try fixture.register(group, [Target(id: "10.0.0.1"), Target(id: "10.0.0.2", port: 9000)])
        let output = try fixture.emulator.deregisterTargets(
            DeregisterTargetsInput(
                targetGroupIdentifier: group,
                targets: [Target(id: "10.0.0.1"), Target(id: "10.0.0.9"), Target(id: "bad"),
                          Target(id: "10.0.0.2", port: 0)]))
        #expect(output.successful == [Target(id: "10.0.0.1", port: 8080), Target(id: "10.0.0.9", port: 8080)])
        #expect(output.unsuccessful?.map(\.failureCode) == ["InvalidTargetId", "InvalidPort"])
        #expect(try fixture.listAll(group) == [TargetSummary(id: "10.0.0.2", port: 9000, status: "HEALTHY")])
        let last = try #require(fixture.ledger.snapshot.last)
        #expect(last.change == .deregistered && last.resourceId == "10.0.0.1:8080" && last.parentId == group)
        #expect(last.operation == "DeregisterTargets")
        #expect(fixture.ledger.count == 4)
        let unknown = serviceError { () throws(ServiceError) in
            try fixture.emulator.deregisterTargets(
                DeregisterTargetsInput(
                    targetGroupIdentifier: "tg-00000000000000000", targets: [Target(id: "10.0.0.1")]))
        }
        #expect(unknown?.code == "ResourceNotFoundException")
    }
}

/// The model's string lengths are in Unicode scalars; the emulator decides most from the UTF-8 byte count
/// (`String.hasUnicodeScalarCount(in:)`), so multi-byte ids must land on the same side of each limit as ASCII ones,
/// and a refusal must count scalars.
@Suite("Lattice lengths in Unicode scalars")
struct LatticeLengthTests {
    @Test("a target id of 1-200 characters; a refusal says how many it has", arguments: [
        ("1", 201, "id must be 1-200 characters long, got 201"),
        ("é", 201, "id must be 1-200 characters long, got 201"),
        ("é", 100, "is not an IPv4 address"),  // 200 bytes: within the length, refused for its form
        ("é", 150, "is not an IPv4 address"),  // 300 bytes, 150 characters: within the length too
        ("1", 0, "id must be 1-200 characters long, got 0"),
    ])
    func targetIdLength(character: String, count: Int, message: String) throws {
        let fixture = LatticeFixture()
        let group = try fixture.group()
        let output = try fixture.register(group, [Target(id: String(repeating: character, count: count))])
        let failure = try #require(output.unsuccessful?.first)
        #expect(failure.failureCode == LatticeFailureCode.invalidTargetId)
        #expect(failure.failureMessage?.contains(message) == true, "\(failure.failureMessage ?? "")")
    }

    @Test("a target group identifier of 17-2048 characters, counted in characters, not bytes", arguments: [
        (String(repeating: "é", count: 16), "got 16"),  // 32 bytes, 16 characters
        (String(repeating: "é", count: 2049), "got 2049"),
        (String(repeating: "x", count: 16), "got 16"),
    ])
    func identifierLength(identifier: String, count: String) throws {
        let fixture = LatticeFixture()
        let error = try #require(fixture.registerError(identifier, [Target(id: "10.0.0.1")]))
        #expect(error.fieldNames == ["targetGroupIdentifier"])
        #expect(error.message.contains("must be 17-2048 characters long, \(count)"), "\(error.message)")
    }

    @Test("CreateTargetGroup's name, tag keys and tag values are measured in characters", arguments: [
        (ipGroupInput(name: "éé"), "name must be 3-128 characters long, got 2"),  // 4 bytes, 2 characters
        (ipGroupInput(tags: [String(repeating: "é", count: 129): "v"]), "must be 1-128 characters long, got 129"),
        (ipGroupInput(tags: ["k": String(repeating: "é", count: 257)]), "0-256 characters long, got 257"),
        (ipGroupInput(tags: [String(repeating: "é", count: 128): String(repeating: "é", count: 256)]), nil),
    ] as [(CreateTargetGroupInput, String?)])
    func createLengths(input: CreateTargetGroupInput, message: String?) throws {
        let fixture = LatticeFixture()
        let error = fixture.createError(input)
        if let message {
            #expect(error?.message.contains(message) == true, "\(error?.message ?? "accepted")")
        } else {
            #expect(error == nil)
        }
    }
}
