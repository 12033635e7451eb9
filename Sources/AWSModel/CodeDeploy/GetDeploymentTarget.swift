/// The input of `GetDeploymentTarget`. Both members are required by the model (optional here, see
/// ``BatchGetDeploymentTargetsInput``).
public struct GetDeploymentTargetInput: Sendable, Hashable, Codable {
    public var deploymentId: String?
    public var targetId: String?

    public init(deploymentId: String? = nil, targetId: String? = nil) {
        self.deploymentId = deploymentId
        self.targetId = targetId
    }
}

/// The output of `GetDeploymentTarget`.
public struct GetDeploymentTargetOutput: Sendable, Hashable, Codable {
    public var deploymentTarget: DeploymentTarget?

    public init(deploymentTarget: DeploymentTarget? = nil) { self.deploymentTarget = deploymentTarget }
}
