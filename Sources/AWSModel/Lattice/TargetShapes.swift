/// A target of a target group (`Target`): an instance id, IP address, Lambda ARN or ALB ARN, by group type.
public struct Target: Sendable, Hashable, Codable {
    /// 1-200 characters.
    public var id: String
    /// 1-65535; the group's port when omitted. `LAMBDA` targets have none.
    public var port: Int?

    public init(id: String, port: Int? = nil) {
        self.id = id
        self.port = port
    }
}

/// A target that a register or deregister call did not apply (`TargetFailure`), inside an HTTP 200 answer.
public struct TargetFailure: Sendable, Hashable, Codable {
    public var id: String?
    public var port: Int?
    /// A free-form code; the model does not enumerate them.
    public var failureCode: String?
    public var failureMessage: String?

    public init(id: String? = nil, port: Int? = nil, failureCode: String? = nil, failureMessage: String? = nil) {
        self.id = id
        self.port = port
        self.failureCode = failureCode
        self.failureMessage = failureMessage
    }
}

/// One item of `ListTargets` (`TargetSummary`).
public struct TargetSummary: Sendable, Hashable, Codable {
    public var id: String?
    public var port: Int?
    /// `DRAINING | UNAVAILABLE | HEALTHY | UNHEALTHY | INITIAL | UNUSED`.
    public var status: String?
    public var reasonCode: String?

    public init(id: String? = nil, port: Int? = nil, status: String? = nil, reasonCode: String? = nil) {
        self.id = id
        self.port = port
        self.status = status
        self.reasonCode = reasonCode
    }
}

/// `RegisterTargets` input (`POST /targetgroups/{targetGroupIdentifier}/registertargets`).
public struct RegisterTargetsInput: Sendable, Hashable, Codable {
    /// The id or ARN of the group; uri-bound.
    public var targetGroupIdentifier: String
    /// 1-100 targets.
    public var targets: [Target]

    public init(targetGroupIdentifier: String, targets: [Target]) {
        self.targetGroupIdentifier = targetGroupIdentifier
        self.targets = targets
    }
}

/// `RegisterTargets` output: partial success is an HTTP 200 with both lists.
public struct RegisterTargetsOutput: Sendable, Hashable, Codable {
    public var successful: [Target]?
    public var unsuccessful: [TargetFailure]?

    public init(successful: [Target]? = nil, unsuccessful: [TargetFailure]? = nil) {
        self.successful = successful
        self.unsuccessful = unsuccessful
    }
}

/// `DeregisterTargets` input (`POST /targetgroups/{targetGroupIdentifier}/deregistertargets`).
public struct DeregisterTargetsInput: Sendable, Hashable, Codable {
    /// The id or ARN of the group; uri-bound.
    public var targetGroupIdentifier: String
    /// 1-100 targets.
    public var targets: [Target]

    public init(targetGroupIdentifier: String, targets: [Target]) {
        self.targetGroupIdentifier = targetGroupIdentifier
        self.targets = targets
    }
}

/// `DeregisterTargets` output, shaped like ``RegisterTargetsOutput``.
public struct DeregisterTargetsOutput: Sendable, Hashable, Codable {
    public var successful: [Target]?
    public var unsuccessful: [TargetFailure]?

    public init(successful: [Target]? = nil, unsuccessful: [TargetFailure]? = nil) {
        self.successful = successful
        self.unsuccessful = unsuccessful
    }
}

/// `ListTargets` input (`POST /targetgroups/{targetGroupIdentifier}/listtargets`).
public struct ListTargetsInput: Sendable, Hashable, Codable {
    /// The id or ARN of the group; uri-bound.
    public var targetGroupIdentifier: String
    /// 1-100; query-bound.
    public var maxResults: Int?
    /// The `nextToken` of the previous page; query-bound.
    public var nextToken: String?
    /// Only these targets (at most 20); body-bound.
    public var targets: [Target]?

    public init(
        targetGroupIdentifier: String, maxResults: Int? = nil, nextToken: String? = nil, targets: [Target]? = nil
    ) {
        self.targetGroupIdentifier = targetGroupIdentifier
        self.maxResults = maxResults
        self.nextToken = nextToken
        self.targets = targets
    }
}

/// `ListTargets` output. `items` is required in the model.
public struct ListTargetsOutput: Sendable, Hashable, Codable {
    public var items: [TargetSummary]
    /// Present when there are more pages.
    public var nextToken: String?

    public init(items: [TargetSummary], nextToken: String? = nil) {
        self.items = items
        self.nextToken = nextToken
    }
}
