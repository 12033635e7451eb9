import Foundation
import Testing

/// `scripts/bench-part.sh` measures one part of issue 8's P3 pipeline alone (the emulator, the history writer)
/// by compiling `scripts/perf/parts/` against a bench build. Here it compiles them against this test run's build
/// and runs each with a small count, so a change to the APIs they use fails here rather than in `perf.sh`; the
/// figures themselves are not checked (no test times anything).
@Suite("scripts/bench-part.sh", .serialized)
struct PartScriptTests {
    /// This test run's bench build: the folder holding `bench`, its modules and its object list.
    static func buildPath() throws -> String {
        try BenchExecutable().url.deletingLastPathComponent().path
    }

    @Test("--help lists the parts and the options, exit 0, nothing compiled")
    func help() throws {
        let result = try runScript("bench-part.sh", ["--help"])
        #expect(result.status == 0)
        for word in ["emulator:", "history:", "--against", "--rounds", "--count", "--build-path"] {
            #expect(result.stdout.contains(word), "\(word) missing from: \(result.stdout)")
        }
        #expect(!result.stdout.contains("set -euo"))
        #expect(!result.stderr.contains("compiling"))
    }

    @Test("bad arguments name the argument and the allowed values, exit 2, nothing compiled", arguments: [
        (["sorting"], "unknown part 'sorting'; expected emulator or history"),
        (["emulator", "--count", "0"], "--count must be a whole number in 1...99999999 (got '0')"),
        (["emulator", "--rounds", "x"], "--rounds must be a whole number in 1...999 (got 'x')"),
        (["emulator", "--against", "/nonexistent"], "--against: no package at /nonexistent"),
        (["emulator", "--fast", "1"], "unknown option '--fast'"),
        (["history", "--count"], "--count needs a value"),
        ([], "usage: scripts/bench-part.sh PART"),
        (
            ["emulator", "--against", packageRoot.path, "--against", packageRoot.path],
            "--against names one other checkout; give it once"
        ),
    ])
    func badArguments(arguments: [String], message: String) throws {
        let result = try runScript("bench-part.sh", arguments)
        #expect(result.status == 2)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(!result.stderr.contains("compiling"))
    }

    @Test("the emulator part answers P3's mix: every operation, every request counted")
    func emulatorPart() throws {
        let result = try runScript(
            "bench-part.sh", ["emulator", "--count", "2000", "--rounds", "2", "--build-path", try Self.buildPath()])
        #expect(result.status == 0, "\(result.stderr)")
        let rounds = result.stdout.split(separator: "\n").filter { $0.hasPrefix("round ") }
        #expect(rounds.count == 2)
        for round in rounds { #expect(round.contains("ns of CPU a request, 2000 requests,"), "\(round)") }
        // Each operation's line, twice (one per round), with its count; the counts of a round add up to 2000.
        var counted = 0
        for operation in ["BatchGetDeploymentTargets", "CreateTargetGroup", "RegisterInstance", "RegisterTargets"] {
            let lines = result.stdout.split(separator: "\n").filter { $0.hasPrefix("  \(operation): ") }
            #expect(lines.count == 2, "\(operation) in: \(result.stdout)")
            counted += lines.first.flatMap { Int($0.split(separator: " ")[1]) } ?? 0
        }
        #expect(counted == 2000)
        #expect(result.stdout.contains("ns of CPU a request (2 rounds)"))
    }

    @Test("the history part writes a line per call")
    func historyPart() throws {
        let result = try runScript("bench-part.sh", ["history", "--count", "300", "--build-path", try Self.buildPath()])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("ns of CPU a line, 300 lines of"), "\(result.stdout)")
        #expect(result.stdout.contains("ns of CPU a line (1 rounds)"))
    }
}
