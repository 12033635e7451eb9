import Foundation

/// A target of a blue/green deployment started by a CloudFormation stack update (`CloudFormationTarget`).
///
/// The model gives this shape no `targetArn`.
public struct CloudFormationTarget: Sendable, Hashable, Codable {
    public var deploymentId: String?
    /// The stack id.
    public var targetId: String?
    public var lastUpdatedAt: Date?
    public var lifecycleEvents: [LifecycleEvent]?
    /// `Pending | InProgress | Succeeded | Failed | Skipped | Unknown | Ready`.
    public var status: String?
    /// The resource the stack deploys, e.g. `AWS::ECS::Service`.
    public var resourceType: String?
    /// The percentage of production traffic the replacement (green) resources serve.
    public var targetVersionWeight: Double?

    public init(
        deploymentId: String? = nil, targetId: String? = nil, lastUpdatedAt: Date? = nil,
        lifecycleEvents: [LifecycleEvent]? = nil, status: String? = nil, resourceType: String? = nil,
        targetVersionWeight: Double? = nil
    ) {
        self.deploymentId = deploymentId
        self.targetId = targetId
        self.lastUpdatedAt = lastUpdatedAt
        self.lifecycleEvents = lifecycleEvents
        self.status = status
        self.resourceType = resourceType
        self.targetVersionWeight = targetVersionWeight
    }
}
