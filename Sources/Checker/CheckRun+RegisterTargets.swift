import Emulator
import Resilience

extension CheckRun {
    /// `RegisterTargets`: what the answer acknowledged and refused, and what the call registered.
    mutating func visitRegisterTargets(_ record: HistoryRecord) {
        guard let group = record.subject.resource else { return }
        targetInvocations.insert(record.invocationId)
        for key in record.subject.items ?? [] { requestedTargets.insert(StateIndex.key(group, key)) }
        if record.outcome == .unknown, state.registeringInvocations.contains(record.invocationId) {
            counts.recovered += 1
        }
        guard record.outcome == .ok, Self.finalAnswerIsReal(record), let answer = record.answer else { return }
        for key in record.acknowledgedTargets {
            counts.acknowledged += 1
            acknowledgedTargets[StateIndex.key(group, key)] = record.sequence
        }
        let registeredByFinal = Set(record.attempts.last.flatMap { state.registeredByRequest[$0.requestId] } ?? [])
        for key in answer.unsuccessful ?? [] {
            count(.targetsUnsuccessfulNotRegistered)
            let target = StateIndex.key(group, key)
            if state.attributed {
                if registeredByFinal.contains(target) {
                    violate(
                        .targetsUnsuccessfulNotRegistered, "mismatch",
                        "target \(key) was answered unsuccessful but the same attempt registered it",
                        sequences: [record.sequence], resources: [group, key])
                }
            } else {
                unsuccessfulTargets[target] = record.sequence
            }
        }
    }

    /// Acknowledged targets are there (lost otherwise); nothing is there that nobody asked for (unexpected).
    mutating func finishRegisterTargets() {
        for (target, sequence) in acknowledgedTargets {
            let group = String(target.prefix { $0 != "|" })
            guard state.attributed || state.targetGroupsRead.contains(group) else { continue }
            count(.targetsAcknowledgedRegistered)
            guard !state.targets.contains(target), !wasDeregistered(target) else { continue }
            counts.lost += 1
            violate(
                .targetsAcknowledgedRegistered, "lost",
                "target \(target.dropFirst(group.count + 1)) was acknowledged in successful but is not registered in "
                    + group, sequences: [sequence], resources: [group, String(target.dropFirst(group.count + 1))])
        }
        for (target, sequence) in unsuccessfulTargets
        where state.targets.contains(target) && acknowledgedTargets[target] == nil {
            violate(
                .targetsUnsuccessfulNotRegistered, "mismatch",
                "target \(target) was answered unsuccessful, is registered, and no call acknowledged it",
                sequences: [sequence], resources: [target])
        }
        if state.attributed {
            for registration in state.registrations {
                count(.targetsNoUnexpected)
                guard !targetInvocations.contains(registration.invocation) || !wasRequested(registration.key)
                else { continue }
                counts.unexpected += 1
                violate(
                    .targetsNoUnexpected, "unexpected",
                    "target \(registration.key) was registered by invocation \(registration.invocation), which did "
                        + "not ask for it", resources: [registration.key])
            }
        } else {
            for target in state.targets {
                count(.targetsNoUnexpected)
                guard !wasRequested(target) else { continue }
                counts.unexpected += 1
                violate(.targetsNoUnexpected, "unexpected", "target \(target) is registered but no call asked for it",
                    resources: [target])
            }
        }
    }

    /// Whether a call asked for `target` (`group|key`), with or without its port.
    private func wasRequested(_ target: String) -> Bool {
        requestedTargets.contains(target) || requestedTargets.contains(TargetRef.withoutPort(target))
    }

    /// Whether the ledger or a call deregistered `target`.
    private func wasDeregistered(_ target: String) -> Bool {
        state.deregisteredTargets.contains(target) || deregisteredByCalls.contains(target)
            || deregisteredByCalls.contains(TargetRef.withoutPort(target))
    }
}
