import AWSModel
import Emulator
import BenchCore
import Resilience

extension HistoryRecord {
    /// The history line of `call`, which ran `request`: the attempts, the parameter digest, and the subject and
    /// answer evidence. The digest is computed here rather than by the pipeline, so that a run that keeps no
    /// history does not pay for it (about a microsecond a call).
    /// - Complexity: O(attempts + size of the request + items in the answer).
    public init(_ call: CallRecord, request: AWSRequest) {
        self.init(
            sequence: call.sequence, invocationId: call.invocationId, service: call.service.rawValue,
            operation: call.operation, parameterDigest: request.parameterDigest, token: call.token, phase: call.phase,
            outcome: call.outcome, giveUp: call.giveUpReason?.rawValue,
            intendedStart: call.intendedStart.nanoseconds, start: call.start.nanoseconds, end: call.end.nanoseconds,
            attempts: call.attempts.map(HistoryAttempt.init), subject: CallSubject(request),
            answer: AnswerSummary(call.finalResult))
    }
}

extension HistoryAttempt {
    /// The history form of one attempt record.
    public init(_ attempt: AttemptRecord) {
        self.init(
            number: attempt.number, token: attempt.token, requestId: attempt.requestId,
            backoff: attempt.backoffNanoseconds, intendedSend: attempt.intendedSend.nanoseconds,
            actualSend: attempt.actualSend.nanoseconds, end: attempt.end.nanoseconds, status: attempt.httpStatus,
            error: attempt.errorCode, failure: attempt.failureKind, afterSend: attempt.failureAfterSend,
            faults: attempt.faults.map(\.kind))
    }
}

extension CallSubject {
    /// What the invariants need from `request`; empty for operations the checker does not look into.
    public init(_ request: AWSRequest) {
        switch request {
        case .lattice(.createTargetGroup(let input)):
            self.init(name: input.name)
        case .lattice(.registerTargets(let input)):
            self.init(resource: input.targetGroupIdentifier, items: input.targets.map(TargetRef.key))
        case .lattice(.deregisterTargets(let input)):
            self.init(resource: input.targetGroupIdentifier, items: input.targets.map(TargetRef.key))
        case .cloudMap(.registerInstance(let input)):
            self.init(
                resource: input.serviceId, items: [input.instanceId],
                attributesDigest: InstanceDigest.of(
                    serviceId: input.serviceId, instanceId: input.instanceId, attributes: input.attributes))
        case .codeDeploy(.batchGetDeploymentTargets(let input)):
            self.init(resource: input.deploymentId, items: input.targetIds)
        default:
            self.init()
        }
    }
}

extension AnswerSummary {
    /// The evidence in a final result, or nil when it carries none the invariants read.
    public init?(_ result: AttemptResult) {
        switch result {
        case .response(.lattice(.createTargetGroup(let output))):
            self.init(id: output.id, arn: output.arn)
        case .response(.lattice(.registerTargets(let output))):
            self.init(
                successful: (output.successful ?? []).map(TargetRef.key),
                unsuccessful: (output.unsuccessful ?? []).map { TargetRef.key(id: $0.id ?? "", port: $0.port) })
        case .response(.lattice(.deregisterTargets(let output))):
            self.init(successful: (output.successful ?? []).map(TargetRef.key))
        case .response(.cloudMap(.registerInstance(let output))):
            self.init(operationId: output.operationId)
        case .response(.codeDeploy(.batchGetDeploymentTargets(let output))):
            let targets = output.deploymentTargets ?? []
            self.init(targetIds: targets.map { $0.targetId ?? "" }, targetTypes: targets.map { $0.deploymentTargetType ?? "" })
        case .serviceError(let error):
            let resourceId = error.fields["resourceId"]?.stringValue
            let duplicate = error.fields["DuplicateOperationId"]?.stringValue
            guard resourceId != nil || duplicate != nil else { return nil }
            self.init(id: resourceId, operationId: duplicate)
        default:
            return nil
        }
    }
}
