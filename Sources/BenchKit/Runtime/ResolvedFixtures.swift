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

    /// A copy that shares no storage with this one: every array and every string is new.
    ///
    /// For one closed-model worker. A request is made of strings picked from the fixtures, and each pick retains
    /// the string's storage: an atomic update of its reference count. With one copy for two workers on two cores,
    /// that count's cache line moved between the cores on almost every pick.
    /// - Complexity: O(total size of the fixtures).
    func unshared() -> ResolvedFixtures {
        var copy = ResolvedFixtures()
        for (kind, groups) in groupsByKind {
            copy.groupsByKind[kind] = groups.map {
                ResolvedTargetGroup(id: $0.id.unshared(), arn: $0.arn.unshared(), kind: $0.kind)
            }
        }
        copy.cloudMapServices = cloudMapServices.map { $0.unshared() }
        copy.deployments = deployments.map {
            ResolvedDeployment(id: $0.id.unshared(), platform: $0.platform, targetIds: $0.targetIds.map { $0.unshared() })
        }
        return copy
    }
}

extension String {
    /// The same text in new storage (a string of up to 15 UTF-8 bytes has no storage: it is kept inline).
    fileprivate func unshared() -> String {
        var text = self
        return text.withUTF8 { bytes in
            String(unsafeUninitializedCapacity: bytes.count) { buffer in
                _ = buffer.initialize(fromContentsOf: bytes)
                return bytes.count
            }
        }
    }
}
