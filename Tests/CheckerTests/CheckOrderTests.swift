import BenchCore
import Checker
import Emulator
import Resilience
import Testing

/// The check reads a history in any order: what it reports (verdict, counts, each invariant's checks and
/// violations) does not depend on the order of the lines. A run's workers hand their lines to `history.jsonl` as
/// they come (`HistoryLog.Batch`), so two calls that completed close together may be written in either order.
@Suite struct CheckOrderTests {
    /// What a check reports, leaving out which evidence it kept first.
    struct Outcome: Equatable {
        let verdict: String
        let counts: IdempotencyReport.Counts
        let invariants: [IdempotencyReport.InvariantSummary]
        let violationKinds: [String: Int]

        init(_ report: IdempotencyReport) {
            verdict = report.verdict
            counts = report.counts
            invariants = report.invariants
            violationKinds = Dictionary(report.violations.map { ("\($0.invariant) \($0.kind)", 1) }, uniquingKeysWith: +)
        }
    }

    /// `records` reversed, and shuffled with a seeded generator.
    static func reorderings(of records: [HistoryRecord], seed: UInt64) -> [[HistoryRecord]] {
        var random = SplitMix64(seed: seed)
        var shuffled = records
        for index in shuffled.indices.dropLast().reversed() {
            shuffled.swapAt(index, Int(random.next() % UInt64(index + 1)))
        }
        return [records.reversed(), shuffled]
    }

    @Test("chaos and every mutation: the same report in file order, reversed and shuffled", arguments: [
        ("chaos", nil), ("ignoreClientToken", "CreateTargetGroup"), ("ignoreCreatorRequestId", "RegisterInstance"),
        ("dropAcknowledgedRegistrations", "RegisterTargets"), ("extraBatchGetIds", "BatchGetDeploymentTargets"),
    ] as [(String, String?)])
    func sameReportInAnyOrder(mutation: String, only: String?) async throws {
        let rig = try CheckerRig(seed: 21, faults: MutationTests.heavyChaos) { mutations in
            switch mutation {
            case "ignoreClientToken": mutations.ignoreClientToken = true
            case "ignoreCreatorRequestId": mutations.ignoreCreatorRequestId = true
            case "dropAcknowledgedRegistrations": mutations.dropAcknowledgedRegistrations = 0.05
            case "extraBatchGetIds": mutations.extraBatchGetIds = true
            default: break
            }
        }
        let records = await rig.run(calls: 120, only: only)
        let inFileOrder = Outcome(try await rig.check(records))
        if mutation != "chaos" { #expect(inFileOrder.verdict == "fail", "the mutation is caught at all") }
        for reordered in Self.reorderings(of: records, seed: 5) {
            #expect(Outcome(try await rig.check(reordered)) == inFileOrder)
        }
    }
}
