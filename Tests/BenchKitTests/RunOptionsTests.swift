import Testing

@testable import BenchKit

@Suite("RunOptions")
struct RunOptionsTests {
    @Test("flags parse and override the scenario")
    func overrides() throws {
        let options = try RunOptions.parse([
            "--seed", "99", "--duration-scale", "0.5", "--rate-scale", "2", "--out", "/tmp/x", "--quiet",
        ])
        #expect(options.seed == 99 && options.outputFolder == "/tmp/x" && options.quiet)
        let scenario = Scenario("s") {
            Seed(1)
            Phase("p", .constantRate(10, for: .seconds(4)))
            Phase("q", .rampingRate(from: 1, to: 3, over: .seconds(2)))
        }
        let applied = options.applied(to: scenario)
        #expect(applied.seed == 99)
        #expect(applied.phases[0].executor == .constantRate(20, for: .seconds(2)))
        #expect(applied.phases[1].executor == .rampingRate(from: 2, to: 6, over: .seconds(1)))
    }

    @Test("an endpoint flag replaces the embedded endpoint")
    func endpoint() throws {
        let options = try RunOptions.parse(["--endpoint", "http://127.0.0.1:4566", "--region", "eu-west-1"])
        let applied = options.applied(to: Scenario("s") {})
        #expect(applied.endpoint == .http("http://127.0.0.1:4566", region: "eu-west-1"))
    }

    @Test("--only keeps the named operations of every mix, in their weights' ratio, and nothing else")
    func only() throws {
        let options = try RunOptions.parse([
            "--only", "RegisterTargets, RegisterInstance", "--only", "CreateTargetGroup",
        ])
        #expect(options.only == ["RegisterTargets", "RegisterInstance", "CreateTargetGroup"])
        let scenario = Scenario("s") {
            Mix {
                RegisterTargets().weight(4)
                BatchGetDeploymentTargets().weight(3)
                RegisterInstance().weight(2)
            }
            Phase("default mix", .constantRate(10, for: .seconds(1)))
            Phase("own mix", .constantRate(10, for: .seconds(1))) {
                Mix {
                    BatchGetDeploymentTargets()
                    CreateTargetGroup().weight(5)
                }
            }
        }
        #expect(options.issues(in: scenario).isEmpty)
        let applied = options.applied(to: scenario)
        let kept = applied.phases.map { phase in
            (phase.mix?.workloads ?? []).map { "\($0.operationName)x\($0.weight)" }
        }
        #expect(kept == [["RegisterTargetsx4", "RegisterInstancex2"], ["CreateTargetGroupx5"]])
        // Without --only, every mix is left as the file has it.
        #expect(try RunOptions.parse([]).applied(to: scenario).phases[0].mix == nil)
    }

    @Test("--only that leaves a phase nothing to run names the phase and its operations")
    func onlyLeavingAPhaseEmpty() throws {
        let options = try RunOptions.parse(["--only", "RegisterInstance"])
        let scenario = Scenario("s") {
            Phase("all four", .constantRate(10, for: .seconds(1)))
            Phase("reads", .constantRate(10, for: .seconds(1))) {
                Mix { BatchGetDeploymentTargets() }
            }
        }
        let issues = options.issues(in: scenario)
        #expect(issues.map(\.description) == [
            "phases[1] \"reads\".mix: --only RegisterInstance leaves no operation (its mix: BatchGetDeploymentTargets)"
        ])
    }

    @Test("bad flags name the flag and the allowed values", arguments: [
        // The same words as `bench serve` and `bench proxy` (one parser, OptionValue).
        (["--seed", "-3"], "--seed must be an integer in 0...2^64-1 (got \"-3\")"),
        (["--fault", "throttle:p=2"], "--fault: "),
        (["--seed"], "--seed needs a value"),
        (["--duration-scale", "0"], "--duration-scale must be a number in 0.001...1000"),
        (["--rate-scale", "abc"], "--rate-scale must be a number in 0.001...1000"),
        (["--endpoint", "ftp://x"], "--endpoint must start with http://"),
        (["--region", "US EAST"], "--region must be 1-32 of [a-z0-9-]"),
        (["--bogus"], "unknown option \"--bogus\""),
        (["--only", "RegisterTarget"], "--only: unknown operation \"RegisterTarget\" (one of RegisterTargets, "),
        (["--only"], "--only needs a value"),
    ])
    func bad(arguments: [String], message: String) {
        #expect(throws: UsageError.self) { try RunOptions.parse(arguments) }
        do {
            _ = try RunOptions.parse(arguments)
        } catch {
            #expect(error.description.contains(message), "got: \(error)")
        }
    }
}
