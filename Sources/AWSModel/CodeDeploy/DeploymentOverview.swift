/// How many targets of a deployment are in each state (`DeploymentOverview`).
///
/// The wire member names are capitalised (`Pending`, `InProgress`, ...); the Swift names are lowerCamelCase.
public struct DeploymentOverview: Sendable, Hashable, Codable {
    public var pending: Int?
    public var inProgress: Int?
    public var succeeded: Int?
    public var failed: Int?
    public var skipped: Int?
    public var ready: Int?

    private enum CodingKeys: String, CodingKey {
        case pending = "Pending", inProgress = "InProgress", succeeded = "Succeeded"
        case failed = "Failed", skipped = "Skipped", ready = "Ready"
    }

    public init(
        pending: Int? = nil, inProgress: Int? = nil, succeeded: Int? = nil, failed: Int? = nil,
        skipped: Int? = nil, ready: Int? = nil
    ) {
        self.pending = pending
        self.inProgress = inProgress
        self.succeeded = succeeded
        self.failed = failed
        self.skipped = skipped
        self.ready = ready
    }
}
