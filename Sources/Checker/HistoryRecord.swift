import BenchCore
import Resilience

/// One line of `history.jsonl` as the idempotency checker reads it back: a logical call as it needs it
/// (`docs/idempotency.md`). Lines are written by ``HistoryLine``, straight from the call.
///
/// It holds the invocation (operation, parameter digest, token), every attempt, the Jepsen outcome, and only
/// the parts of the request and of the final answer that some invariant reads (``CallSubject``,
/// ``AnswerSummary``), so that a line stays a few hundred bytes whatever the payloads.
public struct HistoryRecord: Sendable, Hashable, Codable {
    /// The call's sequence number in the run.
    public var sequence: UInt64
    /// The invocation id (`amz-sdk-invocation-id`); the ledger names the call by it.
    public var invocationId: String
    /// The service's signing name, e.g. `vpc-lattice`.
    public var service: String
    /// The API operation, e.g. `CreateTargetGroup`.
    public var operation: String
    /// ``AWSRequest/parameterDigest``: the parameters without the token; `nil` when the subject holds them all
    /// (``HistoryLine/subjectNamesEveryParameter``).
    public var parameterDigest: String?
    /// The token of the first attempt (each attempt records its own).
    public var token: String?
    public var phase: String?
    public var outcome: CallOutcome
    /// Why the call gave up, when it did not succeed.
    public var giveUp: String?
    /// Nanoseconds on the run's clock: intended start, actual start, end.
    public var intendedStart: UInt64
    public var start: UInt64
    public var end: UInt64
    public var attempts: [HistoryAttempt]
    /// What the request was about.
    public var subject: CallSubject
    /// The evidence the final answer carries, when it carries any the invariants read.
    public var answer: AnswerSummary?

    public init(
        sequence: UInt64, invocationId: String, service: String, operation: String, parameterDigest: String?,
        token: String?, phase: String? = nil, outcome: CallOutcome, giveUp: String? = nil, intendedStart: UInt64,
        start: UInt64, end: UInt64, attempts: [HistoryAttempt], subject: CallSubject, answer: AnswerSummary?
    ) {
        self.sequence = sequence
        self.invocationId = invocationId
        self.service = service
        self.operation = operation
        self.parameterDigest = parameterDigest
        self.token = token
        self.phase = phase
        self.outcome = outcome
        self.giveUp = giveUp
        self.intendedStart = intendedStart
        self.start = start
        self.end = end
        self.attempts = attempts
        self.subject = subject
        self.answer = answer
    }
}

/// One attempt of a call in `history.jsonl`. `afterSend`, `backoff` and `faults` are left out of the line when
/// `false`, 0 and empty, as they are on almost every attempt.
public struct HistoryAttempt: Sendable, Hashable, Codable {
    /// The 1-based attempt number.
    public var number: Int
    /// The token this attempt carried.
    public var token: String?
    public var requestId: String
    /// Nanoseconds of backoff slept before it.
    public var backoff: UInt64
    /// When it was due and when it actually went out (nanoseconds on the run's clock), and when it ended.
    public var intendedSend: UInt64
    public var actualSend: UInt64
    public var end: UInt64
    /// The HTTP status of an error answer.
    public var status: Int?
    /// The error code of an error answer.
    public var error: String?
    /// The failure kind when no answer came (`timeout`, `reset`, ...).
    public var failure: String?
    /// Whether the request left the client when no answer came (the outcome is then unknown).
    public var afterSend: Bool
    /// The kinds of the faults injected into it (`throttle`, `lose-response`, ...).
    public var faults: [String]

    public init(
        number: Int, token: String?, requestId: String, backoff: UInt64, intendedSend: UInt64, actualSend: UInt64,
        end: UInt64, status: Int? = nil, error: String? = nil, failure: String? = nil, afterSend: Bool = false,
        faults: [String] = []
    ) {
        self.number = number
        self.token = token
        self.requestId = requestId
        self.backoff = backoff
        self.intendedSend = intendedSend
        self.actualSend = actualSend
        self.end = end
        self.status = status
        self.error = error
        self.failure = failure
        self.afterSend = afterSend
        self.faults = faults
    }

    private enum CodingKeys: String, CodingKey {
        case number, token, requestId, backoff, intendedSend, actualSend, end, status, error, failure, afterSend, faults
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            number: try container.decode(Int.self, forKey: .number),
            token: try container.decodeIfPresent(String.self, forKey: .token),
            requestId: try container.decode(String.self, forKey: .requestId),
            backoff: try container.decodeIfPresent(UInt64.self, forKey: .backoff) ?? 0,
            intendedSend: try container.decode(UInt64.self, forKey: .intendedSend),
            actualSend: try container.decode(UInt64.self, forKey: .actualSend),
            end: try container.decode(UInt64.self, forKey: .end),
            status: try container.decodeIfPresent(Int.self, forKey: .status),
            error: try container.decodeIfPresent(String.self, forKey: .error),
            failure: try container.decodeIfPresent(String.self, forKey: .failure),
            afterSend: try container.decodeIfPresent(Bool.self, forKey: .afterSend) ?? false,
            faults: try container.decodeIfPresent([String].self, forKey: .faults) ?? [])
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(number, forKey: .number)
        try container.encodeIfPresent(token, forKey: .token)
        try container.encode(requestId, forKey: .requestId)
        if backoff > 0 { try container.encode(backoff, forKey: .backoff) }
        try container.encode(intendedSend, forKey: .intendedSend)
        try container.encode(actualSend, forKey: .actualSend)
        try container.encode(end, forKey: .end)
        try container.encodeIfPresent(status, forKey: .status)
        try container.encodeIfPresent(error, forKey: .error)
        try container.encodeIfPresent(failure, forKey: .failure)
        if afterSend { try container.encode(afterSend, forKey: .afterSend) }
        if !faults.isEmpty { try container.encode(faults, forKey: .faults) }
    }

    /// The fault kinds that answer in the service's place, without sending.
    static let answeringFaults: Set<String> = ["throttle", "conflict", "error5xx", "reset"]

    /// Whether an injected fault, not the service, produced this attempt's answer.
    public var answeredByFault: Bool { faults.contains(where: Self.answeringFaults.contains) }

    /// `#2 t+120ms ConflictException` style line for evidence timelines.
    public var timelineLine: String {
        let result = error ?? failure.map { $0 + (afterSend ? " (after send)" : "") } ?? "ok"
        let faultText = faults.isEmpty ? "" : " faults=" + faults.joined(separator: ",")
        return "#\(number) sent=\(actualSend) end=\(end) backoff=\(backoff) token=\(token ?? "-") "
            + "request=\(requestId) \(result)\(faultText)"
    }
}

/// The part of a request the invariants need: which resource it acts on and which items it names.
public struct CallSubject: Sendable, Hashable, Codable {
    /// The target group (`RegisterTargets`), the service (`RegisterInstance`) or the deployment (batch get).
    public var resource: String?
    /// `CreateTargetGroup`: the group's name.
    public var name: String?
    /// `RegisterTargets`: the targets as ``TargetRef`` keys; `RegisterInstance`: the instance id;
    /// `BatchGetDeploymentTargets`: the requested target ids.
    public var items: [String]?
    /// `RegisterInstance`: ``InstanceDigest`` of service, instance and attributes (the ledger's digest).
    public var attributesDigest: String?

    public init(resource: String? = nil, name: String? = nil, items: [String]? = nil, attributesDigest: String? = nil) {
        self.resource = resource
        self.name = name
        self.items = items
        self.attributesDigest = attributesDigest
    }
}

/// The evidence in a call's final answer.
public struct AnswerSummary: Sendable, Hashable, Codable {
    /// `CreateTargetGroup`: the group's id and ARN; a `ConflictException`: the `resourceId` it names.
    public var id: String?
    public var arn: String?
    /// `RegisterInstance`: the OperationId; `DuplicateRequest`: the `DuplicateOperationId`.
    public var operationId: String?
    /// `RegisterTargets`: the ``TargetRef`` keys of `successful` (`nil` when they are exactly the requested
    /// targets, in order: ``HistoryRecord/acknowledgedTargets``) and of `unsuccessful`.
    public var successful: [String]?
    public var unsuccessful: [String]?
    /// `BatchGetDeploymentTargets`: the returned target ids, in answer order (`nil` when they are exactly the
    /// requested ids, in order: ``HistoryRecord/returnedTargetIds``), and their distinct `deploymentTargetType`s in
    /// the order they first appear.
    public var targetIds: [String]?
    public var targetTypes: [String]?

    public init(
        id: String? = nil, arn: String? = nil, operationId: String? = nil, successful: [String]? = nil,
        unsuccessful: [String]? = nil, targetIds: [String]? = nil, targetTypes: [String]? = nil
    ) {
        self.id = id
        self.arn = arn
        self.operationId = operationId
        self.successful = successful
        self.unsuccessful = unsuccessful
        self.targetIds = targetIds
        self.targetTypes = targetTypes
    }
}

extension HistoryRecord {
    /// `RegisterTargets`: the target keys its answer acknowledged (`successful`); the subject's items when the line
    /// leaves them out, as it does when they are exactly the requested targets. Empty without an answer.
    public var acknowledgedTargets: [String] {
        guard let answer else { return [] }
        return answer.successful ?? subject.items ?? []
    }

    /// `BatchGetDeploymentTargets`: the target ids its answer returned; the subject's items when the line leaves
    /// them out, as it does when they are exactly the requested ids. `nil` without an answer.
    public var returnedTargetIds: [String]? {
        guard let answer else { return nil }
        return answer.targetIds ?? subject.items ?? []
    }
}
