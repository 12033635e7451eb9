/// The namespace of the Cloud Map (`servicediscovery` 2017-03-14) shapes that operations share.
///
/// The shared shapes are nested here rather than declared at the top level because their model names are
/// generic: `Operation` would be ambiguous with Foundation's `Operation` in any file that imports both
/// modules, and `Service`, `Tag` or `HealthCheckConfig` would collide with the other services' shapes.
/// The operation inputs and outputs keep their unique top-level names (`RegisterInstanceInput`, ...).
///
/// Enum-valued members are plain `String`s, as on the wire, so that an unknown value from a live endpoint
/// still decodes; the caseless enums below name the values the model lists.
public enum CloudMap {
    /// `OperationStatus` values.
    public enum OperationStatus {
        public static let submitted = "SUBMITTED"
        public static let pending = "PENDING"
        public static let success = "SUCCESS"
        public static let fail = "FAIL"
    }

    /// `OperationType` values.
    public enum OperationType {
        public static let createNamespace = "CREATE_NAMESPACE"
        public static let deleteNamespace = "DELETE_NAMESPACE"
        public static let updateNamespace = "UPDATE_NAMESPACE"
        public static let updateService = "UPDATE_SERVICE"
        public static let registerInstance = "REGISTER_INSTANCE"
        public static let deregisterInstance = "DEREGISTER_INSTANCE"
    }

    /// `OperationTargetType` values: the keys of ``Operation/targets``.
    public enum OperationTargetType {
        public static let namespace = "NAMESPACE"
        public static let service = "SERVICE"
        public static let instance = "INSTANCE"
    }

    /// `OperationFilterName` values.
    public enum OperationFilterName {
        public static let namespaceId = "NAMESPACE_ID"
        public static let serviceId = "SERVICE_ID"
        public static let status = "STATUS"
        public static let type = "TYPE"
        public static let updateDate = "UPDATE_DATE"
    }

    /// `FilterCondition` values.
    public enum FilterCondition {
        public static let eq = "EQ"
        public static let `in` = "IN"
        public static let between = "BETWEEN"
        public static let beginsWith = "BEGINS_WITH"
    }

    /// `NamespaceType` and `ServiceType` values.
    public enum ResourceKind {
        public static let http = "HTTP"
        public static let dnsHTTP = "DNS_HTTP"
        public static let dns = "DNS"
        public static let dnsPublic = "DNS_PUBLIC"
        public static let dnsPrivate = "DNS_PRIVATE"
    }

    /// The reserved `RegisterInstance` attribute keys (every other key is a custom attribute).
    public enum AttributeKey {
        public static let aliasDNSName = "AWS_ALIAS_DNS_NAME"
        public static let ec2InstanceId = "AWS_EC2_INSTANCE_ID"
        public static let initHealthStatus = "AWS_INIT_HEALTH_STATUS"
        public static let instanceCNAME = "AWS_INSTANCE_CNAME"
        public static let instanceIPv4 = "AWS_INSTANCE_IPV4"
        public static let instanceIPv6 = "AWS_INSTANCE_IPV6"
        public static let instancePort = "AWS_INSTANCE_PORT"

        /// All reserved keys.
        public static let reserved: Set<String> = [
            aliasDNSName, ec2InstanceId, initHealthStatus, instanceCNAME, instanceIPv4, instanceIPv6, instancePort,
        ]
    }
}
