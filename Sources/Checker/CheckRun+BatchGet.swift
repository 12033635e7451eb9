import BenchCore
import Resilience

extension CheckRun {
    /// `BatchGetDeploymentTargets`: exactly the requested ids that exist, at most 25, the deployment's type.
    /// - Complexity: O(ids of the call), with one set of them in the common case.
    mutating func visitBatchGet(_ record: HistoryRecord) {
        guard record.outcome == .ok, Self.finalAnswerIsReal(record), let answer = record.answer,
            let ids = record.returnedTargetIds
        else { return }
        count(.batchAtMost25)
        count(.batchExactIds)
        count(.batchTypesMatch)
        let deploymentId = record.subject.resource ?? ""
        if ids.count > 25 {
            violate(
                .batchAtMost25, "mismatch", "an answer held \(ids.count) targets (at most 25)",
                sequences: [record.sequence], resources: [deploymentId])
        }
        // One set in the common case: a line leaves the ids out when they are exactly the requested ones, and the
        // requested ids are usually all the deployment's.
        let requested = Set((record.subject.items ?? []).lazy.map(CheckKey.init))
        let deployment = state.deployments[CheckKey(deploymentId)]
        let expected = deployment.map { deployment in
            requested.allSatisfy(deployment.targets.contains) ? requested : requested.intersection(deployment.targets)
        } ?? requested
        let returned = answer.targetIds.map { Set($0.lazy.map(CheckKey.init)) } ?? requested
        if returned != expected || returned.count != ids.count {
            let extra = returned.subtracting(expected).map(\.key).sorted()
            let missing = expected.subtracting(returned).map(\.key).sorted()
            let repeated = ids.count - returned.count
            violate(
                .batchExactIds, extra.isEmpty ? "lost" : "unexpected",
                "answer for \(deploymentId): \(extra.count) extra id(s) \(extra.prefix(5)), \(missing.count) missing "
                    + "\(missing.prefix(5)), \(repeated) repeated", sequences: [record.sequence],
                resources: [deploymentId] + extra + missing)
        }
        let types = answer.targetTypes ?? []
        let wanted = deployment?.type ?? types.first
        if let wanted, let wrong = types.first(where: { $0 != wanted }) {
            violate(
                .batchTypesMatch, "mismatch", "answer for \(deploymentId) holds a \(wrong) target; the deployment's are "
                    + wanted, sequences: [record.sequence], resources: [deploymentId])
        }
    }
}
