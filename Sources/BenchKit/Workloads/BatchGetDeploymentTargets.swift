import AWSModel
import BenchCore
import Emulator

/// CodeDeploy `BatchGetDeploymentTargets`: `ids` distinct target ids of one of the setup's deployments.
///
///     BatchGetDeploymentTargets(ids: 25).weight(3)
public struct BatchGetDeploymentTargets: Workload {
    public let operationName = "BatchGetDeploymentTargets"
    public var weight = 1
    public var invalidFraction = 0.0
    /// How many ids per call (the API takes at most 25).
    public var ids: ClosedRange<Int>

    public init(ids: ClosedRange<Int> = 1...25) { self.ids = ids }

    public init(ids: Int) { self.ids = ids...ids }

    public var requirement: FixtureRequirement { .deployment }

    public func validate(at path: String) -> [ValidationIssue] {
        var issues = validateCommon(at: path)
        if ids.lowerBound < 1 || ids.upperBound > 25 {
            issues.append(.init(path: "\(path).ids", message: "must lie in 1...25 (got \(ids))"))
        }
        return issues
    }

    public func makeRequest(_ context: inout GenerationContext) -> AWSRequest {
        let deployment = context.pick(context.fixtures.deployments)
        let wanted = context.chance(invalidFraction) ? 26 : min(context.int(in: ids), deployment.targetIds.count)
        // Distinct indices by rejection: O(wanted^2) comparisons with wanted <= 26, no copy of the id list; the
        // indices live on the stack, so the request's id list is the only allocation.
        let count = deployment.targetIds.count
        let chosen = withUnsafeTemporaryAllocation(of: Int.self, capacity: wanted) { indices in
            var picked = 0
            while picked < wanted {
                let index = Int(context.random.next() % UInt64(count))
                if picked >= count || !indices[..<picked].contains(index) {
                    indices[picked] = index
                    picked += 1
                }
            }
            return indices.map { deployment.targetIds[$0] }
        }
        return .codeDeploy(.batchGetDeploymentTargets(
            BatchGetDeploymentTargetsInput(deploymentId: deployment.id, targetIds: chosen)
        ))
    }
}
