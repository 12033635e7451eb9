import Foundation
import Testing
import TestSupport

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite("Gate and compare, end to end", .serialized)
struct GateCommandTests {
    /// A scenario built to trigger each exit code from the command line: `--threshold` breaches (3), a rate
    /// scale that creates more than 30 target groups violates its invariant (4), an unwritable report folder (1).
    static let gated = """
        // gated: one short open-model phase with a gate
        import BenchKit

        let scenario = Scenario("gated") {
            Seed(7)
            Setup {
                TargetGroups(2)
                CloudMapService(namespace: "gate.local", name: "svc")
                Deployment(targets: 30)
            }
            Phase("load", .constantRate(200, for: .milliseconds(300)))
            Gate {
                ErrorRate() < 0.5
                Invariant("at most 30 target groups created") { run in
                    let created = run.ledger?.snapshot.filter {
                        $0.operation == "CreateTargetGroup" && $0.change == .created && $0.requestId != "setup"
                    }.count ?? 0
                    return created > 30 ? ["\\(created) target groups created"] : []
                }
            }
        }
        """

    let bench: BenchExecutable
    let folder: URL

    init() throws {
        bench = try BenchExecutable()
        folder = try makeTemporaryFolder("bench-e2e")
        try Self.gated.write(to: folder.appendingPathComponent("gated.swift"), atomically: true, encoding: .utf8)
    }

    func summary(_ name: String) throws -> [String: Any] {
        let data = try Data(contentsOf: folder.appendingPathComponent("\(name)/summary.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// Flags and the exit code they must produce.
    static let exitCases: [([String], Int32)] = [
        ([], 0),
        (["--threshold", "max(*) < 1ns"], 3),
        (["--rate-scale", "3"], 4),
        (["--rate-scale", "3", "--threshold", "max(*) < 1ns"], 4),
        (["--threshold", "p99(phase=nope) < 1ms"], 2),
        (["--threshold", "p99(*) < 5"], 2),
        (["--out", "gated.swift/out"], 1),
    ]

    @Test("each exit code comes from a run built to trigger it", arguments: exitCases)
    func exitCodes(flags: [String], expected: Int32) throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try bench.run(["run", "gated.swift", "--out", "out", "--quiet"] + flags, in: folder)
        #expect(result.status == expected, "stdout: \(result.stdout)\nstderr: \(result.stderr)")
        guard expected == 3 || expected == 4 || expected == 0 else { return }
        let gate = try #require(try summary("out")["gate"] as? [String: Any])
        let status = ["0": "pass", "3": "threshold-breached", "4": "correctness-violation"]["\(expected)"]
        #expect(gate["status"] as? String == status)
    }

    @Test("junit.xml lists every threshold and invariant; summary.md and summary.json carry the verdicts")
    func artefacts() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try bench.run(
            [
                "run", "gated.swift", "--out", "out", "--rate-scale", "3", "--threshold", "max(*) < 1ns", "--threshold",
                "retry_amplification(*) < 2",
            ], in: folder
        )
        #expect(result.status == 4, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("FAIL  invariant at most 30 target groups created"))
        // No retry strategy: every call is one attempt, so the amplification is measured as exactly 1.
        #expect(result.stdout.contains("PASS  retry_amplification(*) = 1"), "\(result.stdout)")
        let xml = try Data(contentsOf: folder.appendingPathComponent("out/junit.xml"))
        let document = try XMLDocument(data: xml)
        let names = try document.nodes(forXPath: "//testcase").compactMap {
            ($0 as? XMLElement)?.attribute(forName: "name")?.stringValue
        }
        // The scenario's own invariant, then the idempotency checker's 17, each one test case.
        #expect(
            names.prefix(4) == [
                "error_rate(*) < 50%", "max(*) < 0.000001ms", "retry_amplification(*) < 2",
                "at most 30 target groups created",
            ])
        #expect(names.count == 4 + 17 && names.contains("RegisterTargets.acknowledgedRegistered"))
        #expect(try document.nodes(forXPath: "//failure").count == 2)
        let markdown = try String(contentsOf: folder.appendingPathComponent("out/summary.md"), encoding: .utf8)
        #expect(markdown.contains("❌ correctness violation"))
        let json = try summary("out")
        #expect((json["scenarioFile"] as? String)?.hasSuffix("/gated.swift") == true)
        #expect(
            json["arguments"] as? [String] == [
                "--rate-scale", "3", "--threshold", "max(*) < 1ns", "--threshold", "retry_amplification(*) < 2",
            ])
    }

    @Test("--abort-on-fail stops a long run at the first breach after the grace period (exit 3)")
    func earlyAbort() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let started = Date()
        let result = try bench.run(
            [
                "run", "gated.swift", "--out", "out", "--quiet", "--duration-scale", "100", "--rate-scale", "0.1",
                "--threshold", "max(*) < 1ns",
                "--abort-on-fail", "--abort-grace", "500ms",
            ], in: folder
        )
        #expect(result.status == 3, "stderr: \(result.stderr)")
        #expect(result.stderr.contains("gate: stopped early: max(*) = "))
        #expect(Date().timeIntervalSince(started) < 20, "a 30 s phase was stopped early")
        let json = try summary("out")
        #expect((json["gate"] as? [String: Any])?["abortedBy"] as? String == "max(*) < 0.000001ms")
        #expect(json["interrupted"] as? Bool == true)
    }

    @Test("baseline save and compare: the same run compares clean; a regression confirmed by reruns exits 3")
    func compareAndConfirm() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in ["a", "b"] {
            let run = try bench.run(["run", "gated.swift", "--out", name, "--quiet"], in: folder)
            #expect(run.status == 0, "stderr: \(run.stderr)")
        }
        let save = try bench.run(["baseline", "save", "gated", "a"], in: folder)
        #expect(save.status == 0, "stderr: \(save.stderr)")
        #expect(
            FileManager.default.fileExists(
                atPath: folder.appendingPathComponent(".bench/baselines/gated/summary.json").path))
        // The baseline against the very run it was saved from: no noise can make that regress. (Two separate
        // 0.3 s runs may differ by far more than any tolerance while the rest of the suite loads both cores.)
        let clean = try bench.run(["compare", "gated", "a"], in: folder)
        #expect(clean.status == 0, "stdout: \(clean.stdout)\nstderr: \(clean.stderr)")
        #expect(clean.stdout.contains("no regression"))
        for file in ["compare.json", "compare.md"] {
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("a/\(file)").path))
        }

        // A baseline whose latency was 0 and no tolerance: every rerun regresses too, so the regression stands.
        var baseline = try summary("a")
        var totals = try #require(baseline["totals"] as? [String: [String: Any]])
        for name in totals.keys {
            var corrected = try #require(totals[name]?["corrected"] as? [String: Any])
            corrected["p50"] = 0
            totals[name]?["corrected"] = corrected
        }
        baseline["totals"] = totals
        let zero = folder.appendingPathComponent("zero")
        try FileManager.default.createDirectory(at: zero, withIntermediateDirectories: true)
        try JSONSerialization.data(withJSONObject: baseline).write(to: zero.appendingPathComponent("summary.json"))
        let confirmed = try bench.run(
            [
                "compare", "zero", "b", "--confirm", "1", "--tolerance", "p50=0%", "--tolerance", "p50=0ms", "--out",
                "cmp",
            ],
            in: folder
        )
        #expect(confirmed.status == 3, "stdout: \(confirmed.stdout)\nstderr: \(confirmed.stderr)")
        #expect(confirmed.stderr.contains("confirming: rerun 1/1"))
        let comparison = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("cmp/compare.json")))
                as? [String: Any]
        )
        #expect((comparison["confirmation"] as? [String: Any])?["reruns"] as? Int == 1)
        let usage = try bench.run(["compare", "no-such-baseline", "b"], in: folder)
        #expect(usage.status == 2 && usage.stderr.contains("no baseline named \"no-such-baseline\""))
    }
}
