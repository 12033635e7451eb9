import AWSModel
import BenchCore
import Emulator
import Foundation

/// Writes the gate's files into a run's folder, each atomically: `summary.json` again, now with the gate's
/// verdict and the run's provenance (`scenarioFile`, `arguments`), then `junit.xml` and `summary.md`.
///
/// It runs after ``ReportWriter``, which writes the other files from the bare run result.
public struct GateReportWriter: Sendable {
    public let folder: URL

    public init(folder: URL) { self.folder = folder }

    public func write(_ summary: RunSummary) throws {
        try AtomicFile.write(summary.jsonData(), to: folder.appendingPathComponent("summary.json"))
        try AtomicFile.write(JUnitReport.render(summary), to: folder.appendingPathComponent("junit.xml"))
        try AtomicFile.write(MarkdownSummary.render(summary), to: folder.appendingPathComponent("summary.md"))
    }
}
