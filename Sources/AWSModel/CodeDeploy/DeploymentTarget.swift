/// One target of a deployment (`DeploymentTarget`): a type tag plus the typed target of that type.
///
/// Exactly one of the four typed members is set, the one ``deploymentTargetType`` names
/// (`InstanceTarget | LambdaTarget | ECSTarget | CloudFormationTarget`).
public struct DeploymentTarget: Sendable, Hashable, Codable {
    public var deploymentTargetType: String?
    public var instanceTarget: InstanceTarget?
    public var lambdaTarget: LambdaTarget?
    public var ecsTarget: ECSTarget?
    public var cloudFormationTarget: CloudFormationTarget?

    public init(
        deploymentTargetType: String? = nil, instanceTarget: InstanceTarget? = nil,
        lambdaTarget: LambdaTarget? = nil, ecsTarget: ECSTarget? = nil,
        cloudFormationTarget: CloudFormationTarget? = nil
    ) {
        self.deploymentTargetType = deploymentTargetType
        self.instanceTarget = instanceTarget
        self.lambdaTarget = lambdaTarget
        self.ecsTarget = ecsTarget
        self.cloudFormationTarget = cloudFormationTarget
    }

    /// A target holding an instance target, tagged `InstanceTarget`.
    public static func instance(_ target: InstanceTarget) -> DeploymentTarget {
        DeploymentTarget(deploymentTargetType: ComputePlatform.server.deploymentTargetType, instanceTarget: target)
    }

    /// A target holding a Lambda target, tagged `LambdaTarget`.
    public static func lambda(_ target: LambdaTarget) -> DeploymentTarget {
        DeploymentTarget(deploymentTargetType: ComputePlatform.lambda.deploymentTargetType, lambdaTarget: target)
    }

    /// A target holding an ECS target, tagged `ECSTarget`.
    public static func ecs(_ target: ECSTarget) -> DeploymentTarget {
        DeploymentTarget(deploymentTargetType: ComputePlatform.ecs.deploymentTargetType, ecsTarget: target)
    }

    /// A target holding a CloudFormation target, tagged `CloudFormationTarget`.
    public static func cloudFormation(_ target: CloudFormationTarget) -> DeploymentTarget {
        DeploymentTarget(
            deploymentTargetType: ComputePlatform.cloudFormation.deploymentTargetType, cloudFormationTarget: target)
    }

    /// The `targetId` of whichever typed target is set (what a checker compares with the ids it asked for).
    /// Inlinable, so that a caller in another module reads the one field in place: called across the module
    /// boundary, the target was copied whole (a dozen strings and its lifecycle events) to read it, once for every
    /// target of every batch read's history line.
    @inlinable public var targetId: String? {
        instanceTarget?.targetId ?? lambdaTarget?.targetId ?? ecsTarget?.targetId ?? cloudFormationTarget?.targetId
    }

    /// The `status` of whichever typed target is set (inlinable, as ``targetId`` is).
    @inlinable public var status: String? {
        instanceTarget?.status ?? lambdaTarget?.status ?? ecsTarget?.status ?? cloudFormationTarget?.status
    }
}
