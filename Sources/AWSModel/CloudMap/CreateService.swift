/// `CreateService`: creates a service in a namespace, synchronously.
public struct CreateServiceInput: Sendable, Hashable, Codable {
    /// 1-127 characters of dot-separated DNS labels, or `.`.
    public var name: String
    /// The namespace id or ARN (at most 255).
    public var namespaceId: String?
    /// The idempotency token; botocore fills in a UUID when the caller leaves it out.
    public var creatorRequestId: String?
    public var description: String?
    public var dnsConfig: CloudMap.DnsConfig?
    public var healthCheckConfig: CloudMap.HealthCheckConfig?
    public var healthCheckCustomConfig: CloudMap.HealthCheckCustomConfig?
    public var tags: [CloudMap.Tag]?
    /// Only `HTTP` is allowed when present.
    public var type: String?

    public init(
        name: String, namespaceId: String? = nil, creatorRequestId: String? = nil, description: String? = nil,
        dnsConfig: CloudMap.DnsConfig? = nil, healthCheckConfig: CloudMap.HealthCheckConfig? = nil,
        healthCheckCustomConfig: CloudMap.HealthCheckCustomConfig? = nil, tags: [CloudMap.Tag]? = nil,
        type: String? = nil
    ) {
        self.name = name
        self.namespaceId = namespaceId
        self.creatorRequestId = creatorRequestId
        self.description = description
        self.dnsConfig = dnsConfig
        self.healthCheckConfig = healthCheckConfig
        self.healthCheckCustomConfig = healthCheckCustomConfig
        self.tags = tags
        self.type = type
    }

    enum CodingKeys: String, CodingKey {
        case name = "Name"
        case namespaceId = "NamespaceId"
        case creatorRequestId = "CreatorRequestId"
        case description = "Description"
        case dnsConfig = "DnsConfig"
        case healthCheckConfig = "HealthCheckConfig"
        case healthCheckCustomConfig = "HealthCheckCustomConfig"
        case tags = "Tags"
        case type = "Type"
    }
}

/// The answer to `CreateService`.
public struct CreateServiceOutput: Sendable, Hashable, Codable {
    public var service: CloudMap.Service

    public init(service: CloudMap.Service) {
        self.service = service
    }

    enum CodingKeys: String, CodingKey {
        case service = "Service"
    }
}
