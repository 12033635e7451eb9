import Foundation

extension CloudMap {
    /// A service as `CreateService` and `GetService` return it (`Service` in the model).
    public struct Service: Sendable, Hashable, Codable {
        public var id: String
        public var arn: String
        public var resourceOwner: String?
        public var name: String
        public var namespaceId: String?
        public var description: String?
        public var instanceCount: Int?
        public var dnsConfig: DnsConfig?
        /// One of `HTTP`, `DNS_HTTP`, `DNS` (``CloudMap/ResourceKind``).
        public var type: String?
        public var healthCheckConfig: HealthCheckConfig?
        public var healthCheckCustomConfig: HealthCheckCustomConfig?
        public var createDate: Date?
        public var creatorRequestId: String?
        public var createdByAccount: String?

        public init(
            id: String, arn: String, resourceOwner: String? = nil, name: String, namespaceId: String? = nil,
            description: String? = nil, instanceCount: Int? = nil, dnsConfig: DnsConfig? = nil, type: String? = nil,
            healthCheckConfig: HealthCheckConfig? = nil, healthCheckCustomConfig: HealthCheckCustomConfig? = nil,
            createDate: Date? = nil, creatorRequestId: String? = nil, createdByAccount: String? = nil
        ) {
            self.id = id
            self.arn = arn
            self.resourceOwner = resourceOwner
            self.name = name
            self.namespaceId = namespaceId
            self.description = description
            self.instanceCount = instanceCount
            self.dnsConfig = dnsConfig
            self.type = type
            self.healthCheckConfig = healthCheckConfig
            self.healthCheckCustomConfig = healthCheckCustomConfig
            self.createDate = createDate
            self.creatorRequestId = creatorRequestId
            self.createdByAccount = createdByAccount
        }

        enum CodingKeys: String, CodingKey {
            case id = "Id"
            case arn = "Arn"
            case resourceOwner = "ResourceOwner"
            case name = "Name"
            case namespaceId = "NamespaceId"
            case description = "Description"
            case instanceCount = "InstanceCount"
            case dnsConfig = "DnsConfig"
            case type = "Type"
            case healthCheckConfig = "HealthCheckConfig"
            case healthCheckCustomConfig = "HealthCheckCustomConfig"
            case createDate = "CreateDate"
            case creatorRequestId = "CreatorRequestId"
            case createdByAccount = "CreatedByAccount"
        }
    }

    /// `DnsConfig`: the DNS records of a service in a DNS namespace.
    public struct DnsConfig: Sendable, Hashable, Codable {
        /// Deprecated in the model in favour of the top-level `NamespaceId`.
        public var namespaceId: String?
        /// `MULTIVALUE` or `WEIGHTED`.
        public var routingPolicy: String?
        public var dnsRecords: [DnsRecord]

        public init(namespaceId: String? = nil, routingPolicy: String? = nil, dnsRecords: [DnsRecord]) {
            self.namespaceId = namespaceId
            self.routingPolicy = routingPolicy
            self.dnsRecords = dnsRecords
        }

        enum CodingKeys: String, CodingKey {
            case namespaceId = "NamespaceId"
            case routingPolicy = "RoutingPolicy"
            case dnsRecords = "DnsRecords"
        }
    }

    /// `DnsRecord`: one record type and its TTL (0-2147483647 seconds).
    public struct DnsRecord: Sendable, Hashable, Codable {
        /// `SRV`, `A`, `AAAA` or `CNAME`.
        public var type: String
        public var ttl: Int64

        public init(type: String, ttl: Int64) {
            self.type = type
            self.ttl = ttl
        }

        enum CodingKeys: String, CodingKey {
            case type = "Type"
            case ttl = "TTL"
        }
    }

    /// `HealthCheckConfig`: a Route 53 health check.
    public struct HealthCheckConfig: Sendable, Hashable, Codable {
        /// `HTTP`, `HTTPS` or `TCP`.
        public var type: String
        /// At most 255 characters.
        public var resourcePath: String?
        /// 1-10.
        public var failureThreshold: Int?

        public init(type: String, resourcePath: String? = nil, failureThreshold: Int? = nil) {
            self.type = type
            self.resourcePath = resourcePath
            self.failureThreshold = failureThreshold
        }

        enum CodingKeys: String, CodingKey {
            case type = "Type"
            case resourcePath = "ResourcePath"
            case failureThreshold = "FailureThreshold"
        }
    }

    /// `HealthCheckCustomConfig`: a custom health check (its threshold is deprecated and always 1).
    public struct HealthCheckCustomConfig: Sendable, Hashable, Codable {
        /// 1-10.
        public var failureThreshold: Int?

        public init(failureThreshold: Int? = nil) {
            self.failureThreshold = failureThreshold
        }

        enum CodingKeys: String, CodingKey {
            case failureThreshold = "FailureThreshold"
        }
    }
}
