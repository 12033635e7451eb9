/// The answer to a ``CodeDeployRequest``, one case per operation.
public enum CodeDeployResponse: Sendable, Hashable {
    case batchGetDeploymentTargets(BatchGetDeploymentTargetsOutput)
    case listDeployments(ListDeploymentsOutput)
    case listDeploymentTargets(ListDeploymentTargetsOutput)
    case getDeploymentTarget(GetDeploymentTargetOutput)
    case getDeployment(GetDeploymentOutput)
}
