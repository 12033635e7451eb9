import Foundation
import Testing
import TestSupport

@Suite("scripts/nightly.sh and scripts/gate.sh, end to end", .serialized)
struct GateScriptTests {
    func script(
        _ name: String, _ arguments: [String], environment extra: [String: String]
    ) throws -> BenchExecutable.Result {
        let bench = try BenchExecutable()
        return try runScript(name, arguments, environment: ["BENCH": bench.url.path].merging(extra) { $1 })
    }

    @Test("the nightly script run twice on the same build reports no regression, and keeps a history and trend page")
    func nightlyTwice() throws {
        let folder = try makeTemporaryFolder("bench-e2e")
        defer { try? FileManager.default.removeItem(at: folder) }
        let environment = [
            "BENCH_BASELINES": folder.appendingPathComponent("baselines").path,
            "NIGHTLY_REPORTS": folder.appendingPathComponent("reports").path, "NIGHTLY_CONFIRM": "2",
            // The rest of the test suite loads both cores while this runs, so two runs of the same build differ by
            // what the scheduler did, not by the build: latency percentiles by tens of milliseconds, and the
            // achieved rate of phases this short (a quarter of a second at --duration-scale 0.05) too: the peak
            // phase's ranged from 317/s to 603/s across runs of one build with both cores busy. Those tolerances
            // are therefore opened wide here, and so is the CPU per operation (phases this short are mostly fixed
            // costs); the error rate keeps its default, so the script's compare, confirm, history and trend steps
            // are still checked end to end. A latency is opened in absolute terms too, since a regression must
            // exceed both: a p90 of 0.3-1.7 ms in one run was 38-45 ms in the next while other suites' builds and
            // servers held both cores, more than 11 x and more than the default 5 ms.
            "NIGHTLY_COMPARE_FLAGS": (["p50", "p90", "p99", "p99.9", "max"].flatMap { ["\($0)=1000%", "\($0)=1s"] }
                + ["cpu_per_op=1000%", "achieved_rate=1000%"]).map { "--tolerance \($0)" }.joined(separator: " "),
        ]
        let first = try script("nightly.sh", ["--duration-scale", "0.05"], environment: environment)
        #expect(first.stderr.contains("saved this run as the baseline"), "\(first.stderr)")
        let second = try script("nightly.sh", ["--duration-scale", "0.05"], environment: environment)
        #expect(second.stdout.contains("no regression"), "stdout: \(second.stdout)\nstderr: \(second.stderr)")
        let history = folder.appendingPathComponent("reports/history")
        let lines = try String(contentsOf: history.appendingPathComponent("history.jsonl"), encoding: .utf8)
            .split(separator: "\n")
        try #require(lines.count == 2)
        #expect(lines[1].contains("\"regressions\":0"))
        #expect(FileManager.default.fileExists(atPath: history.appendingPathComponent("trend.html").path))
        // With no regression, the script's exit code is the run's own gate verdict. The nightly scenario's gate
        // has loose absolute bounds (p99 in "steady" < 250 ms) that a run can breach while the rest of the suite
        // loads both cores; the script then exits 3, as it must.
        let expected: [String: Int32] = ["pass": 0, "threshold-breached": 3]
        for (run, line) in zip([first, second], lines) {
            let record = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let gate = try #require(record["gate"] as? String)
            #expect(run.status == expected[gate], "gate \(gate), exit \(run.status): \(run.stderr)")
        }
    }

    @Test("the gate script returns the gate's exit code, and junit.xml lists the checker's invariants")
    func gateScript() throws {
        let folder = try makeTemporaryFolder("bench-e2e")
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("gate")
        let result = try script(
            "gate.sh", ["--duration-scale", "0.05", "--quiet"], environment: ["GATE_OUT": out.path])
        // The script's exit code is the gate's verdict. Latency thresholds may breach while the rest of the suite
        // loads both cores (exit 3); the correct emulator never violates an invariant (never 4).
        let data = try Data(contentsOf: out.appendingPathComponent("summary.json"))
        let summary = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let status = try #require((summary["gate"] as? [String: Any])?["status"] as? String)
        let expected: [String: Int32] = ["pass": 0, "threshold-breached": 3, "correctness-violation": 4]
        #expect(result.status == expected[status], "gate \(status), exit \(result.status): \(result.stderr)")
        #expect(status != "correctness-violation", "\(result.stderr)")
        #expect(result.stderr.contains(status == "pass" ? "gate: PASS" : "gate: FAIL, performance (exit 3)"))
        let junit = try String(contentsOf: out.appendingPathComponent("junit.xml"), encoding: .utf8)
        #expect(junit.contains("CreateTargetGroup.onePerToken"))
        #expect(junit.contains("acknowledged target groups exist exactly once"))
    }
}
