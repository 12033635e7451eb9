import BenchKit
import Foundation

/// `bench baseline save|list|delete`: named baselines in `.bench/baselines/<name>/summary.json`.
enum BaselineCommand {
    static let help = """
        USAGE: bench baseline save <name> <run folder> [--baselines DIR]
               bench baseline list [--baselines DIR]
               bench baseline delete <name> [--baselines DIR]

        Stores a run's summary.json under a name, to compare later runs with (`bench compare <name> <run folder>`).
        Baselines live in \(BaselineStore.defaultFolder)/<name>/summary.json, or under --baselines DIR or
        $BENCH_BASELINES. Names are 1-64 of [A-Za-z0-9._-].
        """

    static func run(_ arguments: [String]) throws -> ExitCode {
        let parsed = try CommandArguments(arguments, command: "baseline", valued: ["--baselines"])
        let store = BaselineStore(option: parsed.value("--baselines"))
        switch parsed.positional.first {
        case "save":
            let names = try parsed.expect(3, usage: "bench baseline save <name> <run folder>")
            let summary = try store.save(names[1], from: URL(fileURLWithPath: names[2]))
            print(
                "saved baseline \(names[1]) (\(summary.scenario), seed \(summary.seed)) "
                    + "in \(store.folder.path)/\(names[1])"
            )
        case "list":
            _ = try parsed.expect(1, usage: "bench baseline list")
            for name in store.names() {
                let summary = try store.load(name)
                print(
                    "\(name)  \(summary.scenario)  seed \(summary.seed)  "
                        + ISO8601DateFormatter().string(from: summary.startedAt)
                )
            }
        case "delete":
            let names = try parsed.expect(2, usage: "bench baseline delete <name>")
            try store.delete(names[1])
            print("deleted baseline \(names[1])")
        default:
            throw UsageError("baseline needs save, list or delete; see `bench baseline --help`")
        }
        return .success
    }
}
