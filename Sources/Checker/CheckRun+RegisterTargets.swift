import BenchCore
import Emulator
import Resilience

extension CheckRun {
    /// `RegisterTargets`: what the answer acknowledged and refused, and what the call registered.
    /// - Complexity: O(targets of the call); each `group|target` key is made and hashed once, and serves as both the
    ///   requested and the acknowledged key when the line leaves `successful` out (it is then the requested targets).
    mutating func visitRegisterTargets(_ record: HistoryRecord) {
        guard let group = record.subject.resource else { return }
        let invocation = CheckKey(record.invocationId)
        targetInvocations.insert(invocation)
        let requested = (record.subject.items ?? []).map { CheckKey(group, $0) }
        for key in requested { requestedTargets.insert(key) }
        if record.outcome == .unknown, state.registeringInvocations.contains(invocation) {
            counts.recovered += 1
        }
        guard record.outcome == .ok, Self.finalAnswerIsReal(record), let answer = record.answer else { return }
        let acknowledged = answer.successful.map { $0.map { CheckKey(group, $0) } } ?? requested
        for key in acknowledged {
            counts.acknowledged += 1
            acknowledgedTargets[key] = record.sequence
        }
        guard let unsuccessful = answer.unsuccessful, !unsuccessful.isEmpty else { return }
        let registeredByFinal = Set(
            record.attempts.last.flatMap { state.registeredByRequest[CheckKey($0.requestId)] } ?? [])
        for key in unsuccessful {
            count(.targetsUnsuccessfulNotRegistered)
            let target = CheckKey(group, key)
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
            guard state.attributed || state.targetGroupsRead.contains(target.parent) else { continue }
            count(.targetsAcknowledgedRegistered)
            guard !state.targets.contains(target), !wasDeregistered(target) else { continue }
            counts.lost += 1
            violate(
                .targetsAcknowledgedRegistered, "lost",
                "target \(target.child) was acknowledged in successful but is not registered in \(target.parent)",
                sequences: [sequence], resources: [target.parent, target.child])
        }
        for (target, sequence) in unsuccessfulTargets
        where state.targets.contains(target) && acknowledgedTargets[target] == nil {
            violate(
                .targetsUnsuccessfulNotRegistered, "mismatch",
                "target \(target) was answered unsuccessful, is registered, and no call acknowledged it",
                sequences: [sequence], resources: [target.key])
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
                        + "not ask for it", resources: [registration.key.key])
            }
        } else {
            for target in state.targets {
                count(.targetsNoUnexpected)
                guard !wasRequested(target) else { continue }
                counts.unexpected += 1
                violate(.targetsNoUnexpected, "unexpected", "target \(target) is registered but no call asked for it",
                    resources: [target.key])
            }
        }
    }

    /// Whether a call asked for `target` (`group|key`), with or without its port.
    private func wasRequested(_ target: CheckKey) -> Bool {
        requestedTargets.contains(target) || requestedTargets.contains(CheckKey(TargetRef.withoutPort(target.key)))
    }

    /// Whether the ledger or a call deregistered `target`.
    private func wasDeregistered(_ target: CheckKey) -> Bool {
        state.deregisteredTargets.contains(target) || deregisteredByCalls.contains(target)
            || deregisteredByCalls.contains(CheckKey(TargetRef.withoutPort(target.key)))
    }
}
