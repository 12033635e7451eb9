/// `GetOperation`: the status of an asynchronous operation.
public struct GetOperationInput: Sendable, Hashable, Codable {
    public var operationId: String
    /// 12 digits when present.
    public var ownerAccount: String?

    public init(operationId: String, ownerAccount: String? = nil) {
        self.operationId = operationId
        self.ownerAccount = ownerAccount
    }

    enum CodingKeys: String, CodingKey {
        case operationId = "OperationId"
        case ownerAccount = "OwnerAccount"
    }
}

/// The answer to `GetOperation`.
public struct GetOperationOutput: Sendable, Hashable, Codable {
    public var operation: CloudMap.Operation

    public init(operation: CloudMap.Operation) {
        self.operation = operation
    }

    enum CodingKeys: String, CodingKey {
        case operation = "Operation"
    }
}
