import BenchCore
import Foundation
import Resilience
import Synchronization

/// Every fault the client-side fault layer injected: counted by kind in memory, and, with a report folder,
/// streamed to `faults.csv` (a hidden partial file renamed into place by ``commit()``, like `latency.csv`).
public final class FaultLog: Sendable {
    private struct State {
        var counts: [String: Int] = [:]
        var file: FileHandle?
        /// Lines not yet written: they go to the file in chunks of ``FaultLog/chunkBytes``, and on ``commit()``.
        var unwritten: [UInt8] = []
        /// The earliest and latest time each kind fired, in seconds since the run's origin (for the HTML shading).
        var spans: [String: ClosedRange<Double>] = [:]
    }

    /// Lines are written in chunks of about this many bytes: a `write` per fault cost about 30 us, under the lock
    /// every worker takes to record one, and a chaos run injects thousands a second.
    static let chunkBytes = 64 * 1024

    static let csvHeader = "time_s,operation,call_id,attempt,kind,detail"

    private let state: Mutex<State>
    private let temporary: URL?
    private let destination: URL?

    /// - Parameter folder: where `faults.csv` goes; `nil` keeps only the counts.
    public init(folder: URL?) throws {
        guard let folder else {
            (temporary, destination) = (nil, nil)
            state = Mutex(State())
            return
        }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let temporary = folder.appendingPathComponent(".faults.csv.partial")
        guard FileManager.default.createFile(atPath: temporary.path, contents: Data((FaultLog.csvHeader + "\n").utf8)) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: temporary.path])
        }
        let file = try FileHandle(forWritingTo: temporary)
        try file.seekToEnd()
        self.temporary = temporary
        destination = folder.appendingPathComponent("faults.csv")
        state = Mutex(State(file: file))
    }

    /// Records one injected fault, `origin` being the run's time zero.
    /// - Complexity: O(size of the line) amortised; a `write` per ``chunkBytes`` of lines.
    func record(_ event: FaultEvent, origin: Instant) {
        let seconds = Double(event.time.nanoseconds(since: origin)) / 1e9
        let line = [
            ConsoleSummary.format(seconds, 6), IntervalRow.quoted(event.operation), event.callId, "\(event.attempt)",
            event.kind, IntervalRow.quoted(event.detail),
        ].joined(separator: ",") + "\n"
        state.withLock { state in
            state.counts[event.kind, default: 0] += 1
            let span = state.spans[event.kind]
            state.spans[event.kind] = min(span?.lowerBound ?? seconds, seconds)...max(span?.upperBound ?? seconds, seconds)
            guard state.file != nil else { return }
            state.unwritten.append(contentsOf: line.utf8)
            if state.unwritten.count >= Self.chunkBytes { Self.writeUnwritten(&state) }
        }
    }

    /// Writes the lines not yet written (a write error is ignored, as for the other streamed reports).
    private static func writeUnwritten(_ state: inout State) {
        try? state.file?.write(contentsOf: state.unwritten)
        state.unwritten.removeAll(keepingCapacity: true)
    }

    /// Injected faults by kind.
    public var counts: [String: Int] { state.withLock { $0.counts } }

    /// When each kind of fault was seen, first to last (seconds since the run's origin).
    var spans: [String: ClosedRange<Double>] { state.withLock { $0.spans } }

    /// Closes the stream and renames it to `faults.csv`.
    public func commit() throws {
        try state.withLock { state in
            Self.writeUnwritten(&state)
            try state.file?.close()
            state.file = nil
        }
        if let temporary, let destination, rename(temporary.path, destination.path) != 0 {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: destination.path])
        }
    }
}
