import Foundation
import Testing
import TestSupport

@testable import BenchKit

@Suite("Compare: baselines, tolerances, polarity and confirmation")
struct CompareTests {
    typealias Ops = GateFixture.Ops

    static let baseline: RunSummary = GateFixture.result(
        phases: ["warm-up", "steady"], seconds: [1, 2],
        operations: [
            [Ops(name: "RegisterTargets", latencies: GateFixture.ramp(50))],
            [
                Ops(name: "RegisterTargets", latencies: GateFixture.ramp(100)),
                Ops(name: "CreateTargetGroup", latencies: GateFixture.ramp(40)),
                Ops(name: "BatchGetDeploymentTargets", latencies: GateFixture.ramp(60)),
            ],
        ]
    ).summary

    /// The baseline with exactly four changes beyond the default tolerances, and small noise everywhere else.
    static var changed: RunSummary {
        var current = baseline
        for name in current.totals.keys {
            current.totals[name]?.corrected.p50 *= 1.2  // noise: +20 %, within 50 % (and under 1 ms for most)
            current.totals[name]?.corrected.p999 += 10  // noise: +10 ms, within 50 ms
        }
        current.totals["RegisterTargets"]?.corrected.p99 += 120  // regression: about +120 %, beyond 25 ms
        current.totals["CreateTargetGroup"]?.corrected.p90 -= 30  // improvement: 36 -> 6 ms
        current.totals["BatchGetDeploymentTargets"]?.errors = ["ThrottlingException": 6]  // regression: 0 -> 10 %
        current.phases[1].achievedRate *= 0.5  // regression: throughput halved
        current.phases[0].achievedRate *= 1.05  // noise: +5 %
        return current
    }

    static func compare(_ current: RunSummary, _ tolerances: ToleranceTable = .default) -> SummaryComparison {
        SummaryComparison(
            baseline: baseline, baselineLabel: "base", current: current, currentLabel: "now", tolerances: tolerances)
    }

    @Test("two summaries with known differences: exactly those are flagged, nothing else")
    func knownDifferences() {
        let comparison = Self.compare(Self.changed)
        #expect(
            Set(comparison.regressions.map(\.key)) == [
                "RegisterTargets p99", "BatchGetDeploymentTargets error_rate", "phase steady achieved_rate",
            ])
        #expect(comparison.improvements.map(\.key) == ["CreateTargetGroup p90"])
        #expect(comparison.rows.filter { $0.verdict != .unchanged }.count == 4)
        #expect(comparison.exitCode == .thresholdBreached)
        #expect(Self.compare(Self.baseline).rows.allSatisfy { $0.verdict == .unchanged })
        #expect(Self.compare(Self.baseline).exitCode == .success)
    }

    @Test("polarity: slower latency and lower throughput regress; faster latency and higher throughput improve")
    func polarity() {
        var faster = Self.baseline
        faster.totals["RegisterTargets"]?.corrected.p99 = 1
        faster.phases[1].achievedRate *= 2
        let comparison = Self.compare(faster)
        #expect(comparison.regressions.isEmpty)
        #expect(Set(comparison.improvements.map(\.key)) == ["RegisterTargets p99", "phase steady achieved_rate"])
        let row = comparison.rows.first { $0.key == "phase steady achieved_rate" }
        #expect(row?.polarity == .prefersLarger && row?.unit == "ops/s")
    }

    @Test("CPU per operation is compared per phase, lower is better; a baseline without it adds no row")
    func cpuPerOperation() {
        var base = Self.baseline
        base.phases[0].cpuMicrosecondsPerOperation = 20
        base.phases[1].cpuMicrosecondsPerOperation = 20
        var current = base
        current.phases[0].cpuMicrosecondsPerOperation = 26  // noise: +30 %, within 50 %
        current.phases[1].cpuMicrosecondsPerOperation = 40  // regression: twice the CPU, +20 us
        let comparison = SummaryComparison(
            baseline: base, baselineLabel: "base", current: current, currentLabel: "now")
        #expect(comparison.regressions.map(\.key) == ["phase steady cpu_per_op"])
        let row = comparison.rows.first { $0.key == "phase warm-up cpu_per_op" }
        #expect(row?.verdict == .unchanged && row?.unit == "us" && row?.polarity == .prefersSmaller)
        #expect(ComparisonReport.markdown(comparison).contains("20.0us"), "shown in microseconds")

        let old = SummaryComparison(
            baseline: Self.baseline, baselineLabel: "old", current: current, currentLabel: "now")
        #expect(
            !old.rows.contains { $0.metric == .cpuPerOperation }, "summaries written before phases had a CPU figure")
    }

    @Test(
        "a change counts only beyond both tolerances, on both sides of each",
        arguments: [
            // baseline p99, current p99 (ms), relative, absolute -> verdict
            (10.0, 15.0, 0.5, 5.0, ComparisonRow.Verdict.unchanged),  // exactly at both bounds
            (10.0, 15.001, 0.5, 5.0, .regression),  // just beyond both
            (10.0, 15.001, 0.5, 5.001, .unchanged),  // beyond relative, not absolute
            (100.0, 106.0, 0.1, 5.0, .unchanged),  // beyond absolute, not relative
            (100.0, 110.001, 0.1, 5.0, .regression),
            (100.0, 89.999, 0.1, 5.0, .improvement),
            (100.0, 90.91, 0.1, 5.0, .unchanged),  // 100 / 90.91 is just under 1.1
            (0.0, 0.0, 0.0, 0.0, .unchanged),
        ])
    func tolerances(old: Double, new: Double, relative: Double, absolute: Double, verdict: ComparisonRow.Verdict) {
        let row = ComparisonRow(
            scope: "op", metric: .p99, baseline: old, current: new,
            tolerance: Tolerance(relative: relative, absolute: absolute)
        )
        #expect(row.verdict == verdict)
    }

    @Test("operations and phases on one side only are reported as missing or new, not as regressions")
    func missingAndNew() {
        var current = Self.baseline
        current.totals["RegisterInstance"] = current.totals["CreateTargetGroup"]
        current.totals["CreateTargetGroup"] = nil
        let comparison = Self.compare(current)
        #expect(comparison.regressions.isEmpty)
        #expect(comparison.rows.filter { $0.verdict == .missing }.allSatisfy { $0.scope == "CreateTargetGroup" })
        #expect(comparison.rows.filter { $0.verdict == .new }.count == ComparedMetric.allCases.count { !$0.isPerPhase })
    }

    @Test(
        "--confirm keeps a regression only when most reruns reproduce it",
        arguments: [
            (3, 2, true), (3, 1, false), (2, 1, false), (2, 2, true), (1, 1, true), (1, 0, false),
        ])
    func confirmation(reruns: Int, reproducing: Int, confirmed: Bool) {
        var comparison = Self.compare(Self.changed)
        let reruns = (0..<reruns).map { index in Self.compare(index < reproducing ? Self.changed : Self.baseline) }
        comparison.confirm(with: reruns)
        #expect(comparison.regressions.count == (confirmed ? 3 : 0))
        #expect(comparison.rows.filter { $0.verdict == .unconfirmed }.count == (confirmed ? 0 : 3))
        #expect(comparison.confirmation?.reproduced["RegisterTargets p99"] == reproducing)
        #expect(comparison.exitCode == (confirmed ? .thresholdBreached : .success))
        #expect(comparison.improvements.count == 1, "improvements are not rerun")
    }

    @Test(
        "--tolerance overrides and presets",
        arguments: [
            ("p99=20%", ComparedMetric.p99, 0.2, 25.0),
            ("p99=3ms", .p99, 1.0, 3),
            ("p50=250us", .p50, 0.5, 0.25),
            ("achieved_rate=10/s", .achievedRate, 0.25, 10),
            ("error_rate=0.02", .errorRate, 0.5, 0.02),
            ("cpu_per_op=8us", .cpuPerOperation, 0.5, 8),
            ("cpu_per_op=1ms", .cpuPerOperation, 0.5, 1_000),
            ("cpu_per_op=10%", .cpuPerOperation, 0.1, 5),
        ])
    func toleranceOverrides(text: String, metric: ComparedMetric, relative: Double, absolute: Double) throws {
        var table = ToleranceTable.default
        try table.apply(text)
        #expect(table[metric] == Tolerance(relative: relative, absolute: absolute))
        #expect(ToleranceTable.strict[.p99] == Tolerance(relative: 0.05, absolute: 0))
        #expect(ToleranceTable.relaxed[.p99] == Tolerance(relative: 2, absolute: 50))
    }

    @Test(
        "bad --tolerance values are refused naming the metric or the value",
        arguments: [
            "p98=20%", "p99", "p99=20", "p99=-1%", "error_rate=x", "achieved_rate=-3/s", "cpu_per_op=7",
        ])
    func badTolerances(text: String) {
        var table = ToleranceTable.default
        #expect(throws: UsageError.self) { try table.apply(text) }
    }

    @Test("compare.json round-trips and compare.md has every row with its verdict")
    func outputs() throws {
        let comparison = Self.compare(Self.changed)
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        #expect(try decoder.decode(SummaryComparison.self, from: comparison.jsonData()) == comparison)
        let markdown = ComparisonReport.markdown(comparison)
        #expect(markdown.contains("3 regression(s), 1 improvement(s)"))
        #expect(markdown.components(separatedBy: "\n").filter { $0.hasPrefix("| ") }.count == comparison.rows.count + 1)
        #expect(markdown.contains("| RegisterTargets | p99 ↓ |"))
        let text = ComparisonReport.text(comparison)
        #expect(text.components(separatedBy: "REGRESSION").count == 4)
        #expect(!text.contains(" ok"), "rows within tolerance are left out unless --all")
    }
}

@Suite("Compare: the baseline store and the history")
struct CompareStoreTests {
    @Test("save, list, load, resolve and delete baselines; a run folder resolves as itself")
    func store() throws {
        let root = try makeTemporaryFolder("bench-compare")
        defer { try? FileManager.default.removeItem(at: root) }
        let run = root.appendingPathComponent("run")
        try FileManager.default.createDirectory(at: run, withIntermediateDirectories: true)
        try CompareTests.baseline.jsonData().write(to: run.appendingPathComponent("summary.json"))
        let store = BaselineStore(folder: root.appendingPathComponent("baselines"))
        try store.save("nightly", from: run)
        try store.save("release-1.2_rc", from: run.appendingPathComponent("summary.json"))
        #expect(store.names() == ["nightly", "release-1.2_rc"])
        #expect(try store.load("nightly") == CompareTests.baseline)
        #expect(try store.resolve(run.path) == CompareTests.baseline)
        #expect(try store.resolve("nightly") == CompareTests.baseline)
        try store.delete("nightly")
        #expect(store.names() == ["release-1.2_rc"])
        #expect(throws: UsageError.self) { try store.load("nightly") }
        #expect(throws: UsageError.self) { try store.save("x", from: root.appendingPathComponent("nothing")) }
        let notSummary = root.appendingPathComponent("bad.json")
        try Data("{}".utf8).write(to: notSummary)
        #expect(throws: UsageError.self) { try BaselineStore.loadSummary(notSummary) }
    }

    @Test(
        "baseline names: 1-64 of [A-Za-z0-9._-], not starting with a dot",
        arguments: [
            ("a", true), (String(repeating: "n", count: 64), true), (String(repeating: "n", count: 65), false),
            ("", false),
            ("..", false), (".hidden", false), ("a/b", false), ("v1.2-rc_3", true), ("spa ce", false),
        ])
    func names(name: String, valid: Bool) {
        #expect(((try? BaselineStore.checkName(name)) != nil) == valid)
    }

    @Test("history lines round-trip and the trend page plots every run")
    func history() throws {
        let root = try makeTemporaryFolder("bench-compare")
        defer { try? FileManager.default.removeItem(at: root) }
        let file = root.appendingPathComponent("history.jsonl")
        var later = CompareTests.changed
        later.startedAt = later.startedAt.addingTimeInterval(86_400)
        later.phases[1].cpuMicrosecondsPerOperation = 42
        let comparison = CompareTests.compare(later)
        // The first line as written before entries carried the CPU per operation: it still reads.
        let older = try HistoryEntry(CompareTests.baseline).jsonLine()
            .replacingOccurrences(of: "\"cpuPerOperation\":{},", with: "")
        #expect(!older.contains("cpuPerOperation"))
        let lines = [older, try HistoryEntry(later, comparison: comparison).jsonLine()]
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: file)
        let entries = try HistoryEntry.read(file)
        #expect(entries.count == 2)
        #expect(entries[1].regressions == 3)
        #expect(entries[0].operations["RegisterTargets"]?.count == 150)
        #expect(entries[0].cpuPerOperation == nil && entries[1].cpuPerOperation == ["steady": 42])
        let page = TrendPage.render(entries)
        for id in ["trend-p99", "trend-p50", "trend-errors", "trend-rate", "trend-cpu"] {
            #expect(page.contains("id=\"\(id)\""))
        }
        #expect(page.components(separatedBy: "<tr").count == 4, "a header and two runs")
        try Data("{\"not\": 1}\n".utf8).write(to: file)
        #expect(throws: UsageError.self) { try HistoryEntry.read(file) }
    }
}
