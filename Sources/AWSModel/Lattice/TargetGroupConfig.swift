/// The configuration of a VPC Lattice target group (`TargetGroupConfig`, wire.md §1.2.1).
///
/// Enum-valued members are plain strings so that a value the model does not know can still reach the
/// service (botocore does not check enums) and be refused there with a `ValidationException`.
public struct TargetGroupConfig: Sendable, Hashable, Codable {
    /// The port the targets listen on, 1-65535. Not supported for `LAMBDA` groups.
    public var port: Int?
    /// `HTTP | HTTPS | TCP`. Not supported for `LAMBDA` groups.
    public var `protocol`: String?
    /// `HTTP1 | HTTP2 | GRPC`. Not supported for `LAMBDA` groups.
    public var protocolVersion: String?
    /// `IPV4 | IPV6`. Only `IP` groups take it.
    public var ipAddressType: String?
    /// `vpc-` followed by 8 or 17 of `[0-9a-z]`. Not supported for `LAMBDA` groups.
    public var vpcIdentifier: String?
    /// The health check. Not supported for `LAMBDA` and `ALB` groups.
    public var healthCheck: HealthCheckConfig?
    /// `V1 | V2`. Only `LAMBDA` groups take it.
    public var lambdaEventStructureVersion: String?

    public init(
        port: Int? = nil, protocol: String? = nil, protocolVersion: String? = nil, ipAddressType: String? = nil,
        vpcIdentifier: String? = nil, healthCheck: HealthCheckConfig? = nil,
        lambdaEventStructureVersion: String? = nil
    ) {
        self.port = port
        self.protocol = `protocol`
        self.protocolVersion = protocolVersion
        self.ipAddressType = ipAddressType
        self.vpcIdentifier = vpcIdentifier
        self.healthCheck = healthCheck
        self.lambdaEventStructureVersion = lambdaEventStructureVersion
    }
}

/// The health check of a target group (`HealthCheckConfig`).
public struct HealthCheckConfig: Sendable, Hashable, Codable {
    public var enabled: Bool?
    /// `HTTP | HTTPS | TCP`.
    public var `protocol`: String?
    /// `HTTP1 | HTTP2`.
    public var protocolVersion: String?
    /// 0-65535.
    public var port: Int?
    /// Empty, or `/` followed by URI characters; at most 2,048 characters.
    public var path: String?
    public var healthCheckIntervalSeconds: Int?
    public var healthCheckTimeoutSeconds: Int?
    public var healthyThresholdCount: Int?
    public var unhealthyThresholdCount: Int?
    public var matcher: Matcher?

    public init(
        enabled: Bool? = nil, protocol: String? = nil, protocolVersion: String? = nil, port: Int? = nil,
        path: String? = nil, healthCheckIntervalSeconds: Int? = nil, healthCheckTimeoutSeconds: Int? = nil,
        healthyThresholdCount: Int? = nil, unhealthyThresholdCount: Int? = nil, matcher: Matcher? = nil
    ) {
        self.enabled = enabled
        self.protocol = `protocol`
        self.protocolVersion = protocolVersion
        self.port = port
        self.path = path
        self.healthCheckIntervalSeconds = healthCheckIntervalSeconds
        self.healthCheckTimeoutSeconds = healthCheckTimeoutSeconds
        self.healthyThresholdCount = healthyThresholdCount
        self.unhealthyThresholdCount = unhealthyThresholdCount
        self.matcher = matcher
    }
}

/// The HTTP codes a health check accepts (`Matcher`, a union whose only member is `httpCode`).
public struct Matcher: Sendable, Hashable, Codable {
    /// Codes and ranges such as `200` or `200-299,302`; at most 2,000 characters.
    public var httpCode: String?

    public init(httpCode: String? = nil) {
        self.httpCode = httpCode
    }
}
