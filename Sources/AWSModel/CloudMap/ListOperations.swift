/// `ListOperations`: the operations that match every filter, one page at a time.
public struct ListOperationsInput: Sendable, Hashable, Codable {
    public var nextToken: String?
    /// 1-100.
    public var maxResults: Int?
    public var filters: [CloudMap.OperationFilter]?

    public init(nextToken: String? = nil, maxResults: Int? = nil, filters: [CloudMap.OperationFilter]? = nil) {
        self.nextToken = nextToken
        self.maxResults = maxResults
        self.filters = filters
    }

    enum CodingKeys: String, CodingKey {
        case nextToken = "NextToken"
        case maxResults = "MaxResults"
        case filters = "Filters"
    }
}

/// The answer to `ListOperations`.
public struct ListOperationsOutput: Sendable, Hashable, Codable {
    public var operations: [CloudMap.OperationSummary]
    public var nextToken: String?

    public init(operations: [CloudMap.OperationSummary], nextToken: String? = nil) {
        self.operations = operations
        self.nextToken = nextToken
    }

    enum CodingKeys: String, CodingKey {
        case operations = "Operations"
        case nextToken = "NextToken"
    }
}
