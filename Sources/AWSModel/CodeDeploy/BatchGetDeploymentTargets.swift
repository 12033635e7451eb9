/// The input of `BatchGetDeploymentTargets`.
///
/// Both members are required by the model but optional here, so that a request missing them still decodes
/// and is answered with the modeled error (`DeploymentIdRequiredException`, `DeploymentTargetIdRequiredException`)
/// rather than a decoding failure.
public struct BatchGetDeploymentTargetsInput: Sendable, Hashable, Codable {
    /// The most target ids one request may name (the model documentation; the model itself sets no `max`).
    public static let maximumTargetIds = 25

    public var deploymentId: String?
    /// The ids of the targets to describe, in the format of the deployment's compute platform.
    public var targetIds: [String]?

    public init(deploymentId: String? = nil, targetIds: [String]? = nil) {
        self.deploymentId = deploymentId
        self.targetIds = targetIds
    }
}

/// The output of `BatchGetDeploymentTargets`.
public struct BatchGetDeploymentTargetsOutput: Sendable, Hashable, Codable {
    public var deploymentTargets: [DeploymentTarget]?

    public init(deploymentTargets: [DeploymentTarget]? = nil) { self.deploymentTargets = deploymentTargets }
}
