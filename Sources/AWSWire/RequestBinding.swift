import AWSModel

/// Where the members of one request go on the wire: method, path, query and JSON body (`wire.md` §1.0).
///
/// restJson1 binds `targetGroupIdentifier` into the path, `maxResults`/`nextToken`/filters into the query and
/// the remaining members into the body; awsJson1_1 sends everything in the body of `POST /`.
struct RequestBinding {
    var method: String
    var path: String
    var query: [(name: String, value: String)] = []
    /// The JSON body, or `nil` for an operation without body members (no body and no `Content-Type`).
    var body: (any Encodable)?

    init(_ request: AWSRequest) {
        switch request {
        case .lattice(let lattice): self.init(lattice)
        case .cloudMap(let cloudMap): self.init(awsJSONBody: cloudMap.input)
        case .codeDeploy(let codeDeploy): self.init(awsJSONBody: codeDeploy.input)
        }
    }

    private init(awsJSONBody body: any Encodable) {
        self.method = "POST"
        self.path = "/"
        self.body = body
    }

    private init(_ request: LatticeRequest) {
        switch request {
        case .createTargetGroup(let input):
            self.method = "POST"
            self.path = LatticePath.collection
            self.body = input
        case .registerTargets(let input):
            self.method = "POST"
            self.path = LatticePath.action(input.targetGroupIdentifier, LatticePath.registerTargets)
            self.body = TargetsBody(targets: input.targets)
        case .deregisterTargets(let input):
            self.method = "POST"
            self.path = LatticePath.action(input.targetGroupIdentifier, LatticePath.deregisterTargets)
            self.body = TargetsBody(targets: input.targets)
        case .getTargetGroup(let input):
            self.method = "GET"
            self.path = LatticePath.item(input.targetGroupIdentifier)
        case .listTargetGroups(let input):
            self.method = "GET"
            self.path = LatticePath.collection
            self.query = Self.queryPairs([
                ("maxResults", input.maxResults.map(String.init)), ("nextToken", input.nextToken),
                ("targetGroupType", input.targetGroupType), ("vpcIdentifier", input.vpcIdentifier),
            ])
        case .listTargets(let input):
            self.method = "POST"
            self.path = LatticePath.action(input.targetGroupIdentifier, LatticePath.listTargets)
            self.query = Self.queryPairs([
                ("maxResults", input.maxResults.map(String.init)), ("nextToken", input.nextToken),
            ])
            self.body = OptionalTargetsBody(targets: input.targets)
        }
    }

    /// The set members, in sorted name order (the list above is written sorted).
    private static func queryPairs(_ members: [(String, String?)]) -> [(name: String, value: String)] {
        members.compactMap { name, value in value.map { (name, $0) } }
    }
}

/// The body of `RegisterTargets` and `DeregisterTargets`: the identifier travels in the path.
struct TargetsBody: Codable {
    var targets: [Target]
}

/// The body of `ListTargets`: an optional filter; `{}` when absent (botocore's `_requires_empty_body`).
struct OptionalTargetsBody: Codable {
    var targets: [Target]?
}

/// The VPC Lattice URI templates.
enum LatticePath {
    static let collection = "/targetgroups"
    static let registerTargets = "registertargets"
    static let deregisterTargets = "deregistertargets"
    static let listTargets = "listtargets"

    /// `/targetgroups/{targetGroupIdentifier}` with the identifier percent-encoded (`:` and `/` included).
    static func item(_ identifier: String) -> String {
        collection + "/" + PercentEncoding.encode(identifier)
    }

    /// `/targetgroups/{targetGroupIdentifier}/{action}`.
    static func action(_ identifier: String, _ action: String) -> String {
        item(identifier) + "/" + action
    }
}
