import AWSModel
import BenchCore
import Emulator
import Testing

/// A CodeDeploy emulator on a manual clock, with the ledger it writes to.
struct CodeDeployFixture {
    let emulator: CodeDeployEmulator
    let clock: ManualClock
    let ledger: Ledger

    init(seed: UInt64 = 42, pageSize: Int = 100) {
        var configuration = EmulatorConfiguration()
        configuration.defaultPageSize = pageSize
        clock = ManualClock()
        ledger = Ledger()
        emulator = CodeDeployEmulator(configuration: configuration, clock: clock, seed: seed, ledger: ledger)
    }

    /// Creates a deployment and returns its id with its target ids in creation order.
    func deployment(_ platform: ComputePlatform, targets: Int) throws -> (id: String, targetIds: [String]) {
        let id = emulator.createDeployment(platform: platform, targetCount: targets, context: RequestContext())
        return (id, try allTargetIds(of: id))
    }

    /// Every target id of `deploymentId`, following `nextToken` to the end.
    func allTargetIds(of deploymentId: String, filters: [String: [String]]? = nil) throws -> [String] {
        try allItems { token in
            let page = try emulator.listDeploymentTargets(
                ListDeploymentTargetsInput(deploymentId: deploymentId, nextToken: token, targetFilters: filters))
            return (page.targetIds ?? [], page.nextToken)
        }
    }

    /// The targets `ids` name, as `BatchGetDeploymentTargets` answers (in batches of 25).
    func targets(_ ids: [String], of deploymentId: String) throws -> [DeploymentTarget] {
        try stride(from: 0, to: ids.count, by: 25).flatMap { start in
            let batch = Array(ids[start..<min(start + 25, ids.count)])
            return try emulator.batchGetDeploymentTargets(
                BatchGetDeploymentTargetsInput(deploymentId: deploymentId, targetIds: batch)
            ).deploymentTargets ?? []
        }
    }
}

/// Expects `body` to fail with the CodeDeploy error `code`, HTTP 400 and a message.
func expectCodeDeployError<T>(
    _ code: CodeDeployErrorCode, sourceLocation: SourceLocation = #_sourceLocation,
    _ body: () throws(ServiceError) -> T
) {
    do {
        _ = try body()
        Issue.record("expected \(code.rawValue), got success", sourceLocation: sourceLocation)
    } catch {
        #expect(error.code == code.rawValue, "\(error)", sourceLocation: sourceLocation)
        #expect(error.httpStatus == 400, sourceLocation: sourceLocation)
        #expect(!error.message.isEmpty, sourceLocation: sourceLocation)
        #expect(error.fields.isEmpty, sourceLocation: sourceLocation)
    }
}
