import Foundation

/// Writes a run's report files into its folder, each one atomically:
/// `summary.json`, `latency.csv`, `report.html`, and `<operation>.corrected.hgrm` / `<operation>.raw.hgrm`.
public struct ReportWriter: Sendable {
    public let folder: URL

    public init(folder: URL) { self.folder = folder }

    /// Writes every report file. `intervalLog`, when the run streamed `latency.csv` through one, is committed;
    /// otherwise `latency.csv` is written from the run's (downsampled) timeline.
    /// - Parameter summary: the run's summary as the caller completed it (gate verdict, provenance); built from
    ///   `result` when `nil`.
    public func write(_ result: RunResult, summary: RunSummary? = nil, intervalLog: IntervalLog? = nil) throws {
        let summary = summary ?? result.summary
        try AtomicFile.write(summary.jsonData(), to: folder.appendingPathComponent("summary.json"))
        if let intervalLog {
            try intervalLog.commit()
        } else {
            let lines = [IntervalRow.csvHeader] + result.timeline.map(\.csvLine)
            try AtomicFile.write(lines.joined(separator: "\n") + "\n", to: folder.appendingPathComponent("latency.csv"))
        }
        if let idempotency = result.idempotency { try IdempotencyCheck.write(idempotency, to: folder) }
        let html = HTMLReport.render(summary, timeline: result.timeline, faultSpans: result.faultSpans)
        try AtomicFile.write(html, to: folder.appendingPathComponent("report.html"))
        for (name, operation) in summary.totals {
            for (kind, histogram) in [("corrected", operation.histograms.corrected), ("raw", operation.histograms.raw)] {
                let text = histogram.percentileDistribution(outputValueUnitScalingRatio: 1e6)
                try AtomicFile.write(text, to: folder.appendingPathComponent("\(name).\(kind).hgrm"))
            }
        }
    }
}
