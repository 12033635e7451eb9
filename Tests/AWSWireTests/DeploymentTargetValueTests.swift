import AWSModel
import Foundation
import Testing

/// `DeploymentTarget` keeps its members in a shared box: it must still behave as a value (a change to a copy
/// leaves the original alone), compare and hash by its members, and code exactly as a plain struct of those
/// members does.
@Suite struct DeploymentTargetValueTests {
    static let instance = InstanceTarget(
        deploymentId: "d-ABCDEFGHI", targetId: "i-0123456789abcdef0", targetArn: "arn:aws:ec2:::instance/i-1",
        status: "InProgress", lastUpdatedAt: Date(timeIntervalSince1970: 1_700_000_000),
        lifecycleEvents: [LifecycleEvent(lifecycleEventName: "BeforeInstall", status: "Succeeded")],
        instanceLabel: "Blue")

    /// The plain struct the target used to be, with the same member names: the oracle for the coded form.
    struct PlainTarget: Codable {
        var deploymentTargetType: String?
        var instanceTarget: InstanceTarget?
        var lambdaTarget: LambdaTarget?
        var ecsTarget: ECSTarget?
        var cloudFormationTarget: CloudFormationTarget?
    }

    @Test func aChangedCopyLeavesTheOriginalAlone() {
        let original = DeploymentTarget.instance(Self.instance)
        var copy = original
        #expect(copy == original)
        copy.instanceTarget?.status = "Succeeded"
        copy.deploymentTargetType = "LambdaTarget"
        #expect(original.instanceTarget?.status == "InProgress" && original.deploymentTargetType == "InstanceTarget")
        #expect(copy.instanceTarget?.status == "Succeeded" && copy.deploymentTargetType == "LambdaTarget")
        #expect(copy != original)
        #expect(copy.status == "Succeeded" && copy.targetId == "i-0123456789abcdef0")
    }

    @Test func equalMembersCompareAndHashEqualInSeparateBoxes() {
        let first = DeploymentTarget.instance(Self.instance)
        let second = DeploymentTarget.instance(Self.instance)
        #expect(first == second)
        #expect(Set([first, second]).count == 1)
        #expect(first != DeploymentTarget.cloudFormation(CloudFormationTarget(targetId: "i-0123456789abcdef0")))
    }

    @Test func codesAsAPlainStructOfItsMembers() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let target = DeploymentTarget.instance(Self.instance)
        let plain = PlainTarget(deploymentTargetType: "InstanceTarget", instanceTarget: Self.instance)
        let bytes = try encoder.encode(target)
        #expect(bytes == (try encoder.encode(plain)))
        #expect(try JSONDecoder().decode(DeploymentTarget.self, from: bytes) == target)
        #expect(try encoder.encode(DeploymentTarget()) == Data("{}".utf8))
    }
}
