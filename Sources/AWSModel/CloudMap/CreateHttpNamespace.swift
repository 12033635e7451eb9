/// `CreateHttpNamespace`: creates an HTTP namespace, asynchronously; the namespace id is in the operation's
/// `Targets["NAMESPACE"]`.
public struct CreateHttpNamespaceInput: Sendable, Hashable, Codable {
    /// At most 1,024 printable ASCII characters, not starting with `arn:`.
    public var name: String
    /// The idempotency token; botocore fills in a UUID when the caller leaves it out.
    public var creatorRequestId: String?
    /// At most 1,024 characters.
    public var description: String?
    /// At most 200.
    public var tags: [CloudMap.Tag]?

    public init(name: String, creatorRequestId: String? = nil, description: String? = nil, tags: [CloudMap.Tag]? = nil)
    {
        self.name = name
        self.creatorRequestId = creatorRequestId
        self.description = description
        self.tags = tags
    }

    enum CodingKeys: String, CodingKey {
        case name = "Name"
        case creatorRequestId = "CreatorRequestId"
        case description = "Description"
        case tags = "Tags"
    }
}

/// The answer to `CreateHttpNamespace`.
public struct CreateHttpNamespaceOutput: Sendable, Hashable, Codable {
    public var operationId: String

    public init(operationId: String) {
        self.operationId = operationId
    }

    enum CodingKeys: String, CodingKey {
        case operationId = "OperationId"
    }
}
