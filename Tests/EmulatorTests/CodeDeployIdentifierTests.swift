import AWSModel
import Testing

@Suite("CodeDeploy identifiers")
struct CodeDeployIdentifierTests {
    @Test("deployment ids are d- and exactly 9 of [0-9A-Z]", arguments: [
        ("d-ABCDEF123", true), ("d-000000000", true), ("d-ABCDEF12", false), ("d-ABCDEF1234", false),
        ("d-abcdef123", false), ("D-ABCDEF123", false), ("d_ABCDEF123", false), ("", false), ("d-", false),
    ])
    func deploymentIds(id: String, valid: Bool) {
        #expect(CodeDeployIdentifier.isDeploymentId(id) == valid)
    }

    @Test("target id formats per platform, on both sides of each length limit", arguments: [
        (ComputePlatform.server, "i-0123456789abcdef0", true),
        (.server, "i-01234567", true),
        (.server, "i-0123456", false),
        (.server, "i-012345678", false),
        (.server, "i-0123456789abcdef01", false),
        (.server, "i-0123456789abcdeg0", false),
        (.lambda, "my-function_1", true),
        (.lambda, String(repeating: "f", count: 64), true),
        (.lambda, String(repeating: "f", count: 65), false),
        (.lambda, "", false),
        (.lambda, "fn:alias", false),
        (.ecs, "cluster:service", true),
        (.ecs, String(repeating: "c", count: 255) + ":s", true),
        (.ecs, String(repeating: "c", count: 256) + ":s", false),
        (.ecs, "cluster:", false),
        (.ecs, "cluster", false),
        (.cloudFormation, "arn:aws:cloudformation:us-east-1:123456789012:stack/my-stack/abc-123", true),
        (.cloudFormation, "arn:aws-cn:cloudformation:cn-north-1:123456789012:stack/s/1", true),
        (.cloudFormation, "arn:aws:cloudformation:us-east-1:1234567890123:stack/s/1", false),
        (.cloudFormation, "arn:aws:cloudformation:us-east-1:123456789012:stack/s", false),
        (.cloudFormation, "arn:aws:cloudformation:us-east-1:123456789012:stack/s/1/2", false),
    ])
    func targetIds(platform: ComputePlatform, id: String, valid: Bool) {
        #expect(CodeDeployIdentifier.isTargetId(id, for: platform) == valid)
    }
}
