import AWSModel
import BenchCore
import Emulator
import Testing

@Suite("CodeDeploy setup, determinism and concurrency")
struct CodeDeploySetupTests {
    @Test("each deployment leaves one created entry in the ledger")
    func ledger() throws {
        let fixture = CodeDeployFixture()
        let context = RequestContext(requestId: "req-1", invocationId: "inv-1", attempt: 2)
        let id = fixture.emulator.createDeployment(platform: .lambda, targetCount: 3, context: context)
        let entries = fixture.ledger.snapshot
        #expect(entries.count == 1)
        let entry = try #require(entries.first)
        #expect(entry.service == .codeDeploy && entry.change == .created && entry.operation == "CreateDeployment")
        #expect(entry.resourceType == "Deployment" && entry.resourceId == id && entry.parentId == "bench-lambda")
        #expect(entry.requestId == "req-1" && entry.invocationId == "inv-1" && entry.attempt == 2)
    }

    @Test("the same seed gives the same ids and answers; another seed does not")
    func determinism() throws {
        func run(seed: UInt64) throws -> [[DeploymentTarget]] {
            let fixture = CodeDeployFixture(seed: seed)
            return try ComputePlatform.allCases.map { platform in
                let (id, targetIds) = try fixture.deployment(platform, targets: 6)
                fixture.clock.advance(by: 2_500_000_000)
                return try fixture.targets(targetIds, of: id)
            }
        }
        let first = try run(seed: 7)
        #expect(try run(seed: 7) == first)
        let other = try run(seed: 8)
        #expect(other.flatMap { $0.map(\.targetId) } != first.flatMap { $0.map(\.targetId) })
    }

    @Test("concurrent setup and batch-gets: every deployment created once, every answer complete")
    func concurrency() async throws {
        let fixture = CodeDeployFixture()
        let emulator = fixture.emulator
        let created = try await withThrowingTaskGroup(of: [String].self) { group in
            for worker in 0..<8 {
                group.addTask {
                    var ids: [String] = []
                    for round in 0..<10 {
                        let platform = ComputePlatform.allCases[(worker + round) % ComputePlatform.allCases.count]
                        let id = emulator.createDeployment(platform: platform, targetCount: 30, context: .init())
                        let targetIds = try emulator.listDeploymentTargets(.init(deploymentId: id)).targetIds ?? []
                        let answer = try emulator.batchGetDeploymentTargets(
                            .init(deploymentId: id, targetIds: Array(targetIds.prefix(25))))
                        guard answer.deploymentTargets?.map(\.targetId) == Array(targetIds.prefix(25)) else {
                            throw ServiceError(code: "Mismatch", httpStatus: 0, message: "incomplete answer for \(id)")
                        }
                        ids.append(id)
                    }
                    return ids
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
        #expect(created.count == 80 && Set(created).count == 80)
        #expect(fixture.ledger.count == 80)
        #expect(Set(fixture.ledger.snapshot.map(\.resourceId)) == Set(created))
        var listed: [String] = []
        var input = ListDeploymentsInput()
        repeat {
            let page = try emulator.listDeployments(input)
            listed += page.deployments ?? []
            input.nextToken = page.nextToken
        } while input.nextToken != nil
        #expect(Set(listed) == Set(created) && listed.count == 80)
    }
}
