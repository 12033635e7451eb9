import BenchKit
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `bench compare <baseline name | run folder> <run folder>`: the side-by-side table, `compare.json` and
/// `compare.md`, and exit code 3 when a regression stands.
enum CompareCommand {
    static let help = """
        USAGE: bench compare <baseline name | run folder> <run folder> [options]

        Compares a run with a saved baseline (or another run folder): per operation p50, p90, p99, p99.9, max
        (corrected latency, lower is better) and error rate, per phase the achieved rate (higher is better) and
        the CPU per operation of the bench process (lower is better).
        A change is a regression only when it is worse beyond BOTH the relative and the absolute tolerance.
        Prints the rows outside tolerance, writes compare.json and compare.md, and exits 3 on a regression.

        OPTIONS:
          --confirm N            on a suspected regression, rerun the current run's scenario N times (same file
                                 and flags, from its summary.json) and keep only regressions most reruns show;
                                 each rerun starts after sync(2), so it does not meet the writeback of the files
                                 the runs before it wrote
          --tolerance M=V        override one metric's tolerance (repeatable): p99=20% (relative), p99=3ms,
                                 achieved_rate=10/s, error_rate=0.01, cpu_per_op=5us (absolute); the metrics:
                                 \(ComparedMetric.allCases.map(\.rawValue).joined(separator: ", "))
          --preset P             start from default, strict (5%, no absolute slack) or relaxed (2x default)
          --out DIR              where compare.json and compare.md go (default: the current run folder)
          --baselines DIR        the baselines folder (default \(BaselineStore.defaultFolder) or $BENCH_BASELINES)
          --all                  print every row, also those within tolerance

        EXIT CODES: 0 no regression, 2 usage error, 3 regression (confirmed, with --confirm), 1 rerun failed.
        """

    static func run(_ arguments: [String]) throws -> ExitCode {
        let parsed = try CommandArguments(
            arguments, command: "compare", valued: ["--confirm", "--tolerance", "--preset", "--out", "--baselines"],
            flags: ["--all"]
        )
        let names = try parsed.expect(2, usage: "bench compare <baseline name | run folder> <run folder>")
        var tolerances: ToleranceTable
        switch parsed.value("--preset") ?? "default" {
        case "default": tolerances = .default
        case "strict": tolerances = .strict
        case "relaxed": tolerances = .relaxed
        case let other: throw UsageError("--preset must be default, strict or relaxed (got \"\(other)\")")
        }
        for text in parsed.values["--tolerance"] ?? [] { try tolerances.apply(text) }
        let confirmations = try parsed.integer("--confirm", in: 1...20) ?? 0

        let store = BaselineStore(option: parsed.value("--baselines"))
        let baseline = try store.resolve(names[0])
        let current = try BaselineStore.loadSummary(URL(fileURLWithPath: names[1]))
        var comparison = SummaryComparison(
            baseline: baseline, baselineLabel: names[0], current: current, currentLabel: names[1],
            tolerances: tolerances
        )
        if confirmations > 0 && !comparison.regressions.isEmpty {
            let reruns = try rerun(current, times: confirmations).map { rerun in
                SummaryComparison(
                    baseline: baseline, baselineLabel: names[0], current: rerun, currentLabel: "rerun",
                    tolerances: tolerances
                )
            }
            comparison.confirm(with: reruns)
        }

        let out = URL(fileURLWithPath: parsed.value("--out") ?? names[1])
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try AtomicFile.write(comparison.jsonData(), to: out.appendingPathComponent("compare.json"))
        try AtomicFile.write(ComparisonReport.markdown(comparison), to: out.appendingPathComponent("compare.md"))
        print(ComparisonReport.text(comparison, all: parsed.flags.contains("--all")))
        print("wrote \(out.path)/compare.json and compare.md")
        return comparison.exitCode
    }

    /// Runs the scenario `summary` came from `times` more times, each in a fresh temporary folder, and returns
    /// their summaries. A rerun that breaches its gate still counts; one that cannot run is an error.
    private static func rerun(_ summary: RunSummary, times: Int) throws -> [RunSummary] {
        guard let file = summary.scenarioFile else {
            throw UsageError(
                "--confirm needs the scenario file, which this run's summary.json does not record (rerun it with this bench)"
            )
        }
        let bench = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var summaries: [RunSummary] = []
        for attempt in 1...times {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
                "bench-confirm-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: folder) }
            FileHandle.standardError.write(Data("confirming: rerun \(attempt)/\(times) of \(file)\n".utf8))
            // What the runs before wrote goes to disk now, not 30 s from now while this rerun measures, when the
            // kernel's writeback workers take a core for 3-7 ms at a time (docs/performance.md, method notes).
            sync()
            let arguments = ["run", file] + (summary.arguments ?? []) + ["--out", folder.path, "--quiet"]
            let (status, output) = try ChildProcess.capture(bench, arguments: arguments)
            let acceptable: Set<Int32> = [
                ExitCode.success.rawValue, ExitCode.thresholdBreached.rawValue, ExitCode.correctnessViolation.rawValue,
            ]
            guard acceptable.contains(status) else {
                throw RerunFailure(description: "rerun \(attempt) of \(file) exited with \(status):\n\(output)")
            }
            summaries.append(try BaselineStore.loadSummary(folder))
        }
        return summaries
    }

    /// A confirmation rerun that could not run (exit code 1).
    struct RerunFailure: Error, CustomStringConvertible {
        let description: String
    }
}
