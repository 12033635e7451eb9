import Foundation
import Testing

@testable import BenchKit

@Suite("Gate: evaluation, verdicts and exit codes")
struct GateEvaluationTests {
    typealias Ops = GateFixture.Ops

    /// RegisterTargets 1...100 ms; CreateTargetGroup 10 x 5 ms + 1 error; phase "steady" 2 s; a second phase.
    static let result = GateFixture.result(
        phases: ["steady", "storm"], seconds: [2, 1],
        operations: [
            [
                Ops(name: "RegisterTargets", latencies: GateFixture.ramp(100)),
                Ops(name: "CreateTargetGroup", latencies: Array(repeating: 5_000_000, count: 9), errors: 1),
            ],
            [Ops(name: "RegisterTargets", latencies: Array(repeating: 200_000_000, count: 10))],
        ],
        lag: [1_000_000, 2_000_000]
    )
    static let summary = result.summary

    func measured(_ text: String) throws -> Double? {
        try Threshold.parse(text).evaluate(Self.summary).measured
    }

    @Test("each limit is checked on both sides of its boundary")
    func boundaries() throws {
        // p99 of steady RegisterTargets, from the same histogram the gate reads.
        var histogram = Histogram(significantDigits: 3)
        for value in GateFixture.ramp(100) { _ = histogram.record(value) }
        let p99 = Double(histogram.valueAtPercentile(99)) / 1e6
        let metric = ThresholdMetric.latency(
            .p99, .corrected, MetricScope(operation: "RegisterTargets", phase: "steady"))
        #expect(Threshold(metric, .lessThan, p99).evaluate(Self.summary).verdict == .fail)
        #expect(Threshold(metric, .lessThanOrEqual, p99).evaluate(Self.summary).verdict == .pass)
        #expect(Threshold(metric, .lessThan, p99.nextUp).evaluate(Self.summary).verdict == .pass)
        #expect(Threshold(metric, .greaterThan, p99).evaluate(Self.summary).verdict == .fail)
        #expect(Threshold(metric, .greaterThanOrEqual, p99).evaluate(Self.summary).verdict == .pass)
        // Error rate: CreateTargetGroup failed 1 of 10.
        #expect(try Threshold.parse("error_rate(CreateTargetGroup) < 10%").evaluate(Self.summary).verdict == .fail)
        #expect(try Threshold.parse("error_rate(CreateTargetGroup) <= 10%").evaluate(Self.summary).verdict == .pass)
        // Achieved rate: steady completed 110 in 2 s.
        #expect(try Threshold.parse("rate(phase=steady) >= 55/s").evaluate(Self.summary).verdict == .pass)
        #expect(try Threshold.parse("rate(phase=steady) > 55/s").evaluate(Self.summary).verdict == .fail)
    }

    @Test("scopes select the right operations and phases; raw differs from corrected")
    func scopes() throws {
        let steady = try #require(try measured("max(RegisterTargets, phase=steady) < 1s"))
        let all = try #require(try measured("max(RegisterTargets) < 1s"))
        let storm = try #require(try measured("p50(phase=storm) < 1s"))
        let raw = try #require(try measured("raw.max(RegisterTargets, phase=steady) < 1s"))
        #expect(abs(steady - 100) < 0.1)
        #expect(abs(all - 200) < 0.2)
        #expect(abs(storm - 200) < 0.2)
        #expect(abs(raw - 50) < 0.05)
        #expect(abs(try #require(try measured("p99.99(*) < 1s")) - 200) < 0.2)
        #expect(abs(try #require(try measured("mean(CreateTargetGroup) < 1s")) - 4.6) < 0.01)
        #expect(abs(try #require(try measured("rate(*) > 1/s")) - 120.0 / 3) < 1e-9)
        #expect(abs(try #require(try measured("schedule_lag.max(*) < 1s")) - 2) < 0.01)
    }

    @Test(
        "a metric the run did not measure is an explicit failure, never a pass",
        arguments: [
            "retry_amplification(*) < 1.3", "idempotency_violations == 0", "p99(RegisterInstance) < 1s",
            "p99(phase=nope) < 1s", "rate(phase=nope) > 0", "schedule_lag.p99.9(phase=nope) < 1s",
        ])
    func notMeasured(text: String) throws {
        let result = try Threshold.parse(text).evaluate(Self.summary)
        #expect(result.verdict == .notMeasured)
        #expect(result.measured == nil)
        #expect(result.message.contains("was not measured"))
        let verdict = GateVerdict(thresholds: [result], invariants: [])
        #expect(verdict.status == .thresholdBreached)
        #expect(verdict.exitCode == .thresholdBreached)
    }

    @Test("retry amplification comes from the calls' attempts; idempotency violations from the optional section")
    func optionalSections() throws {
        var summary = Self.summary
        summary.totals = summary.totals.filter { ["RegisterTargets", "CreateTargetGroup"].contains($0.key) }
        for (name, attempts) in [("RegisterTargets", 120), ("CreateTargetGroup", 100)] {
            summary.totals[name]?.count = 100
            summary.totals[name]?.calls.attempts = attempts
        }
        summary.idempotency = .init(
            violations: 2,
            invariants: [
                InvariantResult(name: "one resource per token", violations: 2, evidence: ["a", "b"])
            ])
        #expect(try Threshold.parse("retry_amplification(*) < 1.1").evaluate(summary).measured == 1.1)
        #expect(try Threshold.parse("retry_amplification(*) < 1.1").evaluate(summary).verdict == .fail)
        #expect(try Threshold.parse("retry_amplification(RegisterTargets) <= 1.2").evaluate(summary).verdict == .pass)
        let violations = try Threshold.parse("idempotency_violations == 0").evaluate(summary)
        #expect(violations.verdict == .fail && violations.correctness)
        let verdict = GateVerdict.evaluate(Self.result, summary: summary, thresholds: [], invariants: [])
        #expect(verdict.invariants.map(\.name) == ["one resource per token"])
        #expect(verdict.exitCode == .correctnessViolation)
    }

    static let pass = ThresholdResult(
        threshold: "t", metric: "m", comparison: "<", limit: 1, measured: 0, unit: "ms", verdict: .pass,
        correctness: false, message: ""
    )

    @Test(
        "exit codes: 0 pass, 3 performance, 4 correctness (wins over 3), 130 interrupted unless the gate decided",
        arguments: [
            // (threshold verdict, correctness threshold?, invariant violations, aborted, interrupted) -> exit code
            (ThresholdResult.Verdict.pass, false, 0, false, false, ExitCode.success),
            (.fail, false, 0, false, false, .thresholdBreached),
            (.notMeasured, false, 0, false, false, .thresholdBreached),
            (.notMeasured, true, 0, false, false, .thresholdBreached),
            (.fail, true, 0, false, false, .correctnessViolation),
            (.pass, false, 1, false, false, .correctnessViolation),
            (.fail, false, 3, false, false, .correctnessViolation),
            (.pass, false, 0, true, true, .thresholdBreached),
            (.fail, false, 1, true, true, .correctnessViolation),
            (.fail, false, 0, false, true, .interrupted),
            (.pass, false, 0, false, true, .interrupted),
            (.pass, false, 2, false, true, .correctnessViolation),
        ])
    func exitCodes(
        verdict: ThresholdResult.Verdict, correctness: Bool, violations: Int, aborted: Bool, interrupted: Bool,
        expected: ExitCode
    ) {
        var threshold = Self.pass
        threshold.verdict = verdict
        threshold.correctness = correctness
        let gate = GateVerdict(
            thresholds: [threshold], invariants: [InvariantResult(name: "i", violations: violations, evidence: [])],
            abortedBy: aborted ? "t" : nil
        )
        #expect(gate.exitCode(interrupted: interrupted) == expected)
    }

    @Test("invariants run over the result and keep at most 20 lines of evidence")
    func invariants() {
        let many = Invariant("many") { _ in (1...25).map { "violation \($0)" } }
        let none = Invariant("none") { run in run.summary.totals.isEmpty ? ["no operations"] : [] }
        let verdict = GateVerdict.evaluate(
            Self.result, summary: Self.summary, thresholds: [], invariants: [many, none])
        #expect(verdict.invariants.map(\.violations) == [25, 0])
        #expect(verdict.invariants[0].evidence.count == InvariantResult.evidenceLimit)
        #expect(verdict.status == .correctnessViolation)
    }

    @Test("summary.json keeps the gate, provenance and optional sections, and older summaries without them still load")
    func summaryRoundTrip() throws {
        var summary = Self.summary
        summary.scenarioFile = "/s.swift"
        summary.arguments = ["--seed", "3"]
        summary.gate = GateVerdict(thresholds: [Self.pass], invariants: [])
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let back = try decoder.decode(RunSummary.self, from: summary.jsonData())
        #expect(back.gate == summary.gate && back.scenarioFile == "/s.swift" && back.arguments == ["--seed", "3"])
        let bare = try decoder.decode(RunSummary.self, from: Self.summary.jsonData())
        #expect(bare.gate == nil && bare.idempotency == nil && bare.scenarioFile == nil)
        #expect(!String(decoding: try Self.summary.jsonData(), as: UTF8.self).contains("\"gate\""))
    }
}
