import AWSModel
import BenchCore
import Emulator
import Testing

/// Each mutation mode breaks its service in the documented way when on, and the service is correct when off.
@Suite("Emulator mutation modes")
struct MutationModeTests {
    @Test("Every mutation is off by default")
    func offByDefault() {
        let mutations = EmulatorConfiguration().mutations
        #expect(mutations == EmulatorMutations())
        #expect(!mutations.ignoreClientToken)
        #expect(!mutations.ignoreCreatorRequestId)
        #expect(mutations.dropAcknowledgedRegistrations == 0)
        #expect(!mutations.extraBatchGetIds)
    }

    @Test("ignoreClientToken: a retry with the same token creates a duplicate group of the same name", arguments: [
        false, true,
    ])
    func ignoreClientToken(broken: Bool) throws {
        let fixture = FaultsFixture { $0.mutations.ignoreClientToken = broken }
        let create = AWSRequest.lattice(.createTargetGroup(ipGroupInput(name: "web", token: "token-1")))
        let first = try fixture.send(create, id: "call-1", attempt: 1)
        let retry = try fixture.send(create, id: "call-1", attempt: 2)
        #expect((first == retry) == !broken)
        let groups = try fixture.emulator.lattice.listTargetGroups(ListTargetGroupsInput()).items ?? []
        #expect(groups.map(\.name) == (broken ? ["web", "web"] : ["web"]))
        #expect(fixture.entries(.created).count == (broken ? 2 : 1))
    }

    @Test("ignoreClientToken still refuses a taken name for a new token")
    func ignoreClientTokenKeepsNameCheckForNewTokens() throws {
        let fixture = FaultsFixture { $0.mutations.ignoreClientToken = true }
        try fixture.send(.lattice(.createTargetGroup(ipGroupInput(name: "web", token: "token-1"))))
        let error = fixture.error(.lattice(.createTargetGroup(ipGroupInput(name: "web", token: "token-2"))))
        #expect(error?.code == "ConflictException")
    }

    @Test("ignoreCreatorRequestId: a repeated token is a new operation with a second ledger effect", arguments: [
        false, true,
    ])
    func ignoreCreatorRequestId(broken: Bool) throws {
        let fixture = FaultsFixture { $0.mutations.ignoreCreatorRequestId = broken }
        let serviceId = try fixture.cloudMapService()
        let request = AWSRequest.cloudMap(
            .registerInstance(
                RegisterInstanceInput(
                    serviceId: serviceId, instanceId: "i-1", creatorRequestId: "creator-1",
                    attributes: ["AWS_INSTANCE_IPV4": "10.0.0.1"])))
        let submitted = fixture.entries(.operationSubmitted).count
        // The retry comes at once, while the first operation is still in flight.
        let first = try fixture.send(request, id: "call-1", attempt: 1)
        let retry = try fixture.send(request, id: "call-1", attempt: 2)
        #expect((first == retry) == !broken)
        let instanceChanges = fixture.emulator.ledger.snapshot.filter { $0.resourceType == "Instance" }
        #expect(instanceChanges.map(\.change) == (broken ? [.registered, .updated] : [.registered]))
        #expect(fixture.entries(.operationSubmitted).count - submitted == (broken ? 2 : 1))
    }

    @Test(
        "dropAcknowledgedRegistrations: acknowledged targets go missing, seen only by the truth counter",
        arguments: [0.0, 1.0])
    func dropAll(fraction: Double) throws {
        let fixture = FaultsFixture { $0.mutations.dropAcknowledgedRegistrations = fraction }
        let group = try fixture.group()
        let output = try fixture.register(group, ipTargets(10), id: "r")
        #expect(output.successful?.count == 10)
        #expect(output.unsuccessful?.isEmpty == true)
        let dropped = fraction == 1 ? 10 : 0
        #expect(try fixture.registered(group).count == 10 - dropped)
        #expect(fixture.entries(.registered).count == 10 - dropped)
        #expect(fixture.emulator.faultCounts.droppedRegistrations == dropped)
        #expect(fixture.emulator.faultCounts.partialFailures == 0)
    }

    @Test("dropAcknowledgedRegistrations drops about its fraction, and a later retry stores what was dropped")
    func dropFraction() throws {
        let fixture = FaultsFixture { $0.mutations.dropAcknowledgedRegistrations = 0.3 }
        let group = try fixture.group()
        let targets = ipTargets(400, from: 0)
        for batch in 0..<4 {
            _ = try fixture.register(group, Array(targets[batch * 100..<(batch + 1) * 100]), id: "batch-\(batch)")
        }
        let dropped = fixture.emulator.faultCounts.droppedRegistrations
        #expect(abs(Double(dropped) / 400 - 0.3) < 0.08)
        #expect(try fixture.registered(group).count == 400 - dropped)
        #expect(fixture.entries(.registered).count == 400 - dropped)
    }

    @Test("extraBatchGetIds: the answer holds one target that was not requested", arguments: [false, true])
    func extraBatchGetIds(broken: Bool) throws {
        let fixture = FaultsFixture { $0.mutations.extraBatchGetIds = broken }
        let deploymentId = fixture.emulator.codeDeploy.createDeployment(
            platform: .server, targetCount: 5, context: RequestContext())
        let all = try fixture.emulator.codeDeploy.listDeploymentTargets(
            ListDeploymentTargetsInput(deploymentId: deploymentId)
        ).targetIds ?? []
        try #require(all.count == 5)
        func answered(_ ids: [String]) throws -> [String] {
            let request = AWSRequest.codeDeploy(
                .batchGetDeploymentTargets(BatchGetDeploymentTargetsInput(deploymentId: deploymentId, targetIds: ids)))
            guard case .codeDeploy(.batchGetDeploymentTargets(let output)) = try fixture.send(request) else {
                throw FixtureError.unexpectedResponse
            }
            return (output.deploymentTargets ?? []).compactMap { $0.instanceTarget?.targetId }
        }
        #expect(try answered([all[2], all[0]]) == (broken ? [all[2], all[0], all[1]] : [all[2], all[0]]))
        #expect(try answered(all) == all)
    }
}
