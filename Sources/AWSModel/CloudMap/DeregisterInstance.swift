/// `DeregisterInstance`: removes an instance, asynchronously. It has no idempotency token.
public struct DeregisterInstanceInput: Sendable, Hashable, Codable {
    public var serviceId: String
    public var instanceId: String

    public init(serviceId: String, instanceId: String) {
        self.serviceId = serviceId
        self.instanceId = instanceId
    }

    enum CodingKeys: String, CodingKey {
        case serviceId = "ServiceId"
        case instanceId = "InstanceId"
    }
}

/// The answer to `DeregisterInstance`: the operation to poll with `GetOperation`.
public struct DeregisterInstanceOutput: Sendable, Hashable, Codable {
    public var operationId: String

    public init(operationId: String) {
        self.operationId = operationId
    }

    enum CodingKeys: String, CodingKey {
        case operationId = "OperationId"
    }
}
