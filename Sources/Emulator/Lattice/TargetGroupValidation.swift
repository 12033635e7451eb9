import AWSModel
import BenchCore

/// The `CreateTargetGroup` input rules: the model's lengths, patterns, enums and ranges, which botocore leaves
/// to the server, plus the per-type rules of `TargetGroupConfig` that the documentation states.
///
/// Choices where the documentation is silent or loose (wire.md §1.1, api-reference 001):
/// - `IP`, `INSTANCE` and `ALB` groups require `config` with `protocol` and `vpcIdentifier`. `port` defaults to
///   80 for `HTTP` and 443 for `HTTPS` and is required for `TCP`; `protocolVersion` defaults to `HTTP1`, and
///   an `IP` group's `ipAddressType` to `IPV4`. A `LAMBDA` group's `lambdaEventStructureVersion` defaults to `V1`.
/// - `healthCheck` is refused on `LAMBDA` and `ALB` groups ("Not supported if the target group type is LAMBDA
///   or ALB").
/// - Health-check ranges are the documented ones (interval 5-300 s, timeout 1-120 s, thresholds 2-10), which are
///   narrower than the model's `min=0`; the health-check port is the model's 0-65535.
/// - Tag keys may not start with `aws:`, as the documentation says.
enum TargetGroupValidation {
    /// Checks `input` and returns the configuration the new group gets, with the defaults filled in.
    /// - Throws: one `ValidationException` naming every offending field.
    static func validate(_ input: CreateTargetGroupInput) throws(ServiceError) -> TargetGroupConfig {
        var violations = FieldViolations()
        if violations.checkLength(input.name, "name", 3...128),
            let problem = LatticeSyntax.targetGroupNameProblem(input.name)
        {
            violations.add("name", problem)
        }
        violations.checkEnum(input.type, "type", LatticeValues.TargetGroupType.all)
        if let token = input.clientToken, violations.checkLength(token, "clientToken", 1...64),
            !LatticeSyntax.isClientToken(token)
        {
            violations.add("clientToken", "must contain at least one printable ASCII character")
        }
        if let tags = input.tags { checkTags(tags, into: &violations) }
        let config = effectiveConfig(input.config, type: input.type, into: &violations)
        try violations.throwIfAny()
        return config
    }

    /// Checks `config` against `type` and fills in the defaults.
    private static func effectiveConfig(
        _ config: TargetGroupConfig?, type: String, into violations: inout FieldViolations
    ) -> TargetGroupConfig {
        var effective = config ?? TargetGroupConfig()
        checkMembers(effective, into: &violations)
        typealias Kind = LatticeValues.TargetGroupType
        switch type {
        case Kind.lambda:
            violations.rejectPresent(effective.port, "config.port", type: type)
            violations.rejectPresent(effective.protocol, "config.protocol", type: type)
            violations.rejectPresent(effective.protocolVersion, "config.protocolVersion", type: type)
            violations.rejectPresent(effective.vpcIdentifier, "config.vpcIdentifier", type: type)
            violations.rejectPresent(effective.ipAddressType, "config.ipAddressType", type: type)
            violations.rejectPresent(effective.healthCheck, "config.healthCheck", type: type)
            effective.lambdaEventStructureVersion = effective.lambdaEventStructureVersion ?? "V1"
        case Kind.ip, Kind.instance, Kind.alb:
            guard config != nil else {
                violations.add("config", "is required for \(type) target groups")
                return effective
            }
            if effective.protocol == nil { violations.add("config.protocol", "is required for \(type) target groups") }
            if effective.vpcIdentifier == nil {
                violations.add("config.vpcIdentifier", "is required for \(type) target groups")
            }
            violations.rejectPresent(effective.lambdaEventStructureVersion, "config.lambdaEventStructureVersion",
                type: type)
            if type != Kind.ip { violations.rejectPresent(effective.ipAddressType, "config.ipAddressType", type: type) }
            if type == Kind.alb { violations.rejectPresent(effective.healthCheck, "config.healthCheck", type: type) }
            if effective.port == nil {
                switch effective.protocol {
                case "HTTP": effective.port = 80
                case "HTTPS": effective.port = 443
                case "TCP": violations.add("config.port", "is required for TCP target groups")
                default: break
                }
            }
            effective.protocolVersion = effective.protocolVersion ?? "HTTP1"
            if type == Kind.ip { effective.ipAddressType = effective.ipAddressType ?? "IPV4" }
        default:
            break  // An unknown type is already reported; no per-type rules apply.
        }
        return effective
    }

    /// The rules of each member that hold whatever the group type.
    private static func checkMembers(_ config: TargetGroupConfig, into violations: inout FieldViolations) {
        violations.checkRange(config.port, "config.port", 1...65535)
        violations.checkEnum(config.protocol, "config.protocol", LatticeValues.protocols)
        violations.checkEnum(config.protocolVersion, "config.protocolVersion", LatticeValues.protocolVersions)
        violations.checkEnum(config.ipAddressType, "config.ipAddressType", LatticeValues.ipAddressTypes)
        if let vpc = config.vpcIdentifier, !LatticeSyntax.isVPCIdentifier(vpc) {
            violations.add("config.vpcIdentifier", "must be 'vpc-' followed by 8 or 17 of [0-9a-z], got '\(vpc)'")
        }
        violations.checkEnum(
            config.lambdaEventStructureVersion, "config.lambdaEventStructureVersion",
            LatticeValues.lambdaEventStructureVersions)
        if let check = config.healthCheck { checkHealthCheck(check, into: &violations) }
    }

    private static func checkHealthCheck(_ check: HealthCheckConfig, into violations: inout FieldViolations) {
        let prefix = "config.healthCheck."
        violations.checkEnum(check.protocol, prefix + "protocol", LatticeValues.protocols)
        violations.checkEnum(
            check.protocolVersion, prefix + "protocolVersion", LatticeValues.healthCheckProtocolVersions)
        violations.checkRange(check.port, prefix + "port", 0...65535)
        if let path = check.path, violations.checkLength(path, prefix + "path", 0...2048),
            !LatticeSyntax.isHealthCheckPath(path)
        {
            violations.add(prefix + "path", "must be empty or '/' followed by URI characters")
        }
        violations.checkRange(check.healthCheckIntervalSeconds, prefix + "healthCheckIntervalSeconds", 5...300)
        violations.checkRange(check.healthCheckTimeoutSeconds, prefix + "healthCheckTimeoutSeconds", 1...120)
        violations.checkRange(check.healthyThresholdCount, prefix + "healthyThresholdCount", 2...10)
        violations.checkRange(check.unhealthyThresholdCount, prefix + "unhealthyThresholdCount", 2...10)
        if let code = check.matcher?.httpCode, violations.checkLength(code, prefix + "matcher.httpCode", 0...2000),
            !LatticeSyntax.isHTTPCodeMatcher(code)
        {
            violations.add(prefix + "matcher.httpCode", "may contain only digits, hyphens and commas")
        }
    }

    /// At most 200 tags; each key 1-128 characters and not `aws:`-prefixed, each value 0-256 characters.
    /// Reports the first offending key in key order, so the message is the same on every run.
    private static func checkTags(_ tags: [String: String], into violations: inout FieldViolations) {
        violations.checkCount(tags.count, "tags", 0...200)
        let offending = tags.compactMap { key, value -> (key: String, problem: String)? in
            if !key.hasUnicodeScalarCount(in: 1...128) {
                return (key, "must be 1-128 characters long, got \(key.unicodeScalars.count)")
            }
            if key.hasPrefix("aws:") { return (key, "must not start with 'aws:'") }
            if !value.hasUnicodeScalarCount(in: 0...256) {
                return (key, "has a value that must be 0-256 characters long, got \(value.unicodeScalars.count)")
            }
            return nil
        }
        if let first = offending.min(by: { $0.key < $1.key }) {
            violations.add("tags", "key '\(first.key)' \(first.problem)")
        }
    }
}
