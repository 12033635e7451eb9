/// The Lambda function a Lambda deployment shifts traffic on (`LambdaFunctionInfo`).
public struct LambdaFunctionInfo: Sendable, Hashable, Codable {
    public var functionName: String?
    public var functionAlias: String?
    public var currentVersion: String?
    public var targetVersion: String?
    /// The share of the alias's traffic sent to `targetVersion`, from 0 to 1.
    public var targetVersionWeight: Double?

    public init(
        functionName: String? = nil, functionAlias: String? = nil, currentVersion: String? = nil,
        targetVersion: String? = nil, targetVersionWeight: Double? = nil
    ) {
        self.functionName = functionName
        self.functionAlias = functionAlias
        self.currentVersion = currentVersion
        self.targetVersion = targetVersion
        self.targetVersionWeight = targetVersionWeight
    }
}
