import Foundation
import Testing

/// The scenarios the repository ships are code that only the nightly run, the resilience gate, `perf.sh` and the
/// README's first command compile: a change to the DSL that breaks one must fail here, not in the job that runs it.
@Suite("the repository's scenario files", .serialized)
struct ScenarioFilesTests {
    /// Every `.swift` file under `scenarios/`, relative to it.
    static let files: [String] = {
        let root = packageRoot.appendingPathComponent("scenarios").standardizedFileURL.path + "/"
        let found = FileManager.default.enumerator(atPath: root)?.allObjects as? [String] ?? []
        return found.filter { $0.hasSuffix(".swift") }.sorted()
    }()

    @Test("the folder holds the scenarios the README and the scripts run")
    func holdsTheScenariosTheScriptsRun() {
        for file in [
            "smoke.swift", "nightly.swift", "resilience-gate.swift", "perf/pipeline.swift", "perf/pipeline-floor.swift",
            "perf/open-20k.swift", "perf/memory.swift",
        ] {
            #expect(Self.files.contains(file), "scenarios/\(file) is missing")
        }
    }

    @Test("bench validate accepts it", arguments: files)
    func validates(_ file: String) throws {
        let path = packageRoot.appendingPathComponent("scenarios").appendingPathComponent(file).path
        let result = try BenchExecutable().run(["validate", path], in: packageRoot)
        #expect(result.status == 0, "bench validate scenarios/\(file): \(result.stderr)")
        #expect(result.stdout.contains("is valid"))
    }
}
