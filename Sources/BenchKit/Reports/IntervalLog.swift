import Foundation
import Synchronization

/// Streams `latency.csv` while the run goes: rows are appended to a hidden temporary file in the report folder,
/// which ``commit()`` renames into place, so memory stays flat however long the run and a reader never sees a
/// half-written `latency.csv`. An interrupted run commits what it has.
public final class IntervalLog: Sendable {
    private let handle: Mutex<FileHandle?>
    private let temporary: URL
    private let destination: URL

    /// Opens `<folder>/.latency.csv.partial` and writes the header.
    public init(folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        destination = folder.appendingPathComponent("latency.csv")
        temporary = folder.appendingPathComponent(".latency.csv.partial")
        guard FileManager.default.createFile(atPath: temporary.path, contents: Data((IntervalRow.csvHeader + "\n").utf8)) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: temporary.path])
        }
        let file = try FileHandle(forWritingTo: temporary)
        try file.seekToEnd()
        handle = Mutex(file)
    }

    /// Appends rows (called in order by the recorder).
    func append(_ rows: [IntervalRow]) {
        let text = rows.map { $0.csvLine + "\n" }.joined()
        handle.withLock { try? $0?.write(contentsOf: Data(text.utf8)) }
    }

    /// Closes the stream and renames it to `latency.csv`.
    public func commit() throws {
        try handle.withLock { file in
            try file?.close()
            file = nil
        }
        if rename(temporary.path, destination.path) != 0 {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: destination.path])
        }
    }
}
