import Foundation

/// A reduced `DeploymentInfo`: the members bench reads back (status for the `DeploymentSuccessful` waiter,
/// identity, platform, creation time and the per-state target counts). The model's other members are left out.
public struct DeploymentInfo: Sendable, Hashable, Codable {
    public var deploymentId: String?
    public var applicationName: String?
    public var deploymentGroupName: String?
    /// `Created | Queued | InProgress | Baking | Succeeded | Failed | Stopped | Ready`.
    public var status: String?
    /// `Server | Lambda | ECS` (a CloudFormation blue/green deployment says `ECS`).
    public var computePlatform: String?
    public var createTime: Date?
    public var deploymentOverview: DeploymentOverview?

    public init(
        deploymentId: String? = nil, applicationName: String? = nil, deploymentGroupName: String? = nil,
        status: String? = nil, computePlatform: String? = nil, createTime: Date? = nil,
        deploymentOverview: DeploymentOverview? = nil
    ) {
        self.deploymentId = deploymentId
        self.applicationName = applicationName
        self.deploymentGroupName = deploymentGroupName
        self.status = status
        self.computePlatform = computePlatform
        self.createTime = createTime
        self.deploymentOverview = deploymentOverview
    }
}
