import Resilience
import BenchCore
import Emulator
import Foundation

/// Checks a run's history against the state it left: the embedded emulator's ledger or a live endpoint's
/// read-back dump (`docs/idempotency.md`).
///
/// One pass over the history with per-key state (hash maps keyed by token, invocation, target, instance),
/// then the end-of-run checks over those maps, then one more pass that copies the attempt timelines of the
/// calls named by the (capped) violations.
/// - Complexity: O(history + ledger) time; memory O(distinct tokens, targets and instances), not O(attempts).
public struct IdempotencyChecker {
    /// Calls the history in order, handing each record to the closure (a file, or an array in tests).
    public typealias History = ((HistoryRecord) throws -> Void) throws -> Void

    let history: History
    let ledger: [LedgerEntry]?
    let readBack: ReadBackDump?

    /// - Parameters:
    ///   - history: the run's calls.
    ///   - ledger: the embedded emulator's ledger (after `CloudMapEmulator.settle()`), if the run was embedded.
    ///   - readBack: what the read-back APIs showed: everything for a live endpoint, the deployments otherwise.
    public init(history: @escaping History, ledger: [LedgerEntry]?, readBack: ReadBackDump?) {
        self.history = history
        self.ledger = ledger
        self.readBack = readBack
    }

    /// A checker over records in memory.
    public init(records: [HistoryRecord], ledger: [LedgerEntry]?, readBack: ReadBackDump?) {
        self.init(history: { body in try records.forEach(body) }, ledger: ledger, readBack: readBack)
    }

    /// A checker over `history.jsonl` at `url`, read in one streaming pass (twice when there are violations).
    public init(historyFile url: URL, ledger: [LedgerEntry]?, readBack: ReadBackDump?) {
        self.init(
            history: { body in try JSONLines.forEach(in: url, as: HistoryRecord.self, body) }, ledger: ledger,
            readBack: readBack)
    }

    /// Runs every invariant and returns the report.
    /// - Throws: what reading the history throws.
    public func check() throws -> IdempotencyReport {
        let state: StateIndex
        if let ledger {
            state = StateIndex(ledger: ledger, readBack: readBack)
        } else {
            state = StateIndex(readBack: readBack ?? ReadBackDump())
        }
        var run = CheckRun(state: state)
        try history { record in run.visit(record) }
        run.finish()
        var violations = run.violations.values.flatMap { $0 }
        let wanted = Set(violations.flatMap(\.sequences))
        if !wanted.isEmpty {
            var found: [UInt64: HistoryRecord] = [:]
            try history { record in if wanted.contains(record.sequence) { found[record.sequence] = record } }
            for index in violations.indices { violations[index].attachEvidence(found) }
        }
        violations.sort { ($0.invariant, $0.sequences.first ?? 0, $0.message) < ($1.invariant, $1.sequences.first ?? 0, $1.message) }
        let invariants = InvariantName.allCases.map { name in
            IdempotencyReport.InvariantSummary(
                name: name.rawValue, checked: run.checked[name.ordinal], violations: run.violationCounts[name.ordinal])
        }
        let source = ledger == nil ? "readback" : "ledger"
        let report = IdempotencyReport(
            verdict: invariants.allSatisfy { $0.violations == 0 } ? "pass" : "fail", source: source,
            calls: run.calls, counts: run.counts, invariants: invariants, violations: violations)
        // The run's tables, and the state index in them, are done with: freed beside whatever the caller does next.
        BackgroundWork.release(consume run)
        return report
    }
}

extension Violation {
    /// Fills invocation ids, tokens, digests and the attempt timeline from the records of its calls.
    mutating func attachEvidence(_ records: [UInt64: HistoryRecord]) {
        for sequence in sequences {
            guard let record = records[sequence] else { continue }
            invocationIds.append(record.invocationId)
            for token in [record.token].compactMap({ $0 }) + record.attempts.compactMap(\.token)
            where !tokens.contains(token) {
                tokens.append(token)
            }
            if let digest = record.parameterDigest, !parameterDigests.contains(digest) {
                parameterDigests.append(digest)
            }
            timeline.append(
                "call \(record.sequence) \(record.operation) \(record.outcome.rawValue) start=\(record.start) "
                    + "end=\(record.end) invocation=\(record.invocationId)")
            timeline += record.attempts.map { "  " + $0.timelineLine }
        }
    }
}
