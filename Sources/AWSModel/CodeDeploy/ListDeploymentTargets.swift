/// The input of `ListDeploymentTargets`.
public struct ListDeploymentTargetsInput: Sendable, Hashable, Codable {
    /// The filter names the model allows as `targetFilters` keys.
    public static let targetStatusFilter = "TargetStatus"
    public static let serverInstanceLabelFilter = "ServerInstanceLabel"

    /// Required by the model; optional here so that its absence is answered with `DeploymentIdRequiredException`.
    public var deploymentId: String?
    public var nextToken: String?
    /// `TargetStatus` → target statuses, `ServerInstanceLabel` → `Blue`/`Green`.
    public var targetFilters: [String: [String]]?

    public init(deploymentId: String? = nil, nextToken: String? = nil, targetFilters: [String: [String]]? = nil) {
        self.deploymentId = deploymentId
        self.nextToken = nextToken
        self.targetFilters = targetFilters
    }
}

/// The output of `ListDeploymentTargets`: one page of target ids.
public struct ListDeploymentTargetsOutput: Sendable, Hashable, Codable {
    public var targetIds: [String]?
    /// Present when there are more targets to list.
    public var nextToken: String?

    public init(targetIds: [String]? = nil, nextToken: String? = nil) {
        self.targetIds = targetIds
        self.nextToken = nextToken
    }
}
