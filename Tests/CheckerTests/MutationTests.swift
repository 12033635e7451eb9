import AWSModel
import BenchCore
import Checker
import Emulator
import Resilience
import Testing

/// Each deliberately broken emulator is caught by its named invariant, with evidence; the correct one under
/// heavy chaos passes.
@Suite("Checker: mutations are caught, chaos is not blamed")
struct MutationTests {
    static let lostAnswers = FaultPlan([Fault(.loseResponse(.timeout), probability: 0.3)])
    static let heavyChaos = FaultPlan([
        Fault(.throttle(), probability: 0.15),
        Fault(.duplicate(.concurrent), probability: 0.1),
        Fault(.loseResponse(.timeout), probability: 0.15),
        Fault(.loseResponse(.reset), probability: 0.05),
        Fault(.error5xx(.unavailable), probability: 0.05),
        Fault(.reset, probability: 0.05),
    ])

    @Test("a correct emulator under throttling, duplicates and lost answers: zero violations", arguments: 1...6)
    func correctEmulatorUnderChaos(seed: UInt64) async throws {
        let rig = try CheckerRig(seed: seed, faults: Self.heavyChaos)
        let records = await rig.run(calls: 160)
        let report = try await rig.check(records)
        #expect(report.violations.isEmpty, "\(report.violations.prefix(3))")
        #expect(report.verdict == "pass")
        #expect(report.counts.acknowledged > 0)
        #expect(report.counts.recovered > 0)
        #expect(records.contains { $0.outcome == .unknown })
    }

    @Test("the read-back path agrees: zero violations under chaos without a ledger", arguments: 1...3)
    func readBackUnderChaos(seed: UInt64) async throws {
        let rig = try CheckerRig(seed: seed, faults: Self.heavyChaos)
        let report = try await rig.checkByReadBack(await rig.run(calls: 120))
        #expect(report.source == "readback")
        #expect(report.violations.isEmpty, "\(report.violations.prefix(3))")
    }

    @Test("ignoreClientToken: retried creates duplicate groups, caught by CreateTargetGroup.onePerToken")
    func ignoreClientToken() async throws {
        let rig = try CheckerRig(seed: 7, faults: Self.lostAnswers) { $0.ignoreClientToken = true }
        let report = try await rig.check(await rig.run(calls: 40, only: "CreateTargetGroup"))
        #expect(report.violations(of: .createOnePerToken) > 0)
        #expect(report.counts.duplicated > 0)
        let evidence = try #require(report.violations.first { $0.invariant == InvariantName.createOnePerToken.rawValue })
        #expect(evidence.tokens.count == 1)
        #expect(evidence.resourceIds.count == 2)
        #expect(!evidence.invocationIds.isEmpty && !evidence.parameterDigests.isEmpty)
        #expect(evidence.timeline.contains { $0.contains("timeout (after send)") })
    }

    @Test("ignoreCreatorRequestId: retried registrations get two operations, caught by oneOperationPerToken")
    func ignoreCreatorRequestId() async throws {
        let rig = try CheckerRig(seed: 8, faults: Self.lostAnswers) { $0.ignoreCreatorRequestId = true }
        let report = try await rig.check(await rig.run(calls: 60, only: "RegisterInstance"))
        #expect(report.violations(of: .instanceOneOperationPerToken) > 0)
        let evidence = try #require(
            report.violations.first { $0.invariant == InvariantName.instanceOneOperationPerToken.rawValue })
        #expect(evidence.resourceIds.count >= 2)
        #expect(!evidence.timeline.isEmpty)
    }

    @Test("dropAcknowledgedRegistrations(1%): caught by RegisterTargets.acknowledgedRegistered as lost")
    func dropAcknowledgedRegistrations() async throws {
        let rig = try CheckerRig(seed: 9) { $0.dropAcknowledgedRegistrations = 0.01 }
        let records = await rig.run(calls: 150, only: "RegisterTargets")
        let dropped = rig.emulator.lattice.faultCounts.droppedRegistrations
        #expect(dropped > 0)
        for report in [try await rig.check(records), try await rig.checkByReadBack(records)] {
            #expect(report.violations(of: .targetsAcknowledgedRegistered) == dropped)
            #expect(report.counts.lost == dropped)
            let evidence = try #require(report.violations.first)
            #expect(evidence.kind == "lost")
            #expect(evidence.timeline.first?.contains("RegisterTargets ok") == true)
        }
    }

    @Test("extraBatchGetIds: caught by BatchGetDeploymentTargets.exactIds as unexpected")
    func extraBatchGetIds() async throws {
        let rig = try CheckerRig(seed: 10) { $0.extraBatchGetIds = true }
        let report = try await rig.check(await rig.run(calls: 30, only: "BatchGetDeploymentTargets"))
        #expect(report.violations(of: .batchExactIds) > 0)
        #expect(report.violations.first?.kind == "unexpected")
        #expect(report.violations(of: .batchTypesMatch) == 0)
    }

    @Test("fresh tokens per attempt with lost answers: the duplicated registrations are reported")
    func freshTokensDuplicate() async throws {
        let rig = try CheckerRig(seed: 11, faults: Self.lostAnswers, tokens: .freshPerAttempt)
        let report = try await rig.check(await rig.run(calls: 80, only: "RegisterInstance"))
        #expect(report.violations(of: .instanceOncePerCall) > 0)
        #expect(report.counts.duplicated > 0)
        #expect(report.verdict == "fail")
    }
}
