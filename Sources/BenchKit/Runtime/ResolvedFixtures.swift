import AWSModel
import BenchCore
import Emulator

/// A target group the setup created.
public struct ResolvedTargetGroup: Sendable, Hashable, Codable {
    public let id: String
    public let arn: String
    public let kind: TargetGroupKind
}

/// A deployment the setup created, with every target id it holds.
public struct ResolvedDeployment: Sendable, Hashable, Codable {
    public let id: String
    public let platform: ComputePlatform
    public let targetIds: [String]
}

/// The resources the setup created, which workloads draw their targets from.
public struct ResolvedFixtures: Sendable {
    /// Target groups by type, for O(1) selection on the hot path.
    private var groupsByKind: [TargetGroupKind: [ResolvedTargetGroup]] = [:]
    /// Cloud Map service ids.
    public var cloudMapServices: [String] = []
    /// Deployments with their targets.
    public var deployments: [ResolvedDeployment] = []

    public init() {}

    /// Records a created target group.
    public mutating func addTargetGroup(_ group: ResolvedTargetGroup) {
        groupsByKind[group.kind, default: []].append(group)
    }

    /// The target groups of one type. O(1).
    public func targetGroups(of kind: TargetGroupKind) -> [ResolvedTargetGroup] { groupsByKind[kind] ?? [] }

    /// Every target group, by type.
    public var targetGroupCount: Int { groupsByKind.values.reduce(0) { $0 + $1.count } }
}
