/// `ListInstances`: the instances of a service, one page at a time.
public struct ListInstancesInput: Sendable, Hashable, Codable {
    public var serviceId: String
    /// At most 4,096 characters.
    public var nextToken: String?
    /// 1-100.
    public var maxResults: Int?

    public init(serviceId: String, nextToken: String? = nil, maxResults: Int? = nil) {
        self.serviceId = serviceId
        self.nextToken = nextToken
        self.maxResults = maxResults
    }

    enum CodingKeys: String, CodingKey {
        case serviceId = "ServiceId"
        case nextToken = "NextToken"
        case maxResults = "MaxResults"
    }
}

/// The answer to `ListInstances`.
public struct ListInstancesOutput: Sendable, Hashable, Codable {
    public var resourceOwner: String?
    public var instances: [CloudMap.InstanceSummary]
    public var nextToken: String?

    public init(resourceOwner: String? = nil, instances: [CloudMap.InstanceSummary], nextToken: String? = nil) {
        self.resourceOwner = resourceOwner
        self.instances = instances
        self.nextToken = nextToken
    }

    enum CodingKeys: String, CodingKey {
        case resourceOwner = "ResourceOwner"
        case instances = "Instances"
        case nextToken = "NextToken"
    }
}
