/// The input of `ListDeployments` (reduced: no time range, status or external-id filters).
///
/// `applicationName` and `deploymentGroupName` are given together or not at all.
public struct ListDeploymentsInput: Sendable, Hashable, Codable {
    public var applicationName: String?
    public var deploymentGroupName: String?
    public var nextToken: String?

    public init(applicationName: String? = nil, deploymentGroupName: String? = nil, nextToken: String? = nil) {
        self.applicationName = applicationName
        self.deploymentGroupName = deploymentGroupName
        self.nextToken = nextToken
    }
}

/// The output of `ListDeployments`: one page of deployment ids.
public struct ListDeploymentsOutput: Sendable, Hashable, Codable {
    public var deployments: [String]?
    /// Present when there are more deployments to list.
    public var nextToken: String?

    public init(deployments: [String]? = nil, nextToken: String? = nil) {
        self.deployments = deployments
        self.nextToken = nextToken
    }
}
