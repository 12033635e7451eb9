import AWSModel
import BenchCore
import Emulator
import Foundation

/// One run in a history file (`history.jsonl`, one JSON object per line, appended by `scripts/nightly.sh`
/// through `bench history append`): the few numbers a trend page plots, without the histograms.
public struct HistoryEntry: Sendable, Codable, Hashable {
    /// One operation's totals.
    public struct Point: Sendable, Codable, Hashable {
        public var count: Int
        public var errorRate: Double
        public var p50: Double
        public var p99: Double
        public var p999: Double
    }

    public var startedAt: Date
    public var scenario: String
    public var seed: UInt64
    public var elapsedSeconds: Double
    public var interrupted: Bool
    /// The gate's status, when the run had a gate.
    public var gate: String?
    /// Regressions `bench compare` confirmed against the baseline, when a comparison was given.
    public var regressions: Int?
    public var operations: [String: Point]
    /// Achieved rate per phase.
    public var achievedRates: [String: Double]
    /// CPU microseconds per operation per phase (absent in lines written before summaries carried it).
    public var cpuPerOperation: [String: Double]?

    public init(_ summary: RunSummary, comparison: SummaryComparison? = nil) {
        startedAt = summary.startedAt
        scenario = summary.scenario
        seed = summary.seed
        elapsedSeconds = summary.elapsedSeconds
        interrupted = summary.interrupted
        gate = summary.gate?.status.rawValue
        regressions = comparison?.regressions.count
        operations = summary.totals.mapValues { operation in
            Point(
                count: operation.count, errorRate: ComparedMetric.errorRate.value(of: operation) ?? 0,
                p50: operation.corrected.p50, p99: operation.corrected.p99, p999: operation.corrected.p999
            )
        }
        achievedRates = Dictionary(
            summary.phases.map { ($0.name, $0.achievedRate) }, uniquingKeysWith: { first, _ in first })
        cpuPerOperation = Dictionary(
            summary.phases.compactMap { phase in phase.cpuMicrosecondsPerOperation.map { (phase.name, $0) } },
            uniquingKeysWith: { first, _ in first })
    }

    /// The entry as one line of JSON (no newline).
    public func jsonLine() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    /// Reads a history file; blank lines are skipped.
    /// - Throws: ``UsageError`` naming the line that does not parse.
    public static func read(_ url: URL) throws -> [HistoryEntry] {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        var entries: [HistoryEntry] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where !line.isEmpty {
            do {
                entries.append(try decoder.decode(HistoryEntry.self, from: Data(line.utf8)))
            } catch {
                throw UsageError("\(url.path):\(number + 1): not a history entry: \(error)")
            }
        }
        return entries
    }
}

/// `trend.html`: a history's p99 latency per operation, error rate, achieved rate and CPU per operation per phase
/// over the runs, and a table of runs. Self-contained, like `report.html`.
public enum TrendPage {
    public static func render(_ entries: [HistoryEntry]) -> String {
        let runs = entries.sorted { $0.startedAt < $1.startedAt }
        let formatter = ISO8601DateFormatter()
        let ticks = runs.enumerated().map {
            (Double($0.offset + 1), String(formatter.string(from: $0.element.startedAt).prefix(10)))
        }
        func chart(
            _ id: String, _ title: String, _ yLabel: String, _ keys: Set<String>,
            _ value: (HistoryEntry, String) -> Double?
        ) -> String {
            let series = keys.sorted().map { key in
                SVGChart.Series(
                    name: key,
                    points: runs.enumerated().compactMap { index, run in
                        value(run, key).map { (x: Double(index + 1), y: $0) }
                    })
            }
            let sparse =
                ticks.count > 12
                ? ticks.enumerated().filter { $0.offset % (ticks.count / 12 + 1) == 0 }.map(\.element) : ticks
            return SVGChart(id: id, title: title, xLabel: "run", yLabel: yLabel, series: series, xTicks: sparse)
                .render()
        }
        let operations = Set(runs.flatMap { $0.operations.keys })
        let phases = Set(runs.flatMap { $0.achievedRates.keys })
        var body = "<h1>bench trend: \(HTMLText.escape(runs.last?.scenario ?? "no runs"))</h1>"
        body += "<p class=\"meta\">\(runs.count) run(s); corrected latency in milliseconds</p>"
        body += chart("trend-p99", "p99 latency per operation", "ms", operations) { $0.operations[$1]?.p99 }
        body += chart("trend-p50", "p50 latency per operation", "ms", operations) { $0.operations[$1]?.p50 }
        body += chart("trend-errors", "error rate per operation", "%", operations) {
            $0.operations[$1].map { $0.errorRate * 100 }
        }
        body += chart("trend-rate", "achieved rate per phase", "ops/s", phases) { $0.achievedRates[$1] }
        body += chart("trend-cpu", "CPU per operation per phase", "us", phases) { $0.cpuPerOperation?[$1] }
        body +=
            "<h2>Runs</h2><table><tr><th>started</th><th>seed</th><th>seconds</th><th>gate</th>"
            + "<th>regressions</th></tr>"
        for run in runs.reversed() {
            let regressions = run.regressions.map(String.init) ?? "&ndash;"
            let bad = (run.regressions ?? 0) > 0 || (run.gate.map { $0 != "pass" } ?? false) || run.interrupted
            body +=
                "<tr\(bad ? " class=\"bad\"" : "")><td>\(formatter.string(from: run.startedAt))</td>"
                + "<td>\(run.seed)</td>"
            body +=
                "<td>\(ConsoleSummary.format(run.elapsedSeconds, 1))</td><td>\(HTMLText.escape(run.gate ?? "–"))</td>"
            body += "<td>\(regressions)</td></tr>"
        }
        body += "</table>"
        return """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>bench trend</title>
            <style>\(style)</style></head><body>\(body)</body></html>

            """
    }

    private static let style = """
        body{font:14px/1.4 system-ui,sans-serif;margin:24px;color:#222;max-width:1100px}
        h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px}.meta{color:#555}
        table{border-collapse:collapse}td,th{padding:3px 10px;border-bottom:1px solid #ddd;text-align:right}
        td:first-child,th:first-child{text-align:left}th{background:#f4f4f4}.bad{color:#b00020;font-weight:600}
        svg{display:block;margin:10px 0}.title{font-size:14px;font-weight:600}.tick,.legend{font-size:11px;fill:#444}
        .axis{font-size:12px;fill:#222}.grid{stroke:#e5e5e5}.frame{fill:none;stroke:#999}
        """
}
