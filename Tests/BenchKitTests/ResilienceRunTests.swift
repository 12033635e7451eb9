import Foundation
import Testing
import TestSupport

@testable import BenchKit

@Suite("Retries, tokens and faults in whole runs", .serialized)
struct ResilienceRunTests {
    /// botocore's standard rules with backoff capped at 1 ms, so whole runs with many retries stay fast.
    static let quickStandard: RetryMode = {
        var rules = StandardRetryStrategy.Rules.standard
        rules.maxBackoffSeconds = 0.001
        return .standardRules(rules)
    }()

    static func lostAnswers(tokens: TokenPolicy) -> Scenario {
        Scenario("lost-answers") {
            Seed(21)
            Setup { CloudMapService(namespace: "lost.local", name: "api") }
            EmulatorSettings(cloudMapOperationDelay: .zero)
            Retry(quickStandard)
            Tokens(tokens)
            Faults { LoseResponseAfterApply(0.5) }
            Phase("p", .iterations(300, concurrency: 2)) {
                Mix {
                    RegisterInstance(attributes: 1, pool: 1_000_000)
                    CreateTargetGroup()
                }
            }
        }
    }

    /// Ledger effects of the load (setup excluded), grouped by the logical call (invocation id) that caused them.
    static func effectsPerCall(_ result: RunResult) throws -> [String: [LedgerEntry]] {
        let ledger = try #require(result.ledger).snapshot.filter {
            ($0.operation == "RegisterInstance" && ($0.change == .registered || $0.change == .updated))
                || ($0.operation == "CreateTargetGroup" && $0.change == .created && $0.requestId != "setup")
        }
        return Dictionary(grouping: ledger) { $0.invocationId ?? "none" }
    }

    @Test("lost answers with stable tokens: every retried call took effect exactly once")
    func stableTokens() async throws {
        let result = try await Runner(scenario: Self.lostAnswers(tokens: .stablePerCall)).run()
        let summary = result.summary
        #expect(summary.faults["lose-response", default: 0] > 50)
        #expect(summary.totals.values.reduce(0) { $0 + $1.calls.attempts } > 350)  // the lost answers were retried
        let effects = try Self.effectsPerCall(result)
        #expect(!effects.isEmpty)
        for (call, entries) in effects {
            #expect(entries.count == 1, "call \(call) took effect \(entries.count) times: \(entries.map(\.token))")
        }
        // Retries got the original answers back: no call ended refused by its own earlier attempt.
        #expect(summary.totals["CreateTargetGroup"]?.errors["ConflictException"] == nil)
    }

    @Test("lost answers with fresh tokens per attempt: retries take effect again (the classic duplicate bug)")
    func freshTokens() async throws {
        let result = try await Runner(scenario: Self.lostAnswers(tokens: .freshPerAttempt)).run()
        let effects = try Self.effectsPerCall(result)
        let duplicated = effects.filter { $0.value.count > 1 }
        #expect(duplicated.count > 10, "only \(duplicated.count) calls took effect twice")
        for entries in duplicated.values {
            #expect(Set(entries.map(\.token)).count == entries.count)  // each effect came with its own token
        }
        // A target group's name is unique: the retry of a lost create is refused although the group exists.
        #expect(result.summary.totals["CreateTargetGroup"]?.errors["ConflictException", default: 0] ?? 0 > 0)
    }

    @Test("the same seed gives the same fault decisions and the same request sequence")
    func replay() async throws {
        let scenario = Scenario("replay") {
            Seed(5)
            Setup { TargetGroups(2) }
            Retry(Self.quickStandard)
            Faults {
                Throttle(0.2)
                LoseResponseAfterApply(0.1)
                ServerError(0.05, .badGateway)
            }
            Phase("p", .iterations(400, concurrency: 3)) {
                Mix {
                    CreateTargetGroup()
                    RegisterTargets(batch: 1...3)
                }
            }
        }
        func run() async throws -> (faults: [String], requests: [String]) {
            try await withTemporaryFolder("bench-replay") { folder in
                let log = try FaultLog(folder: folder)
                let result = try await Runner(scenario: scenario, faultLog: log).run()
                try log.commit()
                let lines = try String(contentsOf: folder.appendingPathComponent("faults.csv"), encoding: .utf8)
                    .split(separator: "\n").dropFirst()
                    .map { $0.split(separator: ",").dropFirst().joined(separator: ",") }  // without the time
                let requests = try #require(result.ledger).snapshot.filter { $0.requestId != "setup" }
                    .map { "\($0.operation) \($0.resourceType) \($0.token ?? "") \($0.parameterDigest ?? "")" }
                return (lines.sorted(), requests.sorted())
            }
        }
        let first = try await run()
        let second = try await run()
        #expect(first.faults.count > 50)
        #expect(first.faults == second.faults)
        #expect(first.requests == second.requests)
    }
}

@Suite("Server-side faults in whole runs")
struct ServerFaultRunTests {
    @Test("a rate limit in the emulator refuses with the real throttling errors; a retry strategy retries them")
    func rateLimit() async throws {
        let scenario = Scenario("server-faults") {
            Seed(8)
            Setup { CloudMapService() }
            ServerFaults {
                RateLimit(.createTargetGroup, perSecond: 5, burst: 2)
                RateLimit(.registerInstance, perSecond: 5, burst: 2)
            }
            Phase("p", .iterations(80, concurrency: 2)) {
                Mix {
                    CreateTargetGroup()
                    RegisterInstance(pool: 1_000_000)
                }
            }
        }
        let result = try await Runner(scenario: scenario).run()
        let totals = result.summary.totals
        let creates = try #require(totals["CreateTargetGroup"])
        #expect(creates.errors["ThrottlingException", default: 0] > 20)
        #expect(creates.ok <= 3)
        let registers = try #require(totals["RegisterInstance"])
        #expect(registers.errors["RequestLimitExceeded", default: 0] > 20)
        // Throttled requests changed nothing: the ledger holds only what was acknowledged.
        let created = try #require(result.ledger).snapshot.filter {
            $0.operation == "CreateTargetGroup" && $0.change == .created && $0.requestId != "setup"
        }
        #expect(created.count == creates.ok)
    }

    @Test("partial RegisterTargets failures come back in `unsuccessful` and are not registered")
    func partialFailures() async throws {
        let scenario = Scenario("partial") {
            Seed(9)
            Setup { TargetGroups(1) }
            ServerFaults { PartialFailures(0.5) }
            Phase("p", .iterations(40)) { Mix { RegisterTargets(batch: 10...10, pool: 1_000_000) } }
        }
        let result = try await Runner(scenario: scenario).run()
        let registered = try #require(result.ledger).snapshot.filter { $0.operation == "RegisterTargets" && $0.change == .registered }
        #expect(result.summary.totals["RegisterTargets"]?.ok == 40)  // partial success is an HTTP 200
        #expect(registered.count > 100 && registered.count < 300, "\(registered.count) of 400 targets registered")
    }

    @Test("bad server-fault settings are refused before any traffic, naming the field")
    func validation() {
        let scenario = Scenario("bad") {
            ServerFaults { PartialFailures(1.5) }
            Phase("p", .iterations(1)) { Mix { CreateTargetGroup() } }
        }
        let issues = scenario.validationIssues()
        #expect(issues.contains { $0.path.hasPrefix("emulator.") && $0.path.contains("registerTargetsFailureFraction") },
                "\(issues)")
    }
}
