extension CloudMap {
    /// A registered instance as `GetInstance` returns it (`Instance` in the model).
    ///
    /// `GetInstance` is the only read-back that returns the stored `CreatorRequestId`.
    public struct Instance: Sendable, Hashable, Codable {
        public var id: String
        public var creatorRequestId: String?
        public var attributes: [String: String]?
        public var createdByAccount: String?

        public init(
            id: String, creatorRequestId: String? = nil, attributes: [String: String]? = nil,
            createdByAccount: String? = nil
        ) {
            self.id = id
            self.creatorRequestId = creatorRequestId
            self.attributes = attributes
            self.createdByAccount = createdByAccount
        }

        enum CodingKeys: String, CodingKey {
            case id = "Id"
            case creatorRequestId = "CreatorRequestId"
            case attributes = "Attributes"
            case createdByAccount = "CreatedByAccount"
        }
    }

    /// One entry of `ListInstances` (`InstanceSummary` in the model): no `CreatorRequestId`.
    public struct InstanceSummary: Sendable, Hashable, Codable {
        public var id: String
        public var attributes: [String: String]?
        public var createdByAccount: String?

        public init(id: String, attributes: [String: String]? = nil, createdByAccount: String? = nil) {
            self.id = id
            self.attributes = attributes
            self.createdByAccount = createdByAccount
        }

        enum CodingKeys: String, CodingKey {
            case id = "Id"
            case attributes = "Attributes"
            case createdByAccount = "CreatedByAccount"
        }
    }
}
