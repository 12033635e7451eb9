/// A CodeDeploy request bench can send or the emulator can answer, one case per operation.
public enum CodeDeployRequest: Sendable, Hashable {
    case batchGetDeploymentTargets(BatchGetDeploymentTargetsInput)
    case listDeployments(ListDeploymentsInput)
    case listDeploymentTargets(ListDeploymentTargetsInput)
    case getDeploymentTarget(GetDeploymentTargetInput)
    case getDeployment(GetDeploymentInput)

    /// The API operation name, as in `X-Amz-Target: CodeDeploy_20141006.<operationName>`.
    public var operationName: String {
        switch self {
        case .batchGetDeploymentTargets: "BatchGetDeploymentTargets"
        case .listDeployments: "ListDeployments"
        case .listDeploymentTargets: "ListDeploymentTargets"
        case .getDeploymentTarget: "GetDeploymentTarget"
        case .getDeployment: "GetDeployment"
        }
    }
}
