import AWSModel
import BenchCore
import Emulator

/// VPC Lattice `RegisterTargets`: a batch of targets drawn from a pool, into one of the setup's target groups.
///
///     RegisterTargets(batch: 1...25, pool: 10_000).weight(4)
///
/// Targets come from a pool of `pool` ids per group type, so a long run re-registers targets (which must succeed
/// without a second effect) as well as registering new ones.
public struct RegisterTargets: Workload {
    public let operationName = "RegisterTargets"
    public var weight = 1
    public var invalidFraction = 0.0
    /// How many targets per call (the API takes 1...100).
    public var batch: ClosedRange<Int>
    /// How many distinct target ids to draw from.
    public var pool: Int
    /// Which setup target groups to register into.
    public var groupType: TargetGroupKind

    public init(batch: ClosedRange<Int> = 1...10, pool: Int = 10_000, groupType: TargetGroupKind = .ip) {
        self.batch = batch
        self.pool = pool
        self.groupType = groupType
    }

    public var requirement: FixtureRequirement { .targetGroup(groupType) }

    public func validate(at path: String) -> [ValidationIssue] {
        var issues = validateCommon(at: path)
        if batch.lowerBound < 1 || batch.upperBound > 100 {
            issues.append(.init(path: "\(path).batch", message: "must lie in 1...100 (got \(batch))"))
        }
        if groupType == .lambda && batch != 1...1 {
            issues.append(.init(path: "\(path).batch", message: "must be 1...1 for LAMBDA groups, which hold one target"))
        }
        if pool < 1 || pool > 16_777_216 {
            issues.append(.init(path: "\(path).pool", message: "must be in 1...16777216 (got \(pool))"))
        }
        return issues
    }

    public func makeRequest(_ context: inout GenerationContext) -> AWSRequest {
        let groups = context.fixtures.targetGroups(of: groupType)
        let group = context.pick(groups)
        var count = context.int(in: batch)
        if context.chance(invalidFraction) { count = 101 }  // over the API's limit of 100
        var targets: [Target] = []
        targets.reserveCapacity(count)
        for _ in 0..<count {
            let slot = groupType == .lambda ? 0 : context.int(in: 0...(pool - 1))
            targets.append(Target(id: groupType.targetId(slot: slot), port: groupType == .lambda ? nil : 80))
        }
        return .lattice(.registerTargets(RegisterTargetsInput(targetGroupIdentifier: group.id, targets: targets)))
    }
}
