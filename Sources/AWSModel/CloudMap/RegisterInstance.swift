/// `RegisterInstance`: creates or updates an instance of a service, asynchronously.
///
/// Limits the server enforces (botocore checks only `required`): `ServiceId` at most 255 (id or ARN),
/// `InstanceId` at most 64 matching `^[0-9a-zA-Z_/:.@-]+$`, `CreatorRequestId` at most 64, and the attribute
/// rules of the model documentation (30 custom attributes, key 255, value 1,024, all keys and values 5,000).
public struct RegisterInstanceInput: Sendable, Hashable, Codable {
    public var serviceId: String
    public var instanceId: String
    /// The idempotency token; botocore fills in a UUID when the caller leaves it out.
    public var creatorRequestId: String?
    public var attributes: [String: String]

    public init(serviceId: String, instanceId: String, creatorRequestId: String? = nil, attributes: [String: String]) {
        self.serviceId = serviceId
        self.instanceId = instanceId
        self.creatorRequestId = creatorRequestId
        self.attributes = attributes
    }

    enum CodingKeys: String, CodingKey {
        case serviceId = "ServiceId"
        case instanceId = "InstanceId"
        case creatorRequestId = "CreatorRequestId"
        case attributes = "Attributes"
    }
}

/// The answer to `RegisterInstance`: the operation to poll with `GetOperation`.
public struct RegisterInstanceOutput: Sendable, Hashable, Codable {
    public var operationId: String

    public init(operationId: String) {
        self.operationId = operationId
    }

    enum CodingKeys: String, CodingKey {
        case operationId = "OperationId"
    }
}
