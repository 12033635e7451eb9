import AWSModel
import BenchCore
import Synchronization

@testable import Resilience

/// Requests and canned results the tests share.
enum Fixtures {
    static let createTargetGroup = AWSRequest.lattice(
        .createTargetGroup(CreateTargetGroupInput(name: "tg-a", type: "IP")))
    static let registerTargets = AWSRequest.lattice(
        .registerTargets(RegisterTargetsInput(targetGroupIdentifier: "tg-0123456789abcdefg", targets: [])))
    static let batchGet = AWSRequest.codeDeploy(
        .batchGetDeploymentTargets(BatchGetDeploymentTargetsInput(deploymentId: "d-ABCDEF123", targetIds: ["i-1"])))

    static let ok = AttemptResult.response(.lattice(.createTargetGroup(CreateTargetGroupOutput(id: "tg-1"))))
    static let latticeThrottle = AttemptResult.serviceError(.latticeThrottling(retryAfterSeconds: 7))
    static let latticeInternal = AttemptResult.serviceError(.latticeInternal())
    static let latticeQuota = AttemptResult.serviceError(
        .latticeQuotaExceeded("q", resourceType: "TARGET_GROUP", quotaCode: "L-1"))
    static let latticeConflict = AttemptResult.serviceError(
        .latticeConflict("c", resourceId: "r", resourceType: "TARGET_GROUP"))
    static let bare429 = AttemptResult.serviceError(
        ServiceError(code: "429", httpStatus: 429, message: "", body: .empty))
    static let bare503 = AttemptResult.serviceError(SyntheticErrors.serverError(.unavailable))
    static let readTimeout = AttemptResult.failure(TransportFailure(kind: "timeout", detail: "read", requestSent: true))
    static let connectError = AttemptResult.failure(
        TransportFailure(kind: "connect", detail: "refused", requestSent: false))
    // Cloud Map shapes (awsJson1_1, status 400); the service only matters for VPC Lattice's modeled traits.
    static let duplicateRequest = AttemptResult.serviceError(
        ServiceError(
            code: "DuplicateRequest", httpStatus: 400, message: "dup", fields: ["DuplicateOperationId": "op-1"]))
    static let requestLimitExceeded = AttemptResult.serviceError(SyntheticErrors.throttle(for: .cloudMap))
    static let throttling400 = AttemptResult.serviceError(SyntheticErrors.throttle(for: .codeDeploy))
}

/// A transport answering attempt n of every call with `script[n-1]` (the last entry repeats), recording every
/// delivery (the "applications" a server would make).
final class ScriptedTransport: Sendable {
    let script: [AttemptResult]
    private let deliveries = Mutex<[(request: AWSRequest, context: RequestContext)]>([])

    init(_ script: [AttemptResult]) { self.script = script }

    var transport: AttemptTransport {
        { request, context in
            self.deliveries.withLock { $0.append((request, context)) }
            return self.script[min(max(0, context.attempt - 1), self.script.count - 1)]
        }
    }

    var count: Int { deliveries.withLock { $0.count } }
    var tokens: [String?] { deliveries.withLock { $0.map(\.request.idempotencyToken) } }
}


/// One call through a fresh pipeline (no faults) on a manual clock.
func runCall(
    _ strategy: any RetryStrategy, _ script: [AttemptResult], request: AWSRequest = Fixtures.createTargetGroup,
    clock: ManualClock = ManualClock(), seed: UInt64 = 1, sequence: UInt64 = 0
) async -> CallRecord {
    let transport = ScriptedTransport(script)
    let pipeline = CallPipeline(strategy: strategy, clock: clock, seed: seed, transport: transport.transport)
    return await clock.run { await pipeline.call(request, sequence: sequence) }
}

extension Fixtures {
    static let getTargetGroup = AWSRequest.lattice(
        .getTargetGroup(GetTargetGroupInput(targetGroupIdentifier: "tg-0123456789abcdefg")))
}
