import Foundation

/// What the read-back APIs showed after the load: `readback.json` (`docs/idempotency.md`).
///
/// Live endpoints have no ledger; this is their source of truth. Embedded runs save one too, holding only the
/// deployments (the ledger does not list a deployment's targets).
public struct ReadBackDump: Sendable, Hashable, Codable {
    /// A target group as `ListTargetGroups` shows it.
    public struct Group: Sendable, Hashable, Codable {
        public var id: String
        public var arn: String?
        public var name: String?
        public init(id: String, arn: String?, name: String?) {
            self.id = id
            self.arn = arn
            self.name = name
        }
    }

    /// An instance as `ListInstances` shows it: its id and ``InstanceDigest``.
    public struct Instance: Sendable, Hashable, Codable {
        public var id: String
        public var attributesDigest: String
        public init(id: String, attributesDigest: String) {
            self.id = id
            self.attributesDigest = attributesDigest
        }
    }

    /// A deployment: its targets' `deploymentTargetType` and its target ids.
    public struct Deployment: Sendable, Hashable, Codable {
        public var id: String
        public var targetType: String?
        public var targetIds: [String]
        public init(id: String, targetType: String?, targetIds: [String]) {
            self.id = id
            self.targetType = targetType
            self.targetIds = targetIds
        }
    }

    /// The format of the file: `bench.readback/<major>`.
    public var schema = "bench.readback/1"
    /// Every target group listed, or nil when none was read (an embedded run, or no `CreateTargetGroup` call).
    public var targetGroups: [Group]?
    /// Target keys (``TargetRef``) per target group id, for the groups the history registered into.
    public var targets: [String: [String]]?
    /// Instances per service id, for the services the history registered into.
    public var instances: [String: [Instance]]?
    /// Operation statuses by id, for the services the history registered into.
    public var operations: [String: String]?
    /// The deployments the history read.
    public var deployments: [Deployment]

    public init(
        targetGroups: [Group]? = nil, targets: [String: [String]]? = nil, instances: [String: [Instance]]? = nil,
        operations: [String: String]? = nil, deployments: [Deployment] = []
    ) {
        self.targetGroups = targetGroups
        self.targets = targets
        self.instances = instances
        self.operations = operations
        self.deployments = deployments
    }

    /// Reads `readback.json`.
    public static func load(from url: URL) throws -> ReadBackDump {
        do {
            return try JSONDecoder().decode(ReadBackDump.self, from: Data(contentsOf: url))
        } catch let error as DecodingError {
            throw CheckerError("\(url.lastPathComponent): not a read-back dump: \(error)")
        }
    }

    /// The dump as pretty, key-sorted JSON.
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}
