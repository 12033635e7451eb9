import Checker
import Emulator
import Foundation
import Testing
import TestSupport

@testable import BenchKit

@Suite("Runs against the embedded emulator")
struct EmbeddedRunTests {
    static func scenario(invalid: Double) -> Scenario {
        Scenario("embedded") {
            Seed(5)
            Setup {
                TargetGroups(2, type: .ip)
                TargetGroups(1, type: .lambda)
                CloudMapService(namespace: "t.local", name: "svc")
                Deployment(targets: 40, platform: .server)
                Deployment(targets: 1, platform: .lambda)
            }
            EmulatorSettings(cloudMapOperationDelay: .zero)
            Phase("all", .iterations(400, concurrency: 4)) {
                Mix {
                    RegisterTargets(batch: 1...20).invalid(invalid)
                    RegisterTargets(batch: 1...1, groupType: .lambda)
                    CreateTargetGroup(tags: 2).invalid(invalid)
                    BatchGetDeploymentTargets(ids: 1...25).invalid(invalid)
                    RegisterInstance(attributes: 30, pool: 1_000_000).invalid(invalid)
                }
            }
        }
    }

    @Test("valid requests of every workload succeed, and the ledger holds their effects")
    func allValid() async throws {
        let result = try await Runner(scenario: Self.scenario(invalid: 0)).run()
        let phase = result.summary.phases[0]
        #expect(phase.completed == 400)
        for (name, op) in phase.operations {
            #expect(op.ok == op.count, "\(name): \(op.errors)")
        }
        let ledger = try #require(result.ledger).snapshot
        #expect(ledger.contains { $0.operation == "RegisterTargets" && $0.change == .registered })
        #expect(ledger.contains { $0.operation == "RegisterInstance" })
        #expect(ledger.filter { $0.operation == "CreateTargetGroup" && $0.change == .created }.count
                == 3 + (phase.operations["CreateTargetGroup"]?.ok ?? 0))
    }

    @Test("deliberately invalid requests are each refused with the modeled error")
    func allInvalid() async throws {
        let result = try await Runner(scenario: Self.scenario(invalid: 1)).run()
        let operations = result.summary.phases[0].operations
        #expect(operations["CreateTargetGroup"]?.errors["ValidationException"] == operations["CreateTargetGroup"]?.count)
        #expect(operations["RegisterInstance"]?.errors["InvalidInput"] == operations["RegisterInstance"]?.count)
        #expect(operations["BatchGetDeploymentTargets"]?.errors["DeploymentTargetListSizeExceededException"]
                == operations["BatchGetDeploymentTargets"]?.count)
        // 101 targets: ValidationException; the LAMBDA workload (not made invalid) still succeeds.
        let registers = try #require(operations["RegisterTargets"])
        #expect(registers.errors["ValidationException", default: 0] > 0)
        #expect(registers.ok > 0)
    }

    @Test("the request sequence depends only on the seed and the index, and a worker's own issuer makes the same")
    func deterministicRequests() {
        var fixtures = ResolvedFixtures()
        fixtures.addTargetGroup(ResolvedTargetGroup(id: "tg-0123456789abcdefg", arn: "arn", kind: .ip))
        fixtures.cloudMapServices = ["srv-0123456789abcdef"]
        fixtures.deployments = [ResolvedDeployment(id: "d-ABCDEFGHI", platform: .server, targetIds: (0..<50).map { "i-\($0)" })]
        func requests(seed: UInt64, forWorker: Bool = false) -> [AWSRequest] {
            let clock = ManualClock()
            let transport = StallingTransport()
            let pipeline = CallPipeline(strategy: NoRetryStrategy(), clock: clock, seed: seed) { request, context in
                await transport.send(request, context: context)
            }
            let issuer = OperationIssuer(
                phase: 0, seed: seed, mix: .allOperations, fixtures: fixtures, pipeline: pipeline,
                clock: clock, recorder: Recorder(phases: []), sequenceBase: 0, phaseName: "p"
            )
            let used = forWorker ? issuer.forWorker() : issuer
            return (0..<200).map { used.request(at: $0) }
        }
        let first = requests(seed: 9)
        #expect(first == requests(seed: 9))
        #expect(first == requests(seed: 9, forWorker: true))
        #expect(first != requests(seed: 10))
        #expect(Set(first.map(\.operationName)).count == 4)
    }
}

@Suite("Turning the idempotency checker off")
struct CheckIdempotencyOffTests {
    static func scenario(_ components: [any ScenarioComponent]) -> Scenario {
        var scenario = Scenario("unchecked") {
            Seed(3)
            Setup { TargetGroups(1, type: .ip) }
            Phase("p", .iterations(50, concurrency: 2)) { Mix { RegisterTargets(batch: 1...3) } }
        }
        for component in components { component.apply(to: &scenario) }
        return scenario
    }

    @Test("CheckIdempotency(false) keeps no ledger, so a long soak's memory does not grow with its state changes")
    func noLedgerWhenUnchecked() async throws {
        try await withTemporaryFolder("unchecked") { folder in
            let result = try await Runner(scenario: Self.scenario([CheckIdempotency(false)]), checkFolder: folder).run()
            #expect(result.summary.phases[0].completed == 50)
            #expect(try #require(result.ledger).count == 0)
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("history.jsonl").path))
            #expect(result.summary.idempotency == nil)
            #expect(result.summary.idempotencyUnchecked?.contains("turned off") == true)
        }
    }

    @Test("an Invariant still gets its ledger when the checker is off")
    func ledgerKeptForInvariants() async throws {
        let invariant = Invariant("anything") { _ in [] }
        var scenario = Self.scenario([CheckIdempotency(false)])
        scenario.invariants.append(invariant)
        let result = try await Runner(scenario: scenario).run()
        #expect(try #require(result.ledger).count > 0)
    }

    @Test("--no-check turns it off from the command line")
    func noCheckFlag() throws {
        let options = try RunOptions.parse(["--no-check"])
        #expect(options.applied(to: Self.scenario([])).checksIdempotency == false)
        #expect(try RunOptions.parse([]).applied(to: Self.scenario([])).checksIdempotency == true)
    }
}

@Suite("The folder a checked run leaves")
struct CheckedRunFolderTests {
    /// The ledger file is written beside the check (on another thread): it must still hold the run's whole ledger
    /// when the run returns, and `bench check` on the folder must reach the run's own verdict from it.
    @Test func ledgerFileHoldsTheLedgerAndRecheckAgrees() async throws {
        try await withTemporaryFolder("checked") { folder in
            let result = try await Runner(scenario: EmbeddedRunTests.scenario(invalid: 0.1), checkFolder: folder).run()
            let report = try #require(result.idempotency)
            #expect(report.calls == 400)

            var written: [LedgerEntry] = []
            try JSONLines.forEach(in: folder.appendingPathComponent("ledger.jsonl"), as: LedgerEntry.self) {
                written.append($0)
            }
            #expect(written == (try #require(result.ledger).snapshot))
            #expect(written.count > 400)
            #expect(try IdempotencyCheck.recheck(folder: folder) == report)
        }
    }
}
