import AWSModel
import BenchCore
import Emulator
import Foundation

/// Writes a run's report files into its folder, each one atomically.
public struct ReportWriter: Sendable {
    public let folder: URL

    public init(folder: URL) { self.folder = folder }

    /// Writes `summary.json`.
    public func write(_ result: RunResult) throws {
        try AtomicFile.write(result.summary.jsonData(), to: folder.appendingPathComponent("summary.json"))
    }
}
