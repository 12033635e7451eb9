import AWSModel
import BenchCore
import Emulator
import Foundation
import Testing

@Suite("CodeDeploy shapes on the wire")
struct CodeDeployCodingTests {
    private func json(_ value: some Encodable) throws -> [String: Any] {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .secondsSince1970
        let object = try JSONSerialization.jsonObject(with: try encoder.encode(value))
        return try #require(object as? [String: Any])
    }

    @Test("members encode under their wire names, absent members are left out, and decoding round-trips")
    func wireNames() throws {
        let fixture = CodeDeployFixture()
        let (id, targetIds) = try fixture.deployment(.ecs, targets: 1)
        fixture.clock.advance(by: 30_000_000_000)
        let output = try fixture.emulator.batchGetDeploymentTargets(.init(deploymentId: id, targetIds: targetIds))
        let body = try json(output)
        let target = try #require((body["deploymentTargets"] as? [[String: Any]])?.first)
        #expect(target["deploymentTargetType"] as? String == "ECSTarget")
        #expect(target["instanceTarget"] == nil && target["lambdaTarget"] == nil)
        let ecs = try #require(target["ecsTarget"] as? [String: Any])
        let taskSet = try #require((ecs["taskSetsInfo"] as? [[String: Any]])?.first)
        #expect(taskSet["identifer"] is String)
        #expect(ecs["lastUpdatedAt"] is Double)

        // Timestamps are epoch seconds with at most millisecond precision, as the real service sends them.
        let updated = try #require(ecs["lastUpdatedAt"] as? Double)
        #expect(abs(updated * 1_000 - (updated * 1_000).rounded()) < 0.001)

        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .secondsSince1970
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .secondsSince1970
        let decoded = try decoder.decode(BatchGetDeploymentTargetsOutput.self, from: try encoder.encode(output))
        let before = try #require(output.deploymentTargets?.first)
        let after = try #require(decoded.deploymentTargets?.first)
        #expect(after.targetId == before.targetId && after.status == before.status)
        #expect(after.ecsTarget?.taskSetsInfo == before.ecsTarget?.taskSetsInfo)
        let (sent, received) = (before.ecsTarget?.lifecycleEvents ?? [], after.ecsTarget?.lifecycleEvents ?? [])
        #expect(received.map(\.lifecycleEventName) == sent.map(\.lifecycleEventName))
        #expect(zip(sent, received).allSatisfy { sameMillisecond($0.startTime, $1.startTime) })
        #expect(sameMillisecond(before.ecsTarget?.lastUpdatedAt, after.ecsTarget?.lastUpdatedAt))

        let info = try json(try #require(fixture.emulator.getDeployment(.init(deploymentId: id)).deploymentInfo))
        #expect((info["deploymentOverview"] as? [String: Any])?["Succeeded"] as? Int == 1)
        #expect(info["computePlatform"] as? String == "ECS")
    }

    private func sameMillisecond(_ a: Date?, _ b: Date?) -> Bool {
        guard let a, let b else { return false }
        return abs(a.timeIntervalSince(b)) < 0.0005
    }

    @Test("a request without its required members still decodes, so the emulator can name what is missing")
    func missingRequiredMembers() throws {
        let input = try JSONDecoder().decode(BatchGetDeploymentTargetsInput.self, from: Data("{}".utf8))
        expectCodeDeployError(.deploymentIdRequired) { () throws(ServiceError) in
            try CodeDeployFixture().emulator.batchGetDeploymentTargets(input)
        }
    }
}
