import Checker
import Foundation

/// Runs the idempotency checker after a run, and again offline on a saved run folder (`bench check`).
///
/// Files in the run folder: `history.jsonl` (streamed during the run), `ledger.jsonl` (embedded runs),
/// `readback.json` (what the read-back APIs showed), `idempotency.json` and `idempotency.csv` (the verdict).
public enum IdempotencyCheck {
    /// The history file name in a run folder.
    public static let historyFile = "history.jsonl"
    static let ledgerFile = "ledger.jsonl"
    static let readBackFile = "readback.json"

    /// Checks a finished run: waits for the embedded emulator's asynchronous operations, settles and saves its
    /// ledger, reads back what the ledger does not hold (or everything, for a live endpoint) through
    /// `transport`, saves the dump, and checks `history.jsonl` against them.
    ///
    /// `scope` is what the history's calls touched, gathered while it was written (``HistoryLog/close()``), so
    /// that the history is read once, by the checker.
    static func afterRun(
        folder: URL, scope: ReadBack.Scope, emulator: Emulator?, transport: any Transport, clock: any BenchClock,
        operationDelay: UInt64
    ) async throws -> IdempotencyReport {
        let historyURL = folder.appendingPathComponent(historyFile)
        var scope = scope
        scope.deploymentsOnly = emulator != nil
        let ledger = await settledLedger(emulator, clock: clock, operationDelay: operationDelay)
        // The ledger file is written on another thread while this one reads back and checks: both only read the
        // entries. After a 400,000-call run the file takes about half a second to write, the check several.
        async let ledgerWritten: Void = write(ledger, to: folder.appendingPathComponent(ledgerFile))
        let dump = try await ReadBack { request in
            await transport.send(request, context: RequestContext(requestId: "bench-readback"))
        }.collect(scope)
        try AtomicFile.write(dump.jsonData(), to: folder.appendingPathComponent(readBackFile))
        let report = try IdempotencyChecker(historyFile: historyURL, ledger: ledger, readBack: dump).check()
        try await ledgerWritten
        BackgroundWork.release(consume ledger)
        return report
    }

    /// The embedded emulator's ledger once its asynchronous operations have ended; nil for a live endpoint.
    private static func settledLedger(
        _ emulator: Emulator?, clock: any BenchClock, operationDelay: UInt64
    ) async -> [LedgerEntry]? {
        guard let emulator else { return nil }
        try? await clock.sleep(until: clock.now.advanced(by: operationDelay))
        emulator.cloudMap.settle()
        return emulator.ledger.snapshot
    }

    /// Writes `ledger.jsonl` from `entries` on a dispatch thread; nothing when there are none (a live endpoint).
    private static func write(_ entries: [LedgerEntry]?, to url: URL) async throws {
        guard let entries else { return }
        try await BackgroundWork.run { try JSONLines.write(entries, to: url) }
    }

    /// Checks a saved run folder again: its history against its saved ledger, else its read-back dump.
    /// - Throws: ``CheckerError`` when the history is missing or a file does not decode.
    public static func recheck(folder: URL) throws -> IdempotencyReport {
        let historyURL = folder.appendingPathComponent(historyFile)
        guard FileManager.default.fileExists(atPath: historyURL.path) else {
            throw CheckerError("\(folder.path) holds no \(historyFile): the run was not recorded for checking")
        }
        let ledgerURL = folder.appendingPathComponent(ledgerFile)
        var ledger: [LedgerEntry]?
        if FileManager.default.fileExists(atPath: ledgerURL.path) {
            var entries: [LedgerEntry] = []
            try JSONLines.forEach(in: ledgerURL, as: LedgerEntry.self) { entries.append($0) }
            ledger = entries
        }
        let readBackURL = folder.appendingPathComponent(readBackFile)
        let dump = FileManager.default.fileExists(atPath: readBackURL.path)
            ? try ReadBackDump.load(from: readBackURL) : nil
        guard ledger != nil || dump != nil else {
            throw CheckerError("\(folder.path) holds neither \(ledgerFile) nor \(readBackFile)")
        }
        let report = try IdempotencyChecker(historyFile: historyURL, ledger: ledger, readBack: dump).check()
        BackgroundWork.release(consume ledger)
        return report
    }

    /// Writes `idempotency.json` and `idempotency.csv` into `folder`.
    public static func write(_ report: IdempotencyReport, to folder: URL) throws {
        try AtomicFile.write(report.jsonData(), to: folder.appendingPathComponent("idempotency.json"))
        try AtomicFile.write(report.csv, to: folder.appendingPathComponent("idempotency.csv"))
    }
}

extension RunSummary.Idempotency {
    /// The summary's view of a checker report: one ``InvariantResult`` per invariant (a `junit.xml` case).
    public init(_ report: IdempotencyReport) {
        let invariants = report.invariants.map { invariant in
            InvariantResult(
                name: invariant.name, violations: invariant.violations,
                evidence: report.violations.lazy.filter { $0.invariant == invariant.name }.map(\.message))
        }
        self.init(violations: report.violationCount, invariants: invariants)
    }
}
