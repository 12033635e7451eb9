import Foundation

/// A target of a Lambda deployment: a function alias (`LambdaTarget`).
public struct LambdaTarget: Sendable, Hashable, Codable {
    public var deploymentId: String?
    /// The function name.
    public var targetId: String?
    public var targetArn: String?
    /// `Pending | InProgress | Succeeded | Failed | Skipped | Unknown | Ready`.
    public var status: String?
    public var lastUpdatedAt: Date?
    public var lifecycleEvents: [LifecycleEvent]?
    public var lambdaFunctionInfo: LambdaFunctionInfo?

    public init(
        deploymentId: String? = nil, targetId: String? = nil, targetArn: String? = nil, status: String? = nil,
        lastUpdatedAt: Date? = nil, lifecycleEvents: [LifecycleEvent]? = nil,
        lambdaFunctionInfo: LambdaFunctionInfo? = nil
    ) {
        self.deploymentId = deploymentId
        self.targetId = targetId
        self.targetArn = targetArn
        self.status = status
        self.lastUpdatedAt = lastUpdatedAt
        self.lifecycleEvents = lifecycleEvents
        self.lambdaFunctionInfo = lambdaFunctionInfo
    }
}
