/// The input of `GetDeployment`. `deploymentId` is required by the model (optional here, see
/// ``BatchGetDeploymentTargetsInput``).
public struct GetDeploymentInput: Sendable, Hashable, Codable {
    public var deploymentId: String?

    public init(deploymentId: String? = nil) { self.deploymentId = deploymentId }
}

/// The output of `GetDeployment`.
public struct GetDeploymentOutput: Sendable, Hashable, Codable {
    public var deploymentInfo: DeploymentInfo?

    public init(deploymentInfo: DeploymentInfo? = nil) { self.deploymentInfo = deploymentInfo }
}
