import BenchCore
import Resilience

extension CheckRun {
    /// `RegisterInstance`: DuplicateRequest answers, operation ids per token, what one call registered.
    mutating func visitRegisterInstance(_ record: HistoryRecord) {
        guard let service = record.subject.resource, let instanceId = record.subject.items?.first else { return }
        let instance = CheckKey(service, instanceId)
        let invocation = CheckKey(record.invocationId)
        let finalToken = record.attempts.last?.token ?? record.token
        for attempt in record.attempts where attempt.error == "DuplicateRequest" && !attempt.answeredByFault {
            count(.instanceDuplicateOnlyInFlight)
            if state.attributed {
                if state.otherOperationInFlight(
                    on: instance, token: attempt.token, from: attempt.actualSend, to: attempt.end)
                {
                    continue
                }
                violate(
                    .instanceDuplicateOnlyInFlight, "mismatch",
                    "attempt \(attempt.number) was answered DuplicateRequest while no other operation on "
                        + "\(instanceId) was in flight", sequences: [record.sequence], resources: [instance.key])
            } else if attempt.number == record.attempts.count, let duplicate = record.answer?.operationId,
                let token = attempt.token, operationsByToken[CheckKey(token)]?.contains(CheckKey(duplicate)) ?? false
            {
                violate(
                    .instanceDuplicateOnlyInFlight, "mismatch",
                    "DuplicateRequest named \(duplicate), the operation of the call's own token",
                    sequences: [record.sequence], resources: [instance.key, duplicate])
            }
        }
        if record.outcome == .ok, Self.finalAnswerIsReal(record), let operation = record.answer?.operationId {
            acknowledgeRegistration(record, instance: instance, operation: CheckKey(operation), token: finalToken)
        }
        if record.outcome != .fail, let digest = record.subject.attributesDigest {
            registrations[instance, default: []].append((record.end, digest))
        }
        count(.instanceOncePerCall)
        if state.attributed {
            instanceSequenceByInvocation[invocation] = record.sequence
            let submitted = state.operationsByInvocation[invocation]?.map(\.key) ?? []
            if submitted.count > 1 {
                counts.duplicated += submitted.count - 1
                violate(
                    .instanceOncePerCall, "duplicated",
                    "one call submitted \(submitted.count) registrations of \(instanceId)",
                    sequences: [record.sequence], resources: submitted)
            }
            if record.outcome == .fail, !submitted.isEmpty {
                violate(
                    .instanceOncePerCall, "mismatch", "a call that definitely failed registered \(instanceId)",
                    sequences: [record.sequence], resources: submitted)
            }
            if record.outcome == .unknown, !submitted.isEmpty { counts.recovered += 1 }
        } else if record.outcome == .unknown, let digest = record.subject.attributesDigest,
            state.instances[instance] == digest
        {
            counts.recovered += 1
        }
    }

    private mutating func acknowledgeRegistration(
        _ record: HistoryRecord, instance: CheckKey, operation: CheckKey, token: String?
    ) {
        counts.acknowledged += 1
        count(.instanceOneOperationPerToken)
        answeredOperations[operation] = record.sequence
        if let token = token.map(CheckKey.init) {
            operationsByToken[token, default: []].insert(operation)
            operationTokenSequence[token] = record.sequence
        }
        if state.attributed, let submitted = state.operations[operation], submitted.token != token {
            violate(
                .instanceOneOperationPerToken, "mismatch",
                "answered operation \(operation), which token \(submitted.token ?? "-") submitted, not \(token ?? "-")",
                sequences: [record.sequence], resources: [operation.key])
        }
        if let last = lastAcknowledged[instance], last.end >= record.end { return }
        lastAcknowledged[instance] = (record.start, record.end, record.sequence)
    }

    /// Operation ids per token; acknowledged instances and their attributes; operations that never ended.
    mutating func finishRegisterInstance() {
        let perToken = state.attributed ? state.operationsByToken.mapValues(Set.init) : operationsByToken
        for (token, operations) in perToken where operations.count > 1 {
            counts.duplicated += operations.count - 1
            let callers = operations.compactMap { state.operations[$0]?.invocationId }
                .compactMap { instanceSequenceByInvocation[$0] } + (operationTokenSequence[token].map { [$0] } ?? [])
            violate(
                .instanceOneOperationPerToken, "duplicated",
                "CreatorRequestId \(token) has \(operations.count) operations", sequences: Array(Set(callers)).sorted(),
                resources: operations.map(\.key).sorted())
        }
        for (instance, acknowledged) in lastAcknowledged {
            guard state.attributed || state.servicesRead.contains(instance.parent) else { continue }
            count(.instanceAcknowledgedExists)
            guard let digest = state.instances[instance] else {
                guard !state.deregisteredInstances.contains(instance) else { continue }
                counts.lost += 1
                violate(
                    .instanceAcknowledgedExists, "lost", "acknowledged instance \(instance) does not exist",
                    sequences: [acknowledged.sequence], resources: [instance.key])
                continue
            }
            let candidates = (registrations[instance] ?? []).filter { $0.end >= acknowledged.start }
            if !candidates.contains(where: { $0.digest == digest }) {
                violate(
                    .instanceAcknowledgedExists, "mismatch",
                    "instance \(instance) holds attributes of none of its registrations since the last acknowledged one",
                    sequences: [acknowledged.sequence], resources: [instance.key])
            }
        }
        guard state.operationsRead else { return }
        if state.attributed {
            for operations in state.operationsByInstance.values {
                for id in operations {
                    count(.instanceOperationsTerminate)
                    checkTerminated(id, sequence: answeredOperations[id])
                }
            }
        } else {
            for (id, sequence) in answeredOperations {
                count(.instanceOperationsTerminate)
                checkTerminated(id, sequence: sequence)
            }
        }
    }

    private mutating func checkTerminated(_ id: CheckKey, sequence: UInt64?) {
        let status = state.operations[id]?.status
        guard status != "SUCCESS", status != "FAIL" else { return }
        violate(
            .instanceOperationsTerminate, status == nil ? "lost" : "mismatch",
            "operation \(id) ended \(status ?? "unknown to the service")", sequences: sequence.map { [$0] } ?? [],
            resources: [id.key])
    }
}
