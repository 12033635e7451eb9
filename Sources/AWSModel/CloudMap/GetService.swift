/// `GetService`: one service by id or ARN.
public struct GetServiceInput: Sendable, Hashable, Codable {
    public var id: String

    public init(id: String) {
        self.id = id
    }

    enum CodingKeys: String, CodingKey {
        case id = "Id"
    }
}

/// The answer to `GetService`.
public struct GetServiceOutput: Sendable, Hashable, Codable {
    public var service: CloudMap.Service

    public init(service: CloudMap.Service) {
        self.service = service
    }

    enum CodingKeys: String, CodingKey {
        case service = "Service"
    }
}
