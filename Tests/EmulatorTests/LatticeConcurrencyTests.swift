import AWSModel
import BenchCore
import Testing
@testable import Emulator

@Suite("Lattice determinism and concurrency")
struct LatticeConcurrencyTests {
    private func ids(seed: UInt64) throws -> [String] {
        let fixture = LatticeFixture(seed: seed)
        return try (0..<5).map { try fixture.group("group-\($0)") }
    }

    @Test("the same seed gives the same ids; another seed other ids")
    func determinism() throws {
        let first = try ids(seed: 42)
        #expect(try ids(seed: 42) == first)
        #expect(try ids(seed: 43) != first)
        #expect(Set(first).count == 5)
    }

    @Test("concurrent creates with shared tokens: one group per token, every caller gets its id")
    func concurrentCreates() async throws {
        let fixture = LatticeFixture()
        let emulator = fixture.emulator
        let answers = await withTaskGroup(of: (Int, String?).self) { tasks in
            for call in 0..<200 {
                let group = call % 50  // four callers per token
                tasks.addTask {
                    let input = ipGroupInput(name: "group-\(group)", token: "token-\(group)")
                    return (group, try? emulator.createTargetGroup(input).id)
                }
            }
            var answers: [Int: Set<String?>] = [:]
            for await (group, id) in tasks { answers[group, default: []].insert(id) }
            return answers
        }
        #expect(answers.count == 50)
        #expect(answers.values.allSatisfy { $0.count == 1 && !$0.contains(nil) })
        let listed = try emulator.listTargetGroups(ListTargetGroupsInput()).items ?? []
        #expect(listed.count == 50)
        let created = fixture.ledger.snapshot
        #expect(created.count == 50)
        #expect(Set(created.compactMap(\.token)).count == 50)
        #expect(created.map(\.sequence) == (1...50).map(UInt64.init))
    }

    @Test("concurrent overlapping registrations: nothing lost, nothing recorded twice")
    func concurrentRegistrations() async throws {
        let fixture = LatticeFixture()
        let group = try fixture.group()
        let emulator = fixture.emulator
        await withTaskGroup(of: Void.self) { tasks in
            for batch in 0..<40 {
                tasks.addTask {
                    // Batches overlap: batch b registers 10.0.<b/2>.1-20, so each address comes twice.
                    let targets = (1...20).map { Target(id: "10.0.\(batch / 2).\($0)") }
                    let input = RegisterTargetsInput(targetGroupIdentifier: group, targets: targets)
                    _ = try? emulator.registerTargets(input)
                }
            }
        }
        let listed = try emulator.listedIds(group)
        #expect(listed.count == 400)
        #expect(Set(listed).count == 400)
        let registered = fixture.ledger.snapshot.filter { $0.change == .registered }
        #expect(registered.count == 400)
        #expect(Set(registered.map(\.resourceId)).count == 400)
    }

    @Test("registrations on several groups at once, while more groups are created: each keeps exactly its own")
    func concurrentGroups() async throws {
        let fixture = LatticeFixture()
        let groups = try (0..<4).map { try fixture.group("busy-\($0)") }
        let emulator = fixture.emulator
        await withTaskGroup(of: Void.self) { tasks in
            for call in 0..<80 {
                tasks.addTask {
                    // Group g gets 10.<g>.<b>.1-10 for 20 batches b; every fifth call also creates a group.
                    let group = call % 4
                    let targets = (1...10).map { Target(id: "10.\(group).\(call / 4).\($0)") }
                    _ = try? emulator.registerTargets(
                        RegisterTargetsInput(targetGroupIdentifier: groups[group], targets: targets))
                    if call % 5 == 0 { _ = try? emulator.createTargetGroup(ipGroupInput(name: "new-\(call)")) }
                }
            }
        }
        for (index, group) in groups.enumerated() {
            let listed = try emulator.listedIds(group)
            #expect(listed.count == 200)
            #expect(Set(listed).count == 200)
            #expect(listed.allSatisfy { $0.hasPrefix("10.\(index).") })
            let entries = fixture.ledger.snapshot.filter { $0.change == .registered && $0.parentId == group }
            #expect(Set(entries.map(\.resourceId)).count == 200)
        }
        let ledger = fixture.ledger.snapshot
        #expect(ledger.filter { $0.resourceType == "TargetGroup" }.count == 4 + 16)
        #expect(ledger.map(\.sequence) == (1...ledger.count).map(UInt64.init))
    }
}
