import Foundation

/// A target of an EC2/on-premises (`Server`) deployment: an instance (`InstanceTarget`).
public struct InstanceTarget: Sendable, Hashable, Codable {
    public var deploymentId: String?
    /// The instance id, e.g. `i-0123456789abcdef0`.
    public var targetId: String?
    public var targetArn: String?
    /// `Pending | InProgress | Succeeded | Failed | Skipped | Unknown | Ready`.
    public var status: String?
    public var lastUpdatedAt: Date?
    public var lifecycleEvents: [LifecycleEvent]?
    /// `Blue | Green`.
    public var instanceLabel: String?

    public init(
        deploymentId: String? = nil, targetId: String? = nil, targetArn: String? = nil, status: String? = nil,
        lastUpdatedAt: Date? = nil, lifecycleEvents: [LifecycleEvent]? = nil, instanceLabel: String? = nil
    ) {
        self.deploymentId = deploymentId
        self.targetId = targetId
        self.targetArn = targetArn
        self.status = status
        self.lastUpdatedAt = lastUpdatedAt
        self.lifecycleEvents = lifecycleEvents
        self.instanceLabel = instanceLabel
    }
}
