import AWSModel
import BenchCore
import Testing
@testable import Emulator

@Suite("Lattice ListTargetGroups and ListTargets")
struct LatticeListTests {
    /// Creates `count` groups, alternating VPCs and types, and returns their ids in creation order.
    private func groups(_ fixture: LatticeFixture, _ count: Int) throws -> [String] {
        try (0..<count).map { index in
            let type = index.isMultiple(of: 2) ? "IP" : "INSTANCE"
            let vpc = index.isMultiple(of: 3) ? "vpc-aaaaaaaa" : "vpc-bbbbbbbb"
            return try fixture.group(
                "group-\(index)", type: type, config: TargetGroupConfig(port: 80, protocol: "HTTP", vpcIdentifier: vpc))
        }
    }

    /// Every page of `ListTargetGroups` for `input`, following `nextToken`.
    private func pages(_ fixture: LatticeFixture, _ input: ListTargetGroupsInput) throws -> [[String]] {
        var input = input
        var pages: [[String]] = []
        repeat {
            let page = try fixture.emulator.listTargetGroups(input)
            pages.append((page.items ?? []).compactMap(\.id))
            input.nextToken = page.nextToken
        } while input.nextToken != nil && pages.count < 100
        return pages
    }

    @Test("pages follow creation order and end without a token")
    func targetGroupPages() throws {
        let fixture = LatticeFixture()
        let ids = try groups(fixture, 7)
        let result = try pages(fixture, ListTargetGroupsInput(maxResults: 3))
        #expect(result.map(\.count) == [3, 3, 1])
        #expect(result.flatMap { $0 } == ids)
        #expect(try pages(fixture, ListTargetGroupsInput(maxResults: 7)) == [ids])
        #expect(try pages(fixture, ListTargetGroupsInput()) == [ids])
    }

    @Test("filters by VPC and type, across pages")
    func targetGroupFilters() throws {
        let fixture = LatticeFixture()
        let ids = try groups(fixture, 7)
        let inA = try pages(fixture, ListTargetGroupsInput(maxResults: 1, vpcIdentifier: "vpc-aaaaaaaa"))
        #expect(inA.flatMap { $0 } == [ids[0], ids[3], ids[6]])
        let instances = try pages(fixture, ListTargetGroupsInput(maxResults: 2, targetGroupType: "INSTANCE"))
        #expect(instances.flatMap { $0 } == [ids[1], ids[3], ids[5]])
        let both = try fixture.emulator.listTargetGroups(
            ListTargetGroupsInput(vpcIdentifier: "vpc-aaaaaaaa", targetGroupType: "IP"))
        #expect(both.items?.compactMap(\.id) == [ids[0], ids[6]])
        let summary = try #require(both.items?.first)
        #expect(summary.port == 80 && summary.protocol == "HTTP" && summary.vpcIdentifier == "vpc-aaaaaaaa")
        #expect(summary.status == "ACTIVE" && summary.ipAddressType == "IPV4" && summary.name == "group-0")
    }

    @Test("maxResults is 1-100", arguments: [(0, false), (1, true), (100, true), (101, false)])
    func maxResults(value: Int, valid: Bool) throws {
        let fixture = LatticeFixture()
        let group = try fixture.group()
        let errors = [
            serviceError { () throws(ServiceError) in
                try fixture.emulator.listTargetGroups(ListTargetGroupsInput(maxResults: value))
            },
            serviceError { () throws(ServiceError) in
                try fixture.emulator.listTargets(ListTargetsInput(targetGroupIdentifier: group, maxResults: value))
            },
        ]
        for error in errors {
            #expect((error == nil) == valid)
            if !valid { #expect(error?.fieldNames == ["maxResults"] && error?.httpStatus == 400) }
        }
    }

    @Test("bad filters and foreign or malformed tokens are ValidationExceptions")
    func badInput() throws {
        let fixture = LatticeFixture()
        _ = try groups(fixture, 3)
        let token = try #require(try fixture.emulator.listTargetGroups(ListTargetGroupsInput(maxResults: 1)).nextToken)
        let cases: [(ListTargetGroupsInput, String)] = [
            (ListTargetGroupsInput(vpcIdentifier: "vpc-1"), "vpcIdentifier"),
            (ListTargetGroupsInput(targetGroupType: "FOO"), "targetGroupType"),
            (ListTargetGroupsInput(nextToken: "garbage"), "nextToken"),
            (ListTargetGroupsInput(nextToken: ""), "nextToken"),
            (ListTargetGroupsInput(nextToken: token, targetGroupType: "IP"), "nextToken"),
        ]
        for (input, field) in cases {
            let error = serviceError { () throws(ServiceError) in try fixture.emulator.listTargetGroups(input) }
            #expect(error?.code == "ValidationException")
            #expect(error?.fieldNames == [field])
        }
        #expect(try fixture.emulator.listTargetGroups(ListTargetGroupsInput(nextToken: token)).items?.count == 2)
    }

    @Test("target pages follow registration order and hold their place across deregistrations")
    func targetPages() throws {
        let fixture = LatticeFixture()
        let group = try fixture.group()
        let targets = (1...25).map { Target(id: "10.0.0.\($0)") }
        _ = try fixture.register(group, targets)
        let first = try fixture.emulator.listTargets(ListTargetsInput(targetGroupIdentifier: group, maxResults: 10))
        #expect(first.items.map(\.id) == targets.prefix(10).map(\.id))
        // Removing an already listed target does not shift the next page.
        _ = try fixture.emulator.deregisterTargets(
            DeregisterTargetsInput(targetGroupIdentifier: group, targets: [targets[0]]))
        var ids = first.items.compactMap(\.id)
        var token = first.nextToken
        while let next = token {
            let page = try fixture.emulator.listTargets(
                ListTargetsInput(targetGroupIdentifier: group, maxResults: 10, nextToken: next))
            ids += page.items.compactMap(\.id)
            token = page.nextToken
        }
        #expect(ids == targets.map(\.id))
        let other = try fixture.group("other")
        let foreign = serviceError { () throws(ServiceError) in
            try fixture.emulator.listTargets(ListTargetsInput(targetGroupIdentifier: other, nextToken: first.nextToken))
        }
        #expect(foreign?.fieldNames == ["nextToken"])
    }

    @Test("the targets filter holds at most 20 and matches by id, and by port when given")
    func targetFilter() throws {
        let fixture = LatticeFixture()
        let group = try fixture.group()
        _ = try fixture.register(
            group, [Target(id: "10.0.0.1"), Target(id: "10.0.0.1", port: 9000), Target(id: "10.0.0.2")])
        func list(_ filter: [Target]) throws(ServiceError) -> [TargetSummary] {
            try fixture.emulator.listTargets(ListTargetsInput(targetGroupIdentifier: group, targets: filter)).items
        }
        #expect(try list([Target(id: "10.0.0.1")]).map(\.port) == [8080, 9000])
        #expect(try list([Target(id: "10.0.0.1", port: 9000)]).map(\.port) == [9000])
        #expect(try list([Target(id: "10.0.0.9")]).isEmpty)
        #expect(try list([]).count == 3)
        let twenty = (1...20).map { Target(id: "10.0.1.\($0)") }
        #expect(try list(twenty).isEmpty)
        let error = serviceError { () throws(ServiceError) in try list(twenty + [Target(id: "10.0.0.1")]) }
        #expect(error?.code == "ValidationException" && error?.fieldNames == ["targets"])
        let badPort = serviceError { () throws(ServiceError) in try list([Target(id: "10.0.0.1", port: 0)]) }
        #expect(badPort?.fieldNames == ["targets[0].port"])
        let missing = serviceError { () throws(ServiceError) in
            try fixture.emulator.listTargets(ListTargetsInput(targetGroupIdentifier: "tg-00000000000000000"))
        }
        #expect(missing?.code == "ResourceNotFoundException" && missing?.httpStatus == 404)
    }
}
