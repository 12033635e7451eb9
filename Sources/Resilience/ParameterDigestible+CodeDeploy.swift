import AWSModel

extension BatchGetDeploymentTargetsInput: ParameterDigestible {
    func digestParameters(into builder: inout ParameterDigestBuilder) {
        builder.member("deploymentId", deploymentId)
        builder.member("targetIds", targetIds)
    }
}

extension ListDeploymentsInput: ParameterDigestible {
    func digestParameters(into builder: inout ParameterDigestBuilder) {
        builder.member("applicationName", applicationName)
        builder.member("deploymentGroupName", deploymentGroupName)
        builder.member("nextToken", nextToken)
    }
}

extension ListDeploymentTargetsInput: ParameterDigestible {
    func digestParameters(into builder: inout ParameterDigestBuilder) {
        builder.member("deploymentId", deploymentId)
        builder.member("nextToken", nextToken)
        builder.member("targetFilters", targetFilters)
    }
}

extension GetDeploymentTargetInput: ParameterDigestible {
    func digestParameters(into builder: inout ParameterDigestBuilder) {
        builder.member("deploymentId", deploymentId)
        builder.member("targetId", targetId)
    }
}

extension GetDeploymentInput: ParameterDigestible {
    func digestParameters(into builder: inout ParameterDigestBuilder) {
        builder.member("deploymentId", deploymentId)
    }
}
