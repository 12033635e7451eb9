import AWSModel
import BenchCore
import Emulator
import Foundation
import Testing

@Suite("Cloud Map determinism, concurrency and wire names")
struct CloudMapDeterminismTests {
    /// Runs a fixed request sequence and answers the ids and the ledger it produced.
    private func run(seed: UInt64) throws -> (ids: [String], ledger: [LedgerEntry]) {
        let fixture = try CloudMapFixture(seed: seed)
        var ids = [fixture.namespaceId, fixture.serviceId]
        ids.append(try fixture.register("i-1"))
        ids.append(try fixture.register("i-2", token: "t2"))
        fixture.finishOperations()
        ids.append(try fixture.register("i-1"))
        ids.append(
            try fixture.emulator.getInstance(GetInstanceInput(serviceId: fixture.serviceId, instanceId: "i-1"))
                .instance.creatorRequestId ?? "")
        fixture.emulator.settle()
        return (ids, fixture.ledger.snapshot)
    }

    @Test("the same seed gives the same ids and ledger; another seed other ids")
    func sameSeedSameRun() throws {
        let first = try run(seed: 42)
        let second = try run(seed: 42)
        #expect(first.ids == second.ids)
        #expect(first.ledger == second.ledger)
        let other = try run(seed: 43)
        #expect(Set(other.ids).isDisjoint(with: first.ids))
        #expect(isId(first.ids[0], prefix: "ns-", count: 16) && isId(first.ids[1], prefix: "srv-", count: 16))
        #expect(first.ids[2...4].allSatisfy(isOperationId))
    }

    @Test("many tasks registering distinct instances at once: each is present exactly once")
    func concurrentRegistrations() async throws {
        let fixture = try CloudMapFixture()
        let emulator = fixture.emulator
        let serviceId = fixture.serviceId
        let tasks = 8
        let perTask = 50
        let operationIds = try await withThrowingTaskGroup(of: [String].self) { group in
            for task in 0..<tasks {
                group.addTask {
                    try (0..<perTask).map { index in
                        try emulator.registerInstance(
                            RegisterInstanceInput(
                                serviceId: serviceId, instanceId: "i-\(task)-\(index)",
                                creatorRequestId: "t-\(task)-\(index)",
                                attributes: ["AWS_INSTANCE_IPV4": "10.0.\(task).\(index)"])
                        ).operationId
                    }
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
        #expect(Set(operationIds).count == tasks * perTask)
        let listed = try allItems { token in
            let page = try emulator.listInstances(ListInstancesInput(serviceId: serviceId, nextToken: token))
            return (page.instances.map(\.id), page.nextToken)
        }
        #expect(listed.count == tasks * perTask)
        #expect(Set(listed).count == tasks * perTask)
        #expect(fixture.entries(.registered).count == tasks * perTask)
        let sequences = fixture.ledger.snapshot.map(\.sequence)
        #expect(sequences == Array(1...UInt64(sequences.count)))
    }

    @Test("members encode with the PascalCase wire names and timestamps decode from epoch seconds")
    func wireNames() throws {
        let input = RegisterInstanceInput(
            serviceId: "srv-1", instanceId: "i-1", creatorRequestId: "t", attributes: ["AWS_INSTANCE_PORT": "80"])
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = String(decoding: try encoder.encode(input), as: UTF8.self)
        let expected = #"{"Attributes":{"AWS_INSTANCE_PORT":"80"},"CreatorRequestId":"t","#
            + #""InstanceId":"i-1","ServiceId":"srv-1"}"#
        #expect(json == expected)

        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .secondsSince1970
        let body =
            #"{"Operation":{"Id":"op","Type":"REGISTER_INSTANCE","Status":"PENDING","CreateDate":1516925490.087,"#
            + #""Targets":{"INSTANCE":"i-1"}}}"#
        let output = try decoder.decode(GetOperationOutput.self, from: Data(body.utf8))
        #expect(output.operation.status == "PENDING" && output.operation.targets == ["INSTANCE": "i-1"])
        #expect(output.operation.createDate == Date(timeIntervalSince1970: 1516925490.087))
        #expect(CloudMapRequest.registerInstance(input).operationName == "RegisterInstance")
    }
}
