/// The values of the VPC Lattice enums (wire.md §1.2.1), kept as strings because the shapes carry strings.
///
/// Clients use the constants to build requests; the emulator checks members against the `all*` lists.
public enum LatticeValues {
    /// `TargetGroupType`.
    public enum TargetGroupType {
        public static let ip = "IP"
        public static let lambda = "LAMBDA"
        public static let instance = "INSTANCE"
        public static let alb = "ALB"
        public static let all = [ip, lambda, instance, alb]
    }

    /// `TargetGroupProtocol` (also the health-check protocol).
    public static let protocols = ["HTTP", "HTTPS", "TCP"]
    /// `TargetGroupProtocolVersion`.
    public static let protocolVersions = ["HTTP1", "HTTP2", "GRPC"]
    /// `HealthCheckProtocolVersion`.
    public static let healthCheckProtocolVersions = ["HTTP1", "HTTP2"]
    /// `IpAddressType`.
    public static let ipAddressTypes = ["IPV4", "IPV6"]
    /// `LambdaEventStructureVersion`.
    public static let lambdaEventStructureVersions = ["V1", "V2"]

    /// `TargetGroupStatus` values the emulator produces.
    public enum TargetGroupStatus {
        public static let active = "ACTIVE"
    }

    /// `TargetStatus` values the emulator produces.
    public enum TargetStatus {
        public static let healthy = "HEALTHY"
    }

    /// The `resourceType` of target-group errors.
    public static let targetGroupResourceType = "TARGET_GROUP"
    /// The `resourceType` of target errors.
    public static let targetResourceType = "TARGET"
    /// The `serviceCode` of quota and throttling errors.
    public static let serviceCode = "vpc-lattice"
}
