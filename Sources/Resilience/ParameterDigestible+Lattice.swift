import AWSModel

extension CreateTargetGroupInput: ParameterDigestible {
    func digestParameters(into builder: inout ParameterDigestBuilder) {
        builder.member("name", name)
        builder.member("type", type)
        builder.member("config", config)
        builder.member("clientToken", clientToken)
        builder.member("tags", tags)
    }
}

extension TargetGroupConfig: ParameterDigestible {
    func digestParameters(into builder: inout ParameterDigestBuilder) {
        builder.member("port", port)
        builder.member("protocol", `protocol`)
        builder.member("protocolVersion", protocolVersion)
        builder.member("ipAddressType", ipAddressType)
        builder.member("vpcIdentifier", vpcIdentifier)
        builder.member("healthCheck", healthCheck)
        builder.member("lambdaEventStructureVersion", lambdaEventStructureVersion)
    }
}

extension HealthCheckConfig: ParameterDigestible {
    func digestParameters(into builder: inout ParameterDigestBuilder) {
        builder.member("enabled", enabled)
        builder.member("protocol", `protocol`)
        builder.member("protocolVersion", protocolVersion)
        builder.member("port", port)
        builder.member("path", path)
        builder.member("healthCheckIntervalSeconds", healthCheckIntervalSeconds)
        builder.member("healthCheckTimeoutSeconds", healthCheckTimeoutSeconds)
        builder.member("healthyThresholdCount", healthyThresholdCount)
        builder.member("unhealthyThresholdCount", unhealthyThresholdCount)
        builder.member("matcher", matcher)
    }
}

extension Matcher: ParameterDigestible {
    func digestParameters(into builder: inout ParameterDigestBuilder) {
        builder.member("httpCode", httpCode)
    }
}

extension Target: ParameterDigestible {
    func digestParameters(into builder: inout ParameterDigestBuilder) {
        builder.member("id", id)
        builder.member("port", port)
    }
}

extension RegisterTargetsInput: ParameterDigestible {
    func digestParameters(into builder: inout ParameterDigestBuilder) {
        builder.member("targetGroupIdentifier", targetGroupIdentifier)
        builder.member("targets", targets)
    }
}

extension DeregisterTargetsInput: ParameterDigestible {
    func digestParameters(into builder: inout ParameterDigestBuilder) {
        builder.member("targetGroupIdentifier", targetGroupIdentifier)
        builder.member("targets", targets)
    }
}

extension GetTargetGroupInput: ParameterDigestible {
    func digestParameters(into builder: inout ParameterDigestBuilder) {
        builder.member("targetGroupIdentifier", targetGroupIdentifier)
    }
}

extension ListTargetGroupsInput: ParameterDigestible {
    func digestParameters(into builder: inout ParameterDigestBuilder) {
        builder.member("maxResults", maxResults)
        builder.member("nextToken", nextToken)
        builder.member("vpcIdentifier", vpcIdentifier)
        builder.member("targetGroupType", targetGroupType)
    }
}

extension ListTargetsInput: ParameterDigestible {
    func digestParameters(into builder: inout ParameterDigestBuilder) {
        builder.member("targetGroupIdentifier", targetGroupIdentifier)
        builder.member("maxResults", maxResults)
        builder.member("nextToken", nextToken)
        builder.member("targets", targets)
    }
}
