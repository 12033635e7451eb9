import Resilience

import BenchCore

/// The mutable state of one check: per-key maps filled by the history pass, then the end-of-run checks.
struct CheckRun {
    let state: StateIndex
    var calls = 0
    var counts = IdempotencyReport.Counts()
    /// Checks and violations per invariant, by ``InvariantName/ordinal``.
    var checked = [Int](repeating: 0, count: InvariantName.allCases.count)
    var violationCounts = [Int](repeating: 0, count: InvariantName.allCases.count)
    var violations: [InvariantName: [Violation]] = [:]

    // CreateTargetGroup
    /// The first ok answer per token: (id, arn, sequence).
    var createAnswers: [CheckKey: (id: String, arn: String?, sequence: UInt64)] = [:]
    /// The first use of each token: (parameter digest, sequence, ok).
    var createTokenUses: [CheckKey: (digest: String, sequence: UInt64, ok: Bool)] = [:]
    /// Read-back mode: the group ids each token is known to stand for.
    var createGroupsByToken: [CheckKey: Set<String>] = [:]
    var createInvocations: Set<CheckKey> = []
    /// Ledger mode: the name of each created group (from its creating call) and the first group per name.
    var groupByName: [CheckKey: String] = [:]
    /// Refused attempts that carried a token, to check once every creator is known.
    var createConflicts: [(sequence: UInt64, token: CheckKey, digest: String)] = []
    var createDigestByInvocation: [CheckKey: String] = [:]
    var createSequenceByInvocation: [CheckKey: UInt64] = [:]

    // RegisterTargets
    /// `group|key` acknowledged in `successful`, with the sequence of the last call that did.
    var acknowledgedTargets: [CheckKey: UInt64] = [:]
    /// `group|key` as requested (the port may be missing).
    var requestedTargets: Set<CheckKey> = []
    var targetInvocations: Set<CheckKey> = []
    /// Read-back mode: `unsuccessful` entries and the calls that reported them; targets deregistered by calls.
    var unsuccessfulTargets: [CheckKey: UInt64] = [:]
    var deregisteredByCalls: Set<CheckKey> = []

    // RegisterInstance
    var operationsByToken: [CheckKey: Set<CheckKey>] = [:]
    var operationTokenSequence: [CheckKey: UInt64] = [:]
    var instanceSequenceByInvocation: [CheckKey: UInt64] = [:]
    /// The acknowledged registration that ended last, per `service|instance`: (start, end, sequence).
    var lastAcknowledged: [CheckKey: (start: UInt64, end: UInt64, sequence: UInt64)] = [:]
    /// Every registration that may have applied (ok or unknown), per instance: (end, digest).
    var registrations: [CheckKey: [(end: UInt64, digest: String)]] = [:]
    var answeredOperations: [CheckKey: UInt64] = [:]

    init(state: StateIndex) { self.state = state }

    /// Records a violation (the first ``Violation/limitPerInvariant`` keep their evidence).
    mutating func violate(
        _ name: InvariantName, _ kind: String, _ message: String, sequences: [UInt64] = [], resources: [String] = []
    ) {
        violationCounts[name.ordinal] += 1
        guard violations[name, default: []].count < Violation.limitPerInvariant else { return }
        violations[name, default: []].append(
            Violation(invariant: name.rawValue, kind: kind, message: message, resourceIds: resources, sequences: sequences))
    }

    mutating func count(_ name: InvariantName, _ n: Int = 1) { checked[name.ordinal] += n }

    /// One history line. - Complexity: O(attempts + items of the call).
    mutating func visit(_ record: HistoryRecord) {
        calls += 1
        switch record.operation {
        case "CreateTargetGroup": visitCreate(record)
        case "RegisterTargets": visitRegisterTargets(record)
        case "DeregisterTargets":
            if record.outcome != .fail, let group = record.subject.resource {
                for key in record.subject.items ?? [] { deregisteredByCalls.insert(CheckKey(group, key)) }
            }
        case "RegisterInstance": visitRegisterInstance(record)
        case "BatchGetDeploymentTargets": visitBatchGet(record)
        default: break
        }
    }

    /// The end-of-run checks over the maps the pass filled.
    mutating func finish() {
        finishCreate()
        finishRegisterTargets()
        finishRegisterInstance()
    }

    /// Whether the final answer came from the service (not from an injected fault).
    static func finalAnswerIsReal(_ record: HistoryRecord) -> Bool {
        !(record.attempts.last?.answeredByFault ?? false)
    }
}
