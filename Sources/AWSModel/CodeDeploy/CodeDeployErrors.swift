/// The CodeDeploy error codes bench answers with or recognises, spelled exactly as the model's shape names.
///
/// Every CodeDeploy exception shape has no members (`wire.md` §2.1): on the wire the body is `__type` plus
/// `message`, with HTTP 400 (the awsJson1_1 convention for client errors).
public enum CodeDeployErrorCode: String, Sendable, Hashable, Codable, CaseIterable {
    case invalidDeploymentId = "InvalidDeploymentIdException"
    case deploymentIdRequired = "DeploymentIdRequiredException"
    case deploymentDoesNotExist = "DeploymentDoesNotExistException"
    case deploymentNotStarted = "DeploymentNotStartedException"
    case deploymentTargetIdRequired = "DeploymentTargetIdRequiredException"
    case invalidDeploymentTargetId = "InvalidDeploymentTargetIdException"
    case deploymentTargetDoesNotExist = "DeploymentTargetDoesNotExistException"
    case deploymentTargetListSizeExceeded = "DeploymentTargetListSizeExceededException"
    case invalidNextToken = "InvalidNextTokenException"
    case throttling = "ThrottlingException"
    // ListDeploymentTargets filters.
    case invalidTargetFilterName = "InvalidTargetFilterNameException"
    case invalidInstanceStatus = "InvalidInstanceStatusException"
    case invalidInstanceType = "InvalidInstanceTypeException"
    // ListDeployments filters.
    case applicationNameRequired = "ApplicationNameRequiredException"
    case invalidApplicationName = "InvalidApplicationNameException"
    case applicationDoesNotExist = "ApplicationDoesNotExistException"
    case deploymentGroupNameRequired = "DeploymentGroupNameRequiredException"
    case invalidDeploymentGroupName = "InvalidDeploymentGroupNameException"
    case deploymentGroupDoesNotExist = "DeploymentGroupDoesNotExistException"
}

extension ServiceError {
    /// A CodeDeploy error: HTTP 400, the code as the model names it, the message and no other members.
    public static func codeDeploy(_ code: CodeDeployErrorCode, _ message: String) -> ServiceError {
        ServiceError(code: code.rawValue, httpStatus: 400, message: message)
    }
}
