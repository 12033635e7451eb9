import BenchCore
import Foundation
import Testing
import TestSupport

/// The C compiler `perf.sh` uses, looked up once: `cc`, else the Swift toolchain's `clang`.
enum CCompiler {
    static let url: URL? = {
        let found = findExecutable("cc", alsoIn: ["/usr/bin", "/bin"]) ?? findExecutable("clang", alsoIn: ["/usr/bin"])
        if found == nil { print("note: no cc or clang on the PATH; skipping the tests of scripts/perf/p3ref.c") }
        return found.map(URL.init(fileURLWithPath:))
    }()
}

/// `scripts/perf/p3ref.c` is P3's C reference (`docs/performance.md`): the work of bench's P3 calls written
/// plainly in C, whose CPU a call `perf.sh` sets beside bench's. It is only a fair reference while it does the
/// same work, so here it is compiled and run, and its history lines are held to those of a real `bench run` of
/// `scenarios/perf/pipeline.swift`: the same members for each operation, at about the same size, in the same mix.
/// (Its speed is not checked: no test times anything.)
@Suite("scripts/perf/p3ref.c", .serialized, .enabled(if: CCompiler.url != nil, "no cc or clang on the PATH"))
struct P3ReferenceTests {
    /// Compiles the reference into `folder` as `perf.sh` does.
    static func build(in folder: URL) throws -> URL {
        let binary = folder.appendingPathComponent("p3ref")
        let source = packageRoot.appendingPathComponent("scripts/perf/p3ref.c")
        let result = try runProcess(try #require(CCompiler.url), ["-O2", "-pthread", "-o", binary.path, source.path])
        try #require(result.status == 0, "\(result.errors)")
        return binary
    }

    /// The shape of one history line: its members, its first attempt's, its subject's and its answer's.
    struct Shape: Hashable, CustomStringConvertible {
        let members, attempt, subject, answer: [String]
        var description: String { "\(members) attempt \(attempt) subject \(subject) answer \(answer)" }
    }

    /// Each operation's lines in `file`: how many, their mean size in bytes, and how many have each shape.
    static func profile(_ file: URL) throws -> [String: (count: Int, meanBytes: Double, shapes: [Shape: Int])] {
        var profile: [String: (count: Int, meanBytes: Double, shapes: [Shape: Int])] = [:]
        for line in try String(contentsOf: file, encoding: .utf8).split(separator: "\n") {
            let object = try #require(
                try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "\(line)")
            let keys = { (value: Any?) in ((value as? [String: Any]) ?? [:]).keys.sorted() }
            let attempts = try #require(object["attempts"] as? [Any], "\(line)")
            let shape = Shape(
                members: object.keys.sorted(), attempt: keys(attempts.first), subject: keys(object["subject"]),
                answer: keys(object["answer"]))
            let operation = try #require(object["operation"] as? String)
            var entry = profile[operation] ?? (0, 0, [:])
            entry.meanBytes = (entry.meanBytes * Double(entry.count) + Double(line.utf8.count + 1))
                / Double(entry.count + 1)
            entry.count += 1
            entry.shapes[shape, default: 0] += 1
            profile[operation] = entry
        }
        return profile
    }

    @Test("bad arguments print the usage and exit 2", arguments: [
        [], ["0", "2", "/tmp/x"], ["10", "65", "/tmp/x"], ["10", "2", "/tmp/x", "DeregisterTargets"],
    ])
    func badArguments(arguments: [String]) throws {
        let folder = try makeTemporaryFolder("bench-e2e")
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try runProcess(try Self.build(in: folder), arguments)
        #expect(result.status == 2)
        #expect(result.errors.contains("usage: p3ref CALLS THREADS HISTORY [OPERATION] (CALLS >= 1, THREADS 1...64, "
            + "OPERATION one of RegisterTargets, CreateTargetGroup, BatchGetDeploymentTargets, RegisterInstance)"))
    }

    @Test("with OPERATION, every call is that operation, as `bench run --only` makes the P3 scenario's", arguments: [
        "RegisterTargets", "CreateTargetGroup", "BatchGetDeploymentTargets", "RegisterInstance",
    ])
    func oneOperation(operation: String) throws {
        let folder = try makeTemporaryFolder("bench-e2e")
        defer { try? FileManager.default.removeItem(at: folder) }
        let history = folder.appendingPathComponent("reference.jsonl")
        let result = try runProcess(try Self.build(in: folder), ["2000", "2", history.path, operation])
        try #require(result.status == 0, "\(result.errors)")
        let profile = try Self.profile(history)
        #expect(Array(profile.keys) == [operation])
        #expect(profile[operation]?.count == 2_000)
    }

    @Test("writes bench's history lines for P3's mix: the same members, about the same size, the same weights")
    func sameWorkAsBench() throws {
        let folder = try makeTemporaryFolder("bench-e2e")
        defer { try? FileManager.default.removeItem(at: folder) }

        let calls = 20_000
        let history = folder.appendingPathComponent("reference.jsonl")
        let result = try runProcess(try Self.build(in: folder), [String(calls), "2", history.path])
        try #require(result.status == 0, "\(result.errors)")
        let figures = result.output.split(separator: " ")
        #expect(figures.first == "calls" && figures.count == 12, "\(result.output)")
        #expect(figures.count > 11 && (Int(figures[11].trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0) > 0,
                "no ledger entries: \(result.output)")
        let reference = try Self.profile(history)
        #expect(reference.values.map(\.count).reduce(0, +) == calls)

        // bench's own lines: the P3 scenario for a fixed count of calls rather than its 5 s (a share of a short
        // time made too few calls on a loaded machine to hold every operation), so the seeded mix is the same
        // on every run.
        let pipeline = try String(
            contentsOf: packageRoot.appendingPathComponent("scenarios/perf/pipeline.swift"), encoding: .utf8)
        let phase = #"Phase("full-speed", .constantConcurrency(2, for: .seconds(5)))"#
        try #require(pipeline.contains(phase), "scenarios/perf/pipeline.swift changed its phase: update this test")
        let scenario = folder.appendingPathComponent("pipeline.swift")
        try pipeline.replacingOccurrences(of: phase, with: #"Phase("full-speed", .iterations(5_000, concurrency: 2))"#)
            .write(to: scenario, atomically: true, encoding: .utf8)
        let run = try BenchExecutable().run(["run", scenario.path, "--quiet", "--out", "bench"], in: folder)
        try #require(run.status == 0, "\(run.stderr)")
        let bench = try Self.profile(folder.appendingPathComponent("bench/history.jsonl"))
        #expect(bench.values.map(\.count).reduce(0, +) == 5_000)

        let weights = ["RegisterTargets": 0.4, "CreateTargetGroup": 0.1, "BatchGetDeploymentTargets": 0.3,
                       "RegisterInstance": 0.2]
        #expect(Set(reference.keys) == Set(weights.keys))
        #expect(Set(bench.keys) == Set(weights.keys))
        for (operation, weight) in weights {
            let ours = try #require(reference[operation]), theirs = try #require(bench[operation])
            // One shape for every line of the reference, and it is the shape of most of bench's (bench's others
            // carry the duplicate-request fault's record, or a conflict).
            #expect(ours.shapes.count == 1, "\(operation): \(ours.shapes)")
            let benchShape = try #require(theirs.shapes.max { $0.value < $1.value })
            #expect(ours.shapes.keys.first == benchShape.key, "\(operation): \(ours.shapes) against \(benchShape)")
            #expect(abs(ours.meanBytes / theirs.meanBytes - 1) < 0.1,
                    "\(operation): \(ours.meanBytes) bytes a line against bench's \(theirs.meanBytes)")
            #expect(abs(Double(ours.count) / Double(calls) - weight) < 0.02, "\(operation): \(ours.count) of \(calls)")
        }
    }
}
