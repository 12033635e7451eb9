import AWSModel
import BenchCore
import Emulator
import Testing

@Suite("CodeDeploy lists")
struct CodeDeployListTests {
    @Test("ListDeploymentTargets pages return every target exactly once, in creation order",
          arguments: [(1, 1), (7, 20), (7, 21), (100, 250)])
    func targetPagination(pageSize: Int, targetCount: Int) throws {
        let fixture = CodeDeployFixture(pageSize: pageSize)
        let id = fixture.emulator.createDeployment(platform: .server, targetCount: targetCount, context: .init())
        var pages: [[String]] = []
        var token: String?
        repeat {
            let page = try fixture.emulator.listDeploymentTargets(.init(deploymentId: id, nextToken: token))
            pages.append(page.targetIds ?? [])
            token = page.nextToken
        } while token != nil
        let all = pages.flatMap { $0 }
        #expect(all.count == targetCount && Set(all).count == targetCount)
        #expect(pages.count == (targetCount + pageSize - 1) / pageSize)
        #expect(pages.dropLast().allSatisfy { $0.count == pageSize })
        // The listed order is the answer order of a batch-get of the same ids: one stable order.
        #expect(try fixture.targets(all, of: id).map(\.targetId) == all)
    }

    @Test("a TargetStatus filter lists exactly the targets in those statuses, across pages")
    func statusFilter() throws {
        let fixture = CodeDeployFixture(pageSize: 4)
        let (id, all) = try fixture.deployment(.server, targets: 30)
        fixture.clock.advance(by: 6_000_000_000)
        let statuses = Dictionary(grouping: try fixture.targets(all, of: id), by: { $0.status ?? "" })
            .mapValues { $0.compactMap(\.targetId) }
        #expect(statuses.count > 1, "expected a mix of statuses mid-deployment")
        for (status, expected) in statuses {
            let listed = try fixture.allTargetIds(of: id, filters: ["TargetStatus": [status]])
            #expect(listed == all.filter(expected.contains))
        }
        #expect(try fixture.allTargetIds(of: id, filters: ["TargetStatus": ["Failed"]]).isEmpty)
        #expect(try fixture.allTargetIds(of: id, filters: ["TargetStatus": []]) == all)
        #expect(try fixture.allTargetIds(of: id, filters: ["ServerInstanceLabel": ["Blue"]]) == all)
        #expect(try fixture.allTargetIds(of: id, filters: ["ServerInstanceLabel": ["Green"]]).isEmpty)
    }

    @Test("ListDeployments pages through every deployment in creation order, optionally by group")
    func deploymentPagination() throws {
        let fixture = CodeDeployFixture(pageSize: 2)
        let platforms: [ComputePlatform] = [.server, .lambda, .server, .ecs, .cloudFormation, .server, .lambda]
        let ids = platforms.map { fixture.emulator.createDeployment(platform: $0, targetCount: 1, context: .init()) }
        #expect(try listAll(fixture, ListDeploymentsInput()) == ids)
        let servers = zip(platforms, ids).filter { $0.0 == .server }.map(\.1)
        let filter = ListDeploymentsInput(applicationName: "bench-server", deploymentGroupName: "bench-server-group")
        #expect(try listAll(fixture, filter) == servers)
        // A token is bound to its filter.
        let token = try #require(fixture.emulator.listDeployments(filter).nextToken)
        expectCodeDeployError(.invalidNextToken) { () throws(ServiceError) in
            try fixture.emulator.listDeployments(.init(nextToken: token))
        }
    }

    @Test("an emulator with no deployments lists none, without a token")
    func emptyList() throws {
        let output = try CodeDeployFixture().emulator.listDeployments(.init())
        #expect(output.deployments == [] && output.nextToken == nil)
    }

    private func listAll(_ fixture: CodeDeployFixture, _ input: ListDeploymentsInput) throws -> [String] {
        var input = input
        var ids: [String] = []
        repeat {
            let page = try fixture.emulator.listDeployments(input)
            ids += page.deployments ?? []
            input.nextToken = page.nextToken
        } while input.nextToken != nil
        return ids
    }
}
