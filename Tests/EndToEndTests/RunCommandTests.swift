import Foundation
import Testing
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

@Suite("bench run, end to end", .serialized)
struct RunCommandTests {
    static let tiny = """
        // tiny: two phases, all four operations
        import BenchKit

        let scenario = Scenario("tiny") {
            Seed(11)
            Setup {
                TargetGroups(2)
                CloudMapService(namespace: "e2e.local", name: "svc")
                Deployment(targets: 30)
            }
            Phase("open", .constantRate(200, for: .milliseconds(500)))
            Phase("closed", .iterations(300, concurrency: 3)) {
                Mix {
                    RegisterTargets(batch: 1...5).weight(2)
                    BatchGetDeploymentTargets(ids: 25).invalid(1)
                }
            }
        }
        """

    @Test("a scenario file in a temporary folder runs and writes a summary.json that parses back")
    func runsAndWritesSummary() throws {
        let bench = try BenchExecutable()
        let folder = try makeTemporaryFolder("bench-e2e")
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.tiny.write(to: folder.appendingPathComponent("tiny.swift"), atomically: true, encoding: .utf8)

        let result = try bench.run(["run", "tiny.swift", "--out", "out", "--quiet"], in: folder)
        #expect(result.status == 0, "stderr: \(result.stderr)")

        let data = try Data(contentsOf: folder.appendingPathComponent("out/summary.json"))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(json["schema"] as? String == "bench.summary/1")
        #expect(json["scenario"] as? String == "tiny")
        #expect(json["seed"] as? Int == 11)
        #expect(json["interrupted"] as? Bool == false)
        let phases = try #require(json["phases"] as? [[String: Any]])
        #expect(phases.map { $0["name"] as? String } == ["open", "closed"])
        #expect(phases[0]["model"] as? String == "open")
        #expect(phases[0]["issued"] as? Int == 100)
        #expect(phases[1]["completed"] as? Int == 300)
        let open = try #require(phases[0]["operations"] as? [String: [String: Any]])
        #expect(Set(open.keys) == ["RegisterTargets", "CreateTargetGroup", "BatchGetDeploymentTargets", "RegisterInstance"])
        for (name, op) in open {
            #expect(op["count"] as? Int == op["ok"] as? Int, "\(name) had errors: \(op)")
        }
        // Deliberately invalid batch-gets carry 26 ids, over the limit of 25: every one is refused.
        let closed = try #require(phases[1]["operations"] as? [String: [String: Any]])
        let batchGet = try #require(closed["BatchGetDeploymentTargets"])
        let errors = try #require(batchGet["errors"] as? [String: Int])
        #expect(errors["DeploymentTargetListSizeExceededException"] == batchGet["count"] as? Int)
        #expect((batchGet["count"] as? Int ?? 0) > 50)
    }

    @Test("the same seed gives the same request mix; the summary table prints without --quiet")
    func deterministicAndPrints() throws {
        let bench = try BenchExecutable()
        let folder = try makeTemporaryFolder("bench-e2e")
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.tiny.write(to: folder.appendingPathComponent("tiny.swift"), atomically: true, encoding: .utf8)
        var counts: [[String: Int]] = []
        for run in 0..<2 {
            let result = try bench.run(["run", "tiny.swift", "--out", "run\(run)"], in: folder)
            #expect(result.status == 0, "stderr: \(result.stderr)")
            #expect(result.stdout.contains("phase open:"))
            #expect(result.stdout.contains("RegisterTargets"))
            let data = try Data(contentsOf: folder.appendingPathComponent("run\(run)/summary.json"))
            let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            let phases = try #require(json["phases"] as? [[String: Any]])
            let open = try #require(phases[0]["operations"] as? [String: [String: Any]])
            counts.append(open.mapValues { $0["count"] as? Int ?? -1 })
        }
        #expect(counts[0] == counts[1])
    }

    @Test("a compile error is shown at the user's file and line, exit code 2")
    func compileError() throws {
        let bench = try BenchExecutable()
        let folder = try makeTemporaryFolder("bench-e2e")
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = "import BenchKit\n\nlet scenario = Scenario(\"broken\") {\n    Phase(\"p\", .constantRate(\"fast\", for: .seconds(1)))\n}\n"
        try source.write(to: folder.appendingPathComponent("broken.swift"), atomically: true, encoding: .utf8)
        let result = try bench.run(["run", "broken.swift"], in: folder)
        #expect(result.status == 2)
        #expect(result.stderr.contains("broken.swift:4:"), "stderr: \(result.stderr)")
        #expect(result.stderr.contains("nothing was sent"))
    }

    @Test("a file without `let scenario` gets an explanation, not an error in generated code")
    func missingScenario() throws {
        let bench = try BenchExecutable()
        let folder = try makeTemporaryFolder("bench-e2e")
        defer { try? FileManager.default.removeItem(at: folder) }
        try "import BenchKit\n\nlet other = Scenario(\"x\") {}\n".write(
            to: folder.appendingPathComponent("none.swift"), atomically: true, encoding: .utf8)
        let result = try bench.run(["run", "none.swift"], in: folder)
        #expect(result.status == 2)
        #expect(result.stderr.contains("none.swift: error: the file must declare `let scenario"), "stderr: \(result.stderr)")
        #expect(!result.stderr.contains("main.swift"))
    }

    @Test("validation errors name the field and the limit, exit code 2, and nothing runs")
    func validationError() throws {
        let bench = try BenchExecutable()
        let folder = try makeTemporaryFolder("bench-e2e")
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = """
            import BenchKit
            let scenario = Scenario("bad") {
                Setup { Deployment(targets: 10) }
                Phase("p", .constantRate(-5, for: .seconds(1))) { Mix { BatchGetDeploymentTargets(ids: 40) } }
            }
            """
        try source.write(to: folder.appendingPathComponent("bad.swift"), atomically: true, encoding: .utf8)
        for command in ["run", "validate"] {
            let result = try bench.run([command, "bad.swift", "--out", "out"], in: folder)
            #expect(result.status == 2)
            #expect(result.stderr.contains("error: phases[0] \"p\".executor.rate: must be > 0 and <= 1000000 per second (got -5.0)"),
                    "stderr: \(result.stderr)")
            #expect(result.stderr.contains("BatchGetDeploymentTargets.ids: must lie in 1...25"))
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path))
        }
    }

    @Test("usage errors: unknown command, bad flag, missing file")
    func usageErrors() throws {
        let bench = try BenchExecutable()
        let folder = try makeTemporaryFolder("bench-e2e")
        defer { try? FileManager.default.removeItem(at: folder) }
        let cases: [([String], String)] = [
            (["frobnicate"], "unknown command \"frobnicate\""),
            (["run", "smoke", "--rate-scale", "0"], "--rate-scale must be a number in 0.001...1000"),
            (["run", "nowhere.swift"], "no scenario file at nowhere.swift"),
            (["run", "no-such-name"], "no scenario named \"no-such-name\""),
            (["run"], "run needs a scenario file or name"),
        ]
        for (arguments, message) in cases {
            let result = try bench.run(arguments, in: folder)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
        }
    }

    @Test("help and list")
    func helpAndList() throws {
        let bench = try BenchExecutable()
        let folder = try makeTemporaryFolder("bench-e2e")
        defer { try? FileManager.default.removeItem(at: folder) }
        let help = try bench.run(["run", "--help"], in: folder)
        #expect(help.status == 0)
        #expect(help.stdout.contains("--duration-scale F"))
        let list = try bench.run(["list"], in: folder)
        #expect(list.status == 0)
        #expect(list.stdout.contains("smoke"))
        #expect(list.stdout.contains("mixed"))
    }

    @Test("the help of bench and of every command it lists exits 0 and fits in 120 columns")
    func helpFitsATerminal() throws {
        let bench = try BenchExecutable()
        let folder = try makeTemporaryFolder("bench-e2e")
        defer { try? FileManager.default.removeItem(at: folder) }
        let top = try bench.run(["--help"], in: folder)
        #expect(top.status == 0)
        // The commands are the first words of the lines between "COMMANDS:" and the next blank line.
        let lines = top.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        let start = try #require(lines.firstIndex { $0.hasPrefix("COMMANDS:") })
        let commands = lines[(start + 1)...].prefix { !$0.isEmpty }.compactMap { $0.split(separator: " ").first }
            .map(String.init).filter { $0 != "help" }
        #expect(commands.count >= 10, "\(commands)")
        for (name, help) in [("bench", top)] + (try commands.map { ($0, try bench.run(["help", $0], in: folder)) }) {
            #expect(help.status == 0, "bench help \(name): \(help.stderr)")
            for line in help.stdout.split(separator: "\n") where line.count > 120 {
                Issue.record("bench help \(name): a line of \(line.count) columns: \(line)")
            }
        }
    }

    @Test("Ctrl-C stops the run, which still writes its summary marked interrupted (exit 130)")
    func interrupt() throws {
        let bench = try BenchExecutable()
        let folder = try makeTemporaryFolder("bench-e2e")
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = """
            import BenchKit
            let scenario = Scenario("long") {
                Phase("long", .constantRate(100, for: .seconds(60))) { Mix { CreateTargetGroup() } }
            }
            """
        try source.write(to: folder.appendingPathComponent("long.swift"), atomically: true, encoding: .utf8)
        let (process, out, err) = try bench.start(["run", "long.swift", "--out", "out"], in: folder)
        // Wait (bounded) until bench has compiled and become the scenario, then let it run a moment.
        let exe = "/proc/\(process.processIdentifier)/exe"
        for _ in 0..<600 {
            let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: exe)) ?? ""
            if target.hasSuffix("/scenario") { break }
            usleep(50_000)
        }
        usleep(700_000)
        kill(process.processIdentifier, SIGINT)
        let result = BenchExecutable.finish(process, out, err)
        #expect(result.status == 130, "stderr: \(result.stderr)")
        let data = try Data(contentsOf: folder.appendingPathComponent("out/summary.json"))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(json["interrupted"] as? Bool == true)
        let phases = try #require(json["phases"] as? [[String: Any]])
        let completed = phases[0]["completed"] as? Int ?? 0
        #expect(completed > 10 && completed < 6_000)
        #expect((phases[0]["dropped"] as? Int ?? 0) == 6_000 - completed)
    }
}
