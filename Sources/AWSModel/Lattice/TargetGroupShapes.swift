import Foundation

/// `CreateTargetGroup` input (`POST /targetgroups`, every member in the body).
public struct CreateTargetGroupInput: Sendable, Hashable, Codable {
    /// 3-128 of `[a-z0-9-]`, no `tg-` prefix, no leading, trailing or doubled hyphen; unique per account.
    public var name: String
    /// `IP | LAMBDA | INSTANCE | ALB`.
    public var type: String
    public var config: TargetGroupConfig?
    /// The idempotency token, 1-64 characters with at least one printable ASCII character.
    public var clientToken: String?
    /// At most 200 tags; key 1-128 characters, value 0-256.
    public var tags: [String: String]?

    public init(
        name: String, type: String, config: TargetGroupConfig? = nil, clientToken: String? = nil,
        tags: [String: String]? = nil
    ) {
        self.name = name
        self.type = type
        self.config = config
        self.clientToken = clientToken
        self.tags = tags
    }
}

/// `CreateTargetGroup` output (HTTP 201).
public struct CreateTargetGroupOutput: Sendable, Hashable, Codable {
    public var id: String?
    public var arn: String?
    public var name: String?
    public var type: String?
    public var config: TargetGroupConfig?
    public var status: String?

    public init(
        id: String? = nil, arn: String? = nil, name: String? = nil, type: String? = nil,
        config: TargetGroupConfig? = nil, status: String? = nil
    ) {
        self.id = id
        self.arn = arn
        self.name = name
        self.type = type
        self.config = config
        self.status = status
    }
}

/// `GetTargetGroup` input (`GET /targetgroups/{targetGroupIdentifier}`).
public struct GetTargetGroupInput: Sendable, Hashable, Codable {
    /// The id (`tg-…`) or ARN of the group; uri-bound.
    public var targetGroupIdentifier: String

    public init(targetGroupIdentifier: String) {
        self.targetGroupIdentifier = targetGroupIdentifier
    }
}

/// `GetTargetGroup` output.
public struct GetTargetGroupOutput: Sendable, Hashable, Codable {
    public var id: String?
    public var arn: String?
    public var name: String?
    public var type: String?
    public var config: TargetGroupConfig?
    public var createdAt: Date?
    public var lastUpdatedAt: Date?
    public var status: String?
    public var serviceArns: [String]?
    public var failureMessage: String?
    public var failureCode: String?

    public init(
        id: String? = nil, arn: String? = nil, name: String? = nil, type: String? = nil,
        config: TargetGroupConfig? = nil, createdAt: Date? = nil, lastUpdatedAt: Date? = nil, status: String? = nil,
        serviceArns: [String]? = nil, failureMessage: String? = nil, failureCode: String? = nil
    ) {
        self.id = id
        self.arn = arn
        self.name = name
        self.type = type
        self.config = config
        self.createdAt = createdAt
        self.lastUpdatedAt = lastUpdatedAt
        self.status = status
        self.serviceArns = serviceArns
        self.failureMessage = failureMessage
        self.failureCode = failureCode
    }
}

/// `ListTargetGroups` input (`GET /targetgroups`, every member in the query string).
public struct ListTargetGroupsInput: Sendable, Hashable, Codable {
    /// 1-100.
    public var maxResults: Int?
    /// The `nextToken` of the previous page.
    public var nextToken: String?
    /// Only groups in this VPC.
    public var vpcIdentifier: String?
    /// Only groups of this type.
    public var targetGroupType: String?

    public init(
        maxResults: Int? = nil, nextToken: String? = nil, vpcIdentifier: String? = nil,
        targetGroupType: String? = nil
    ) {
        self.maxResults = maxResults
        self.nextToken = nextToken
        self.vpcIdentifier = vpcIdentifier
        self.targetGroupType = targetGroupType
    }
}

/// `ListTargetGroups` output.
public struct ListTargetGroupsOutput: Sendable, Hashable, Codable {
    public var items: [TargetGroupSummary]?
    /// Present when there are more pages.
    public var nextToken: String?

    public init(items: [TargetGroupSummary]? = nil, nextToken: String? = nil) {
        self.items = items
        self.nextToken = nextToken
    }
}

/// One item of `ListTargetGroups`.
public struct TargetGroupSummary: Sendable, Hashable, Codable {
    public var id: String?
    public var arn: String?
    public var name: String?
    public var type: String?
    public var createdAt: Date?
    public var port: Int?
    public var `protocol`: String?
    public var ipAddressType: String?
    public var vpcIdentifier: String?
    public var lastUpdatedAt: Date?
    public var status: String?
    public var serviceArns: [String]?
    public var lambdaEventStructureVersion: String?

    public init(
        id: String? = nil, arn: String? = nil, name: String? = nil, type: String? = nil, createdAt: Date? = nil,
        port: Int? = nil, protocol: String? = nil, ipAddressType: String? = nil, vpcIdentifier: String? = nil,
        lastUpdatedAt: Date? = nil, status: String? = nil, serviceArns: [String]? = nil,
        lambdaEventStructureVersion: String? = nil
    ) {
        self.id = id
        self.arn = arn
        self.name = name
        self.type = type
        self.createdAt = createdAt
        self.port = port
        self.protocol = `protocol`
        self.ipAddressType = ipAddressType
        self.vpcIdentifier = vpcIdentifier
        self.lastUpdatedAt = lastUpdatedAt
        self.status = status
        self.serviceArns = serviceArns
        self.lambdaEventStructureVersion = lambdaEventStructureVersion
    }
}
