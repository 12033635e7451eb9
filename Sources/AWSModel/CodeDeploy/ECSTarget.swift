import Foundation

/// A target of an ECS deployment: a `<clustername>:<servicename>` service (`ECSTarget`).
public struct ECSTarget: Sendable, Hashable, Codable {
    public var deploymentId: String?
    /// `<clustername>:<servicename>`.
    public var targetId: String?
    public var targetArn: String?
    public var lastUpdatedAt: Date?
    public var lifecycleEvents: [LifecycleEvent]?
    /// `Pending | InProgress | Succeeded | Failed | Skipped | Unknown | Ready`.
    public var status: String?
    public var taskSetsInfo: [ECSTaskSet]?

    public init(
        deploymentId: String? = nil, targetId: String? = nil, targetArn: String? = nil, lastUpdatedAt: Date? = nil,
        lifecycleEvents: [LifecycleEvent]? = nil, status: String? = nil, taskSetsInfo: [ECSTaskSet]? = nil
    ) {
        self.deploymentId = deploymentId
        self.targetId = targetId
        self.targetArn = targetArn
        self.lastUpdatedAt = lastUpdatedAt
        self.lifecycleEvents = lifecycleEvents
        self.status = status
        self.taskSetsInfo = taskSetsInfo
    }
}
