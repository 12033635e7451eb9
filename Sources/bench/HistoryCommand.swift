import BenchKit
import Foundation

/// `bench history append|render`: the nightly history of runs and its trend page.
enum HistoryCommand {
    static let help = """
        USAGE: bench history append <history.jsonl> <run folder> [--compare <compare.json>]
               bench history render <history.jsonl> <trend.html>

        append adds one line (the run's key numbers, its gate status and, with --compare, its regression count) to
        the history file, creating it if needed. render writes a self-contained HTML trend page of the history:
        p50/p99 latency and error rate per operation, achieved rate per phase, and the runs.
        """

    static func run(_ arguments: [String]) throws -> ExitCode {
        let parsed = try CommandArguments(arguments, command: "history", valued: ["--compare"])
        switch parsed.positional.first {
        case "append":
            let names = try parsed.expect(3, usage: "bench history append <history.jsonl> <run folder>")
            let summary = try BaselineStore.loadSummary(URL(fileURLWithPath: names[2]))
            let comparison = try parsed.value("--compare").map(readComparison)
            let line = try HistoryEntry(summary, comparison: comparison).jsonLine() + "\n"
            let url = URL(fileURLWithPath: names[1])
            if !FileManager.default.fileExists(atPath: url.path) {
                try FileManager.default.createDirectory(
                    at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
                    throw UsageError("cannot create the history file \(url.path)")
                }
            }
            let handle = try FileHandle(forWritingTo: url)
            defer { try? handle.close() }
            try handle.seekToEnd()
            try handle.write(contentsOf: Data(line.utf8))
            print(
                "appended \(summary.scenario) \(ISO8601DateFormatter().string(from: summary.startedAt)) to \(url.path)")
        case "render":
            let names = try parsed.expect(3, usage: "bench history render <history.jsonl> <trend.html>")
            let entries = try HistoryEntry.read(URL(fileURLWithPath: names[1]))
            try AtomicFile.write(TrendPage.render(entries), to: URL(fileURLWithPath: names[2]))
            print("wrote \(names[2]) (\(entries.count) run(s))")
        default:
            throw UsageError("history needs append or render; see `bench history --help`")
        }
        return .success
    }

    private static func readComparison(_ path: String) throws -> SummaryComparison {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        do {
            return try decoder.decode(SummaryComparison.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw UsageError("--compare \(path) is not a compare.json: \(error)")
        }
    }
}
