/// `GetNamespace`: one namespace by id or ARN.
public struct GetNamespaceInput: Sendable, Hashable, Codable {
    public var id: String

    public init(id: String) {
        self.id = id
    }

    enum CodingKeys: String, CodingKey {
        case id = "Id"
    }
}

/// The answer to `GetNamespace`.
public struct GetNamespaceOutput: Sendable, Hashable, Codable {
    public var namespace: CloudMap.Namespace

    public init(namespace: CloudMap.Namespace) {
        self.namespace = namespace
    }

    enum CodingKeys: String, CodingKey {
        case namespace = "Namespace"
    }
}
