import Foundation

extension CloudMap {
    /// A namespace as `GetNamespace` returns it (`Namespace` in the model).
    public struct Namespace: Sendable, Hashable, Codable {
        public var id: String
        public var arn: String
        public var resourceOwner: String?
        public var name: String
        /// One of `DNS_PUBLIC`, `DNS_PRIVATE`, `HTTP` (``CloudMap/ResourceKind``).
        public var type: String
        public var description: String?
        public var serviceCount: Int?
        public var properties: NamespaceProperties?
        public var createDate: Date?
        public var creatorRequestId: String?

        public init(
            id: String, arn: String, resourceOwner: String? = nil, name: String, type: String,
            description: String? = nil, serviceCount: Int? = nil, properties: NamespaceProperties? = nil,
            createDate: Date? = nil, creatorRequestId: String? = nil
        ) {
            self.id = id
            self.arn = arn
            self.resourceOwner = resourceOwner
            self.name = name
            self.type = type
            self.description = description
            self.serviceCount = serviceCount
            self.properties = properties
            self.createDate = createDate
            self.creatorRequestId = creatorRequestId
        }

        enum CodingKeys: String, CodingKey {
            case id = "Id"
            case arn = "Arn"
            case resourceOwner = "ResourceOwner"
            case name = "Name"
            case type = "Type"
            case description = "Description"
            case serviceCount = "ServiceCount"
            case properties = "Properties"
            case createDate = "CreateDate"
            case creatorRequestId = "CreatorRequestId"
        }
    }

    /// `NamespaceProperties`; only the HTTP part is modeled (bench creates HTTP namespaces only, and a
    /// decoder ignores the `DnsProperties` a live endpoint may send).
    public struct NamespaceProperties: Sendable, Hashable, Codable {
        public var httpProperties: HttpProperties?

        public init(httpProperties: HttpProperties? = nil) {
            self.httpProperties = httpProperties
        }

        enum CodingKeys: String, CodingKey {
            case httpProperties = "HttpProperties"
        }
    }

    /// `HttpProperties`: the name used to discover instances of an HTTP namespace.
    public struct HttpProperties: Sendable, Hashable, Codable {
        public var httpName: String?

        public init(httpName: String? = nil) {
            self.httpName = httpName
        }

        enum CodingKeys: String, CodingKey {
            case httpName = "HttpName"
        }
    }
}
