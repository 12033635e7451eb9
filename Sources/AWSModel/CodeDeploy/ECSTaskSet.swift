/// One task set of an ECS blue/green deployment (`ECSTaskSet`).
///
/// `identifer` is misspelt on purpose: that is the wire member name in the model.
public struct ECSTaskSet: Sendable, Hashable, Codable {
    public var identifer: String?
    public var desiredCount: Int?
    public var pendingCount: Int?
    public var runningCount: Int?
    /// `PRIMARY | ACTIVE | DRAINING` (a free-form string in the model).
    public var status: String?
    /// The percentage of production traffic this task set serves.
    public var trafficWeight: Double?
    public var targetGroup: TargetGroupInfo?
    /// `Blue | Green`.
    public var taskSetLabel: String?

    public init(
        identifer: String? = nil, desiredCount: Int? = nil, pendingCount: Int? = nil, runningCount: Int? = nil,
        status: String? = nil, trafficWeight: Double? = nil, targetGroup: TargetGroupInfo? = nil,
        taskSetLabel: String? = nil
    ) {
        self.identifer = identifer
        self.desiredCount = desiredCount
        self.pendingCount = pendingCount
        self.runningCount = runningCount
        self.status = status
        self.trafficWeight = trafficWeight
        self.targetGroup = targetGroup
        self.taskSetLabel = taskSetLabel
    }
}
