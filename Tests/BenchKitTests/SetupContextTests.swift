import AWSModel
import BenchCore
import Emulator
import Testing

@testable import BenchKit

/// `SetupContext(emulator:clock:)`: a program that drives the pipeline itself sets a scenario's fixtures up in an
/// embedded emulator, and they are there, as a run on the embedded endpoint would have them.
@Suite struct SetupContextTests {
    @Test func fixturesAreCreatedInTheEmulator() async throws {
        let clock = SystemClock()
        let emulator = Emulator(clock: clock, seed: 3)
        let setup = SetupContext(emulator: emulator, clock: clock)
        var fixtures = ResolvedFixtures()
        try await TargetGroups(2).create(using: setup, into: &fixtures)
        try await CloudMapService().create(using: setup, into: &fixtures)
        try await Deployment(targets: 5).create(using: setup, into: &fixtures)

        let groups = fixtures.targetGroups(of: .ip)
        #expect(groups.count == 2)
        for group in groups {
            let output = try emulator.lattice.getTargetGroup(GetTargetGroupInput(targetGroupIdentifier: group.id))
            #expect(output.arn == group.arn)
        }
        let service = try #require(fixtures.cloudMapServices.first)
        #expect(try emulator.cloudMap.getService(GetServiceInput(id: service)).service.id == service)
        let deployment = try #require(fixtures.deployments.first)
        #expect(deployment.targetIds.count == 5)
        let listed = try emulator.codeDeploy.listDeploymentTargets(
            ListDeploymentTargetsInput(deploymentId: deployment.id))
        #expect(Set(listed.targetIds ?? []) == Set(deployment.targetIds))
    }
}
