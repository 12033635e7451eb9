/// The compute platform of a CodeDeploy deployment, which decides the format of its target ids and the type of
/// its targets (`wire.md` §1.1).
///
/// `cloudFormation` stands for blue/green deployments started by a CloudFormation stack update. The model's own
/// `ComputePlatform` enum has no such value: those deployments report ``wireValue`` `ECS` in `GetDeployment`.
public enum ComputePlatform: String, Sendable, Hashable, Codable, CaseIterable {
    case server = "Server"
    case lambda = "Lambda"
    case ecs = "ECS"
    case cloudFormation = "CloudFormation"

    /// The `deploymentTargetType` of this platform's targets.
    public var deploymentTargetType: String {
        switch self {
        case .server: "InstanceTarget"
        case .lambda: "LambdaTarget"
        case .ecs: "ECSTarget"
        case .cloudFormation: "CloudFormationTarget"
        }
    }

    /// The value `DeploymentInfo.computePlatform` carries on the wire (`Server | Lambda | ECS`).
    public var wireValue: String {
        switch self {
        case .cloudFormation: ComputePlatform.ecs.rawValue
        default: rawValue
        }
    }
}
