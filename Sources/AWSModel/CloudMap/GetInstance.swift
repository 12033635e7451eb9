/// `GetInstance`: one instance, with the `CreatorRequestId` that last registered it.
public struct GetInstanceInput: Sendable, Hashable, Codable {
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

/// The answer to `GetInstance`.
public struct GetInstanceOutput: Sendable, Hashable, Codable {
    public var resourceOwner: String?
    public var instance: CloudMap.Instance

    public init(resourceOwner: String? = nil, instance: CloudMap.Instance) {
        self.resourceOwner = resourceOwner
        self.instance = instance
    }

    enum CodingKeys: String, CodingKey {
        case resourceOwner = "ResourceOwner"
        case instance = "Instance"
    }
}
