import Testing

@testable import BenchKit

@Suite("Gate: the threshold text form")
struct GateThresholdParsingTests {
    @Test(
        "good thresholds parse into the right metric and limit, and print back canonically",
        arguments: [
            ("p99(RegisterTargets) < 50ms", "p99(RegisterTargets) < 50ms", 50.0),
            ("p99.9(RegisterTargets, phase=steady)<=2s", "p99.9(RegisterTargets, phase=steady) <= 2000ms", 2000),
            ("raw.p50(*) < 250us", "raw.p50(*) < 0.25ms", 0.25),
            ("raw.p50() < 250µs", "raw.p50(*) < 0.25ms", 0.25),
            ("max(phase=storm) < 1500ns", "max(phase=storm) < 0.0015ms", 0.0015),
            ("mean(CreateTargetGroup) < 1ms", "mean(CreateTargetGroup) < 1ms", 1),
            ("error_rate(*) < 1%", "error_rate(*) < 1%", 0.01),
            ("errorRate(RegisterInstance) <= 0.05", "error_rate(RegisterInstance) <= 5%", 0.05),
            ("rate(phase=steady) >= 380/s", "rate(phase=steady) >= 380/s", 380),
            ("achieved_rate > 10", "rate(*) > 10/s", 10),
            ("schedule_lag.p99(phase=steady) < 5ms", "schedule_lag.p99(phase=steady) < 5ms", 5),
            ("retry_amplification(*) < 1.3", "retry_amplification(*) < 1.3", 1.3),
            ("idempotency_violations == 0", "idempotency_violations == 0", 0),
        ])
    func parses(text: String, canonical: String, limit: Double) throws {
        let threshold = try Threshold.parse(text)
        #expect(threshold.description == canonical)
        #expect(abs(threshold.limit - limit) < 1e-12)
        #expect(try Threshold.parse(canonical) == threshold, "the canonical form reads back to the same threshold")
    }

    @Test(
        "bad thresholds are refused with a message naming what is wrong",
        arguments: [
            ("p99(RegisterTargets)", "needs a comparison"),
            ("p99(RegisterTargets) < 50", "needs a number and a unit"),
            ("p99(RegisterTargets) < -5ms", "needs a number and a unit"),
            ("p99(RegisterTargets) < ", "needs a value"),
            ("p99(RegisterTargets) =< 5ms", "unknown comparison"),
            ("p99(RegisterTargets) != 5ms", "unknown comparison"),
            ("p101(RegisterTargets) < 5ms", "unknown metric"),
            ("p0(RegisterTargets) < 5ms", "unknown metric"),
            ("latency(RegisterTargets) < 5ms", "unknown metric"),
            ("p99(RegisterTargets < 5ms", "missing \")\""),
            ("p99(A, B) < 5ms", "bad argument"),
            ("p99(phase=) < 5ms", "phase= needs a phase name"),
            ("rate(RegisterTargets) > 5", "rate takes only phase"),
            ("retry_amplification(phase=steady) < 2", "takes only an operation"),
            ("idempotency_violations(RegisterTargets) == 0", "no arguments"),
            ("schedule_lag.p97(*) < 5ms", "unknown statistic"),
            ("error_rate(*) < lots", "must be a number >= 0"),
            ("error_rate(*) < nan", "must be a number >= 0"),
        ])
    func refuses(text: String, expected: String) {
        #expect {
            _ = try Threshold.parse(text)
        } throws: { error in
            "\(error)".contains(expected)
                && "\(error)".contains(text.split(separator: " ").first.map(String.init) ?? "")
        }
    }

    @Test("the DSL builds the same thresholds as the text form, with the gate's abort grace")
    func dslMatchesText() throws {
        let gate = Gate(abortOnFailAfter: .seconds(3)) {
            ResponseTime(.p99, of: .registerTargets) < .milliseconds(50)
            ResponseTime(.p999, of: .registerTargets, in: "steady", measure: .raw) <= .microseconds(1_500)
            ErrorRate() < 0.01
            AchievedRate(in: "steady") >= 380
            ScheduleLag(.p99, in: "steady") < .milliseconds(5)
            RetryAmplification() < 1.3
            IdempotencyViolations() == 0
        }
        let texts = [
            "p99(RegisterTargets) < 50ms", "raw.p99.9(RegisterTargets, phase=steady) <= 1.5ms", "error_rate(*) < 1%",
            "rate(phase=steady) >= 380/s", "schedule_lag.p99(phase=steady) < 5ms", "retry_amplification(*) < 1.3",
            "idempotency_violations == 0",
        ]
        #expect(gate.thresholds == (try texts.map { try Threshold.parse($0).abortOnFail(after: .seconds(3)) }))
        #expect(Gate { ErrorRate() < 0.01 }.thresholds[0].abortGrace == nil)
        let perOperation = Gate {
            for name in ["RegisterTargets", "RegisterInstance"] { ResponseTime(.p99, of: .operation(name)) < .seconds(1) }
        }
        #expect(perOperation.thresholds.map(\.description) == ["p99(RegisterTargets) < 1000ms", "p99(RegisterInstance) < 1000ms"])
    }

    @Test("--threshold, --abort-on-fail and --abort-grace reach the scenario; --out is not recorded")
    func runOptions() throws {
        let options = try RunOptions.parse([
            "--threshold", "p99(RegisterTargets) < 50ms", "--threshold", "error_rate(*) < 1%", "--abort-on-fail",
            "--abort-grace", "2s", "--out", "x", "--scenario-file", "/s.swift",
        ])
        #expect(options.thresholds.count == 2)
        #expect(options.scenarioFile == "/s.swift")
        var scenario = Scenario("s") {
            Phase("p", .constantRate(1, for: .seconds(1)))
            Gate { ErrorRate() < 0.5 }
        }
        scenario = options.applied(to: scenario)
        #expect(scenario.thresholds.count == 3)
        #expect(scenario.thresholds.allSatisfy { $0.abortGrace == .seconds(2) })
        #expect(
            RunOptions.recordable(["--seed", "3", "--out", "x", "--scenario-file", "f", "--quiet"]) == [
                "--seed", "3", "--quiet",
            ])
        #expect(throws: UsageError.self) { try RunOptions.parse(["--threshold", "p99 < 5"]) }
        #expect(throws: UsageError.self) { try RunOptions.parse(["--abort-grace", "10"]) }
    }

    @Test("thresholds naming a phase or operation the scenario does not have, or out of range, are scenario errors")
    func validation() throws {
        let scenario = Scenario("v") {
            Phase("steady", .constantRate(1, for: .seconds(1))) { Mix { RegisterTargets() } }
            Gate {
                ResponseTime(.p99, of: .registerTargets, in: "steady") < .milliseconds(5)
                ResponseTime(.p99, in: "stedy") < .milliseconds(5)
                ErrorRate(of: .createTargetGroup) < 0.1
                ResponseTime(.percentile(100.5)) < .milliseconds(5)
                ScheduleLag(.p95) < .milliseconds(5)
                ErrorRate() < -1
                Invariant("x") { _ in [] }
                Invariant("x") { _ in [] }
            }
        }
        let issues = scenario.thresholdIssues().map(\.description)
        #expect(issues.count == 6, "\(issues)")
        #expect(issues.contains { $0.contains("no phase is named \"stedy\"") })
        #expect(issues.contains { $0.contains("no workload of this scenario issues \"CreateTargetGroup\"") })
        #expect(issues.contains { $0.contains("percentile must be in (0, 100]") })
        #expect(issues.contains { $0.contains("schedule lag supports") })
        #expect(issues.contains { $0.contains("finite number >= 0") })
        #expect(issues.contains { $0.contains("invariants[1]") })
    }
}
