import BenchCore
import Resilience

extension CheckRun {
    /// `CreateTargetGroup`: answers per token, token reuse, the groups the call created.
    mutating func visitCreate(_ record: HistoryRecord) {
        let sequence = record.sequence
        // Every CreateTargetGroup line has its digest (its subject is only the name); "" for a line without one.
        let digest = record.parameterDigest ?? ""
        let finalToken = (record.attempts.last?.token ?? record.token).map(CheckKey.init)
        let invocation = CheckKey(record.invocationId)
        createInvocations.insert(invocation)
        if state.attributed {
            createDigestByInvocation[invocation] = digest
            createSequenceByInvocation[invocation] = sequence
        }
        if let token = record.token.map(CheckKey.init) {
            count(.createMismatchRefused)
            if let use = createTokenUses[token] {
                if use.digest != digest, use.ok, record.outcome == .ok {
                    violate(
                        .createMismatchRefused, "mismatch",
                        "token \(token) was acknowledged for two different parameter sets", sequences: [use.sequence, sequence])
                }
            } else {
                createTokenUses[token] = (digest, sequence, record.outcome == .ok)
            }
        }
        for attempt in record.attempts where attempt.error == "ConflictException" && !attempt.answeredByFault {
            if let token = attempt.token { createConflicts.append((sequence, CheckKey(token), digest)) }
        }
        if record.outcome == .ok, Self.finalAnswerIsReal(record), let id = record.answer?.id {
            acknowledgeCreate(record, id: id, token: finalToken)
        }
        count(.createAtMostOnePerCall)
        if state.attributed {
            let created = state.groupsByInvocation[invocation] ?? []
            if created.count > 1 {
                counts.duplicated += created.count - 1
                violate(
                    .createAtMostOnePerCall, "duplicated", "one call created \(created.count) target groups",
                    sequences: [sequence], resources: created)
            }
            if record.outcome == .fail, !created.isEmpty {
                violate(
                    .createAtMostOnePerCall, "mismatch", "a call that definitely failed created a target group",
                    sequences: [sequence], resources: created)
            }
            if record.outcome == .unknown, !created.isEmpty { counts.recovered += 1 }
            if let name = record.subject.name.map(CheckKey.init) {
                for group in created {
                    if let other = groupByName[name], other != group {
                        violate(
                            .createUniqueNames, "duplicated", "two target groups are named \(name)",
                            sequences: [sequence], resources: [other, group])
                    } else {
                        groupByName[name] = group
                    }
                }
            }
        } else {
            let named = record.subject.name.flatMap { state.groupsByName[CheckKey($0)] } ?? []
            if record.outcome == .unknown, !named.isEmpty { counts.recovered += 1 }
            if record.outcome == .fail, !named.isEmpty {
                violate(
                    .createAtMostOnePerCall, "mismatch", "the group of a call that definitely failed exists",
                    sequences: [sequence], resources: named)
            }
            if let token = finalToken, !named.isEmpty { createGroupsByToken[token, default: []].formUnion(named) }
        }
    }

    /// An ok answer: the same id and ARN for every answer to the token, the token's group, and it exists.
    private mutating func acknowledgeCreate(_ record: HistoryRecord, id: String, token: CheckKey?) {
        let arn = record.answer?.arn
        counts.acknowledged += 1
        count(.createSameAnswer)
        count(.createAcknowledgedExists)
        if let token {
            if let first = createAnswers[token] {
                if first.id != id || first.arn != arn {
                    violate(
                        .createSameAnswer, "mismatch",
                        "token \(token) was answered with \(first.id) and with \(id)",
                        sequences: [first.sequence, record.sequence], resources: [first.id, id])
                }
            } else {
                createAnswers[token] = (id, arn, record.sequence)
            }
            if state.attributed, let created = state.groupsByToken[token]?.first, created != id {
                violate(
                    .createSameAnswer, "mismatch", "answered \(id), but token \(token) created \(created)",
                    sequences: [record.sequence], resources: [created, id])
            }
            if !state.attributed { createGroupsByToken[token, default: []].insert(id) }
        }
        if state.groups[CheckKey(id)] == nil {
            counts.lost += 1
            violate(
                .createAcknowledgedExists, "lost", "acknowledged target group \(id) does not exist",
                sequences: [record.sequence], resources: [id])
        }
    }

    /// One group per token; refused replays; no group nobody created; unique names (read-back).
    mutating func finishCreate() {
        if state.attributed {
            for (token, ids) in state.groupsByToken {
                count(.createOnePerToken)
                guard ids.count > 1 else { continue }
                counts.duplicated += ids.count - 1
                let sequences = ids.compactMap { state.groups[CheckKey($0)]?.invocationId }
                    .compactMap { createSequenceByInvocation[$0] }
                violate(
                    .createOnePerToken, "duplicated", "token \(token) created \(ids.count) target groups",
                    sequences: Array(Set(sequences)).sorted(), resources: ids)
            }
            for conflict in createConflicts {
                guard let group = state.groupsByToken[conflict.token]?.first,
                    let creator = state.groups[CheckKey(group)]?.invocationId,
                    createDigestByInvocation[creator] == conflict.digest
                else { continue }
                violate(
                    .createSameAnswer, "mismatch",
                    "a retry with the token and parameters that created \(group) was refused with ConflictException",
                    sequences: [conflict.sequence], resources: [group])
            }
            count(.createUniqueNames, state.groups.count)
            for (id, group) in state.groups {
                guard let invocation = group.invocationId, !createInvocations.contains(invocation) else { continue }
                counts.unexpected += 1
                violate(
                    .createAtMostOnePerCall, "unexpected",
                    "target group \(id) was created by invocation \(invocation) (request \(group.requestId ?? "-")), "
                        + "which is not in the history", resources: [id.key])
            }
        } else {
            for (token, ids) in createGroupsByToken {
                count(.createOnePerToken)
                guard ids.count > 1 else { continue }
                counts.duplicated += ids.count - 1
                violate(
                    .createOnePerToken, "duplicated", "token \(token) stands for \(ids.count) target groups",
                    resources: ids.sorted())
            }
            count(.createUniqueNames, state.groups.count)
            for (name, ids) in state.groupsByName where ids.count > 1 {
                violate(.createUniqueNames, "duplicated", "\(ids.count) target groups are named \(name)", resources: ids)
            }
        }
    }
}
