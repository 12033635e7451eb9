import BenchKit
import Foundation

/// `bench check <run folder>`: runs the idempotency checker again on a saved history and the saved ledger
/// (embedded runs) or read-back dump (live endpoints); rewrites `idempotency.json`/`.csv`; exit 4 on a violation.
enum CheckCommand {
    static let help = """
        USAGE: bench check <run folder>

        Checks the run's history.jsonl again, offline, against its ledger.jsonl (embedded runs) or readback.json
        (live endpoints): one target group per clientToken, the same answer per token, acknowledged targets and
        instances present, one OperationId per CreatorRequestId, DuplicateRequest only while another operation
        is in flight, batch gets holding exactly the requested ids (docs/idempotency.md). Rewrites
        idempotency.json and idempotency.csv in the folder and prints the verdict.

        EXIT CODES: 0 no violation, 4 a violated invariant, 1 the folder cannot be read, 2 usage error.
        """

    static func run(_ arguments: [String]) throws -> ExitCode {
        let parsed = try CommandArguments(arguments, command: "check", valued: [], flags: [])
        let names = try parsed.expect(1, usage: "bench check <run folder>")
        let folder = URL(fileURLWithPath: names[0])
        let report: IdempotencyReport
        do {
            report = try IdempotencyCheck.recheck(folder: folder)
            try IdempotencyCheck.write(report, to: folder)
        } catch {
            BenchCommand.printError("check: \(error)")
            return .runtimeError
        }
        print(report.consoleLines.joined(separator: "\n"))
        return report.violationCount == 0 ? .success : .correctnessViolation
    }
}
