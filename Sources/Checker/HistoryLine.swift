import AWSModel
import BenchCore
import Emulator
import Resilience

/// One call's `history.jsonl` line, written straight from the call record and the request it ran: the
/// invocation, every attempt, the Jepsen outcome, and only the parts of the request (the subject) and of the final
/// answer (the answer summary) that some invariant reads (`docs/idempotency.md`).
///
/// This is the only writer of history lines; ``HistoryRecord`` is how they are read back. Writing from the call
/// itself, rather than from a ``HistoryRecord`` built for the purpose, skips building and destroying that record
/// (its attempts, subject and answer arrays and their strings) on every call: side by side, a checked call of the
/// P3 scenario cost 0.85-0.94 x the CPU it did (`docs/performance-journal.md`).
///
/// The bytes are what `JSONEncoder` with `[.sortedKeys, .withoutEscapingSlashes]` writes for the ``HistoryRecord``
/// the line decodes to (``JSONLineEncodable``'s contract); `HistoryLineTests` checks that for every operation and
/// outcome.
public struct HistoryLine: Sendable, JSONLineEncodable {
    public let call: CallRecord
    public let request: AWSRequest

    public init(_ call: CallRecord, request: AWSRequest) {
        self.call = call
        self.request = request
    }

    /// What the request acts on: the target group (`RegisterTargets`, `DeregisterTargets`), the service
    /// (`RegisterInstance`) or the deployment (`BatchGetDeploymentTargets`); the subject's `resource`.
    public var resource: String? {
        switch request {
        case .lattice(.registerTargets(let input)): input.targetGroupIdentifier
        case .lattice(.deregisterTargets(let input)): input.targetGroupIdentifier
        case .cloudMap(.registerInstance(let input)): input.serviceId
        case .codeDeploy(.batchGetDeploymentTargets(let input)): input.deploymentId
        default: nil
        }
    }

    /// Whether the subject written for this request holds every parameter but the token (the target group and
    /// target keys, the deployment and target ids, the service, instance id and attributes digest), so that the
    /// line needs no ``AWSRequest/parameterDigest``: computing it was a fifth of a P3 line's cost.
    var subjectNamesEveryParameter: Bool {
        switch request {
        case .lattice(.registerTargets), .lattice(.deregisterTargets), .cloudMap(.registerInstance),
            .codeDeploy(.batchGetDeploymentTargets):
            true
        default:
            false
        }
    }

    /// Appends the line, members in sorted key order, without its newline.
    /// - Complexity: O(attempts + size of the request + items in the answer); allocates nothing beyond the
    ///   sink's growth and the parameter digest (target keys are written in parts, ``TargetRef``).
    public func appendJSON(to bytes: inout some JSONByteSink) {
        var object = JSONObjectWriter(opening: &bytes)
        appendAnswer(to: &object, &bytes)
        object.key("attempts", to: &bytes)
        bytes.append(UInt8(ascii: "["))
        // Each attempt is read through a pointer into the list's storage: passed as a value, even a borrowed one
        // read from the buffer, it was copied first (each of its strings retained, then released).
        call.attempts.withUnsafeBufferPointer { attempts in
            for index in attempts.indices {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                Self.appendAttempt(attempts.baseAddress! + index, to: &bytes)
            }
        }
        bytes.append(UInt8(ascii: "]"))
        object.member("end", call.end.nanoseconds, to: &bytes)
        object.member("giveUp", call.giveUpReason?.rawValue, to: &bytes)
        object.member("intendedStart", call.intendedStart.nanoseconds, to: &bytes)
        object.member("invocationId", call.invocationId, to: &bytes)
        object.member("operation", call.operation, to: &bytes)
        object.member("outcome", call.outcome.rawValue, to: &bytes)
        if !subjectNamesEveryParameter { object.member("parameterDigest", request.parameterDigest, to: &bytes) }
        object.member("phase", call.phase, to: &bytes)
        object.member("sequence", call.sequence, to: &bytes)
        object.member("service", call.service.rawValue, to: &bytes)
        object.member("start", call.start.nanoseconds, to: &bytes)
        object.key("subject", to: &bytes)
        appendSubject(to: &bytes)
        object.member("token", call.token, to: &bytes)
        object.close(&bytes)
    }

    private static func appendAttempt(_ attempt: UnsafePointer<AttemptRecord>, to bytes: inout some JSONByteSink) {
        var object = JSONObjectWriter(opening: &bytes)
        object.member("actualSend", attempt.pointee.actualSend.nanoseconds, to: &bytes)
        if attempt.pointee.failureAfterSend { object.member("afterSend", true, to: &bytes) }
        if attempt.pointee.backoffNanoseconds > 0 {
            object.member("backoff", attempt.pointee.backoffNanoseconds, to: &bytes)
        }
        object.member("end", attempt.pointee.end.nanoseconds, to: &bytes)
        object.member("error", attempt.pointee.errorCode, to: &bytes)
        object.member("failure", attempt.pointee.failureKind, to: &bytes)
        if !attempt.pointee.faults.isEmpty { object.member("faults", attempt.pointee.faults, \.kind, to: &bytes) }
        object.member("intendedSend", attempt.pointee.intendedSend.nanoseconds, to: &bytes)
        object.member("number", attempt.pointee.number, to: &bytes)
        object.member("requestId", attempt.pointee.requestId, to: &bytes)
        object.member("status", attempt.pointee.httpStatus, to: &bytes)
        object.member("token", attempt.pointee.token, to: &bytes)
        object.close(&bytes)
    }

    /// The subject: `attributesDigest` (``InstanceDigest``, the ledger's), `items` (target keys, the instance
    /// id, or the requested target ids), `name` (the new group's), `resource`; `{}` for other operations.
    private func appendSubject(to bytes: inout some JSONByteSink) {
        var object = JSONObjectWriter(opening: &bytes)
        switch request {
        case .lattice(.createTargetGroup(let input)):
            object.member("name", input.name, to: &bytes)
        case .lattice(.registerTargets(let input)):
            object.member("items", input.targets, writing: { TargetRef.appendJSON($0, to: &$1) }, to: &bytes)
        case .lattice(.deregisterTargets(let input)):
            object.member("items", input.targets, writing: { TargetRef.appendJSON($0, to: &$1) }, to: &bytes)
        case .cloudMap(.registerInstance(let input)):
            let digest = InstanceDigest.of(
                serviceId: input.serviceId, instanceId: input.instanceId, attributes: input.attributes)
            object.member("attributesDigest", digest, to: &bytes)
            object.member("items", CollectionOfOne(input.instanceId), { $0 }, to: &bytes)
        case .codeDeploy(.batchGetDeploymentTargets(let input)):
            object.member("items", input.targetIds, to: &bytes)
        default:
            break
        }
        object.member("resource", resource, to: &bytes)
        object.close(&bytes)
    }

    /// The `answer` member, when the final result carries evidence an invariant reads: a new group's `arn` and
    /// `id`; the target keys of `successful` and `unsuccessful`; the `operationId`; the returned `targetIds` and
    /// their distinct `targetTypes`, in answer order; or an error's `resourceId` (as `id`) and
    /// `DuplicateOperationId` (as `operationId`).
    ///
    /// What the request already says is left out: `RegisterTargets`' `successful` and a batch read's `targetIds` when
    /// they are exactly the requested targets or ids, in order (the usual answer), an empty `unsuccessful`, and each
    /// target type after its first (`DeregisterTargets`' answer, which no invariant reads, is written whole).
    /// ``HistoryRecord/acknowledgedTargets`` and ``HistoryRecord/returnedTargetIds`` read them back. A batch read's
    /// line was 1.3 KiB, two thirds of it the ids and types written again.
    private func appendAnswer<Sink: JSONByteSink>(to line: inout JSONObjectWriter, _ bytes: inout Sink) {
        /// Writes `"answer":{...}` with the members `body` writes.
        func answer(_ body: (inout JSONObjectWriter, inout Sink) -> Void) {
            line.key("answer", to: &bytes)
            var object = JSONObjectWriter(opening: &bytes)
            body(&object, &bytes)
            object.close(&bytes)
        }
        switch call.finalResult {
        case .response(.lattice(.createTargetGroup(let output))):
            answer { object, bytes in
                object.member("arn", output.arn, to: &bytes)
                object.member("id", output.id, to: &bytes)
            }
        case .response(.lattice(.registerTargets(let output))):
            let successful = output.successful ?? []
            let unsuccessful = output.unsuccessful ?? []
            let requested: [Target]? =
                if case .lattice(.registerTargets(let input)) = request { input.targets } else { nil }
            answer { object, bytes in
                if successful != requested {
                    object.member(
                        "successful", successful, writing: { TargetRef.appendJSON($0, to: &$1) }, to: &bytes)
                }
                if !unsuccessful.isEmpty {
                    object.member(
                        "unsuccessful", unsuccessful,
                        writing: { TargetRef.appendJSON(id: $0.id ?? "", port: $0.port, to: &$1) }, to: &bytes)
                }
            }
        case .response(.lattice(.deregisterTargets(let output))):
            answer { object, bytes in
                object.member(
                    "successful", output.successful ?? [], writing: { TargetRef.appendJSON($0, to: &$1) }, to: &bytes)
            }
        case .response(.cloudMap(.registerInstance(let output))):
            answer { object, bytes in object.member("operationId", output.operationId, to: &bytes) }
        case .response(.codeDeploy(.batchGetDeploymentTargets(let output))):
            let targets = output.deploymentTargets ?? []
            let requested: [String]? =
                if case .codeDeploy(.batchGetDeploymentTargets(let input)) = request { input.targetIds } else { nil }
            let idsAsRequested =
                targets.count == requested?.count && zip(targets, requested ?? []).allSatisfy { $0.targetId == $1 }
            // The first target of each type: O(n) when all share one type, as a deployment's targets do; O(n^2) at
            // worst, for n returned targets (at most 25 in a valid answer).
            let firstOfEachType = targets.indices.lazy.filter { index in
                !targets[..<index].contains { $0.deploymentTargetType == targets[index].deploymentTargetType }
            }
            answer { object, bytes in
                if !idsAsRequested { object.member("targetIds", targets, { $0.targetId ?? "" }, to: &bytes) }
                object.member(
                    "targetTypes", firstOfEachType, { targets[$0].deploymentTargetType ?? "" }, to: &bytes)
            }
        case .serviceError(let error):
            let resourceId = error.fields["resourceId"]?.stringValue
            let duplicate = error.fields["DuplicateOperationId"]?.stringValue
            guard resourceId != nil || duplicate != nil else { return }
            answer { object, bytes in
                object.member("id", resourceId, to: &bytes)
                object.member("operationId", duplicate, to: &bytes)
            }
        default:
            return
        }
    }
}
