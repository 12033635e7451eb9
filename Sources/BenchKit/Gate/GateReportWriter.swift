import AWSModel
import BenchCore
import Emulator
import Foundation

/// Writes the gate's files into a run's folder, each atomically: `junit.xml` and `summary.md`, from the summary
/// that carries the gate's verdict (``ReportWriter`` writes that same summary as `summary.json`).
public struct GateReportWriter: Sendable {
    public let folder: URL

    public init(folder: URL) { self.folder = folder }

    public func write(_ summary: RunSummary) throws {
        try AtomicFile.write(JUnitReport.render(summary), to: folder.appendingPathComponent("junit.xml"))
        try AtomicFile.write(MarkdownSummary.render(summary), to: folder.appendingPathComponent("summary.md"))
    }
}
