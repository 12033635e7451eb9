import BenchCore
import Foundation
import Synchronization

/// Appends JSON values to a file, one per line, as they come: `history.jsonl` during a run, `ledger.jsonl`
/// after it.
///
/// Memory stays bounded: lines gather in a buffer of at most ``flushThreshold`` bytes, which goes to the file
/// when full and on ``close()``. Thread-safe: calls complete on many tasks, and each append takes one short lock
/// (encoding happens outside it).
///
/// Records write their own bytes (``JSONLineEncodable``: ``HistoryLine``, `LedgerEntry`): no `JSONEncoder`, and the
/// same bytes `JSONEncoder` would write for the records they read back as.
///
/// A line is encoded into a buffer on the appender's stack (``ScratchBytes``) and copied into the shared one under
/// the lock, rather than encoded in place under the lock: with two workers at full speed, encoding under the lock
/// sent about 3% of the CPU to the mutex's contended path (`_lockSlow` and the kernel's futex). A caller that
/// completes many records in a row (a closed-model worker, ``HistoryLog/Batch``) gathers their lines in a buffer
/// of its own (``encode(_:into:)``) and hands them over together (``append(lines:count:)``), one lock for a few
/// dozen lines.
///
/// A full buffer is written by a serial queue, not by the appender that filled it, so no appender waits for the
/// disk while holding the lock (a `write` of 256 KiB can block for milliseconds under writeback): buffers are
/// handed over in order under the lock, so lines stay in order. At most ``maxPendingBuffers`` wait; past that an
/// appender waits for the queue (back-pressure: memory stays bounded however slow the disk).
///
/// A written buffer is emptied and kept for reuse rather than freed: a buffer this size is its own `mmap`, so a
/// fresh one per 256 KiB meant the kernel zeroing new pages for it, which cost more than the copying into it
/// (on this project's 2-core VM, about 0.8 us per history line with two workers).
public final class JSONLinesWriter<Record: JSONLineEncodable & Sendable>: Sendable {
    /// The buffer is written out when it holds this many bytes.
    public static var flushThreshold: Int { 256 * 1024 }
    /// Full buffers that may wait for the writing queue before an appender waits too.
    static var maxPendingBuffers: Int { 16 }
    /// The stack room a line is encoded in (``ScratchBytes``); a longer line moves to the heap. A P3 history line
    /// is about 640 bytes, 1,013 at the 99th percentile. Up to 1 KiB the standard library takes stack room without
    /// asking the runtime about the thread's stack; 8 KiB measured no better (`scripts/bench-part.sh history`).
    static var lineScratchBytes: Int { 1024 }

    private struct State {
        var handle: FileHandle?
        var buffer: [UInt8] = []
        /// Full buffers handed to ``writer`` and not yet taken by it, oldest first.
        var full: [[UInt8]] = []
        /// Written buffers, emptied with their capacity kept, for the next swap.
        var spare: [[UInt8]] = []
        var count = 0
        /// Buffers handed to ``writer`` and not yet written.
        var pending = 0
        /// The first write error, reported by ``close()``.
        var error: (any Error)?
    }

    /// The file written.
    public let url: URL
    private let state: Mutex<State>
    /// Writes full buffers to the file, in the order they were handed over.
    private let writer = DispatchQueue(label: "bench.jsonlines.writer")

    /// Creates (or truncates) the file at `url`.
    /// - Throws: when the file cannot be created.
    public init(url: URL) throws {
        self.url = url
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw CheckerError("cannot create \(url.path)")
        }
        state = Mutex(State(handle: try FileHandle(forWritingTo: url), buffer: Self.newBuffer()))
    }

    /// Appends one record.
    /// - Complexity: O(size of the record) amortised; no allocation for a line of up to ``lineScratchBytes``.
    public func append(_ record: Record) {
        let backlog = ScratchBytes.with(capacity: Self.lineScratchBytes) { line in
            Self.encodeLine(record, into: &line)
            return line.withUnsafeBytes { take($0, lines: 1) }
        }
        if backlog { waitForWrites() }
    }

    /// Appends `record`'s line to `lines`, a caller's own buffer, without the lock: for a caller that gathers
    /// lines and hands them over together (``append(lines:count:)``).
    /// - Complexity: O(size of the record) amortised.
    public static func encode(_ record: Record, into lines: inout [UInt8]) {
        ScratchBytes.with(capacity: lineScratchBytes) { line in
            encodeLine(record, into: &line)
            line.withUnsafeBytes { lines.append(contentsOf: $0) }
        }
    }

    /// Appends `count` lines made by ``encode(_:into:)``, in their order and together, and empties `lines`
    /// (keeping its capacity). One lock for all of them.
    /// - Complexity: O(size of the lines) amortised.
    public func append(lines: inout [UInt8], count: Int) {
        guard count > 0 else { return }
        let backlog = lines.withUnsafeBytes { take($0, lines: count) }
        lines.removeAll(keepingCapacity: true)
        if backlog { waitForWrites() }
    }

    /// `record`'s JSON and its newline.
    private static func encodeLine(_ record: Record, into line: inout ScratchBytes) {
        record.appendJSON(to: &line)
        line.append(UInt8(ascii: "\n"))
    }

    /// Copies `count` whole lines into the buffer under the lock, and hands the buffer to ``writer`` when it is
    /// full. Returns whether more than ``maxPendingBuffers`` now wait for it (the caller then waits too).
    private func take(_ bytes: UnsafeRawBufferPointer, lines count: Int) -> Bool {
        state.withLock { state -> Bool in
            state.buffer.append(contentsOf: bytes)
            state.count += count
            guard state.buffer.count >= Self.flushThreshold, let handle = state.handle else { return false }
            var next = state.spare.popLast() ?? Self.newBuffer()
            swap(&next, &state.buffer)
            state.full.append(next)
            state.pending += 1
            writer.async { [self] in writeOldestFull(to: handle) }
            return state.pending > Self.maxPendingBuffers
        }
    }

    /// Returns once every full buffer handed over so far is written.
    func waitForWrites() { writer.sync {} }

    /// An empty buffer with room for a flush's worth of lines and one more hand-over (a line, or a worker's
    /// ``HistoryLog/Batch`` of about ``HistoryLog/Batch/handOverBytes``), so that it does not grow.
    private static func newBuffer() -> [UInt8] {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(flushThreshold + 32 * 1024)
        return buffer
    }

    /// Writes the oldest full buffer (one per `writer.async` of ``append(_:)``, so in order), then keeps it for
    /// reuse. It is moved out of the state, so emptying it does not copy it.
    private func writeOldestFull(to handle: FileHandle) {
        var bytes = state.withLock { $0.full.removeFirst() }
        write(bytes, to: handle, handedOver: true)
        bytes.removeAll(keepingCapacity: true)
        state.withLock { $0.spare.append(bytes) }
    }

    /// Writes `bytes` and notes the first error; a buffer handed over to ``writer`` is no longer pending.
    private func write(_ bytes: [UInt8], to handle: FileHandle, handedOver: Bool) {
        var failure: (any Error)?
        do { try handle.write(contentsOf: bytes) } catch { failure = error }
        state.withLock { state in
            if handedOver { state.pending -= 1 }
            if state.error == nil, let failure { state.error = failure }
        }
    }

    /// How many records were appended.
    public var count: Int { state.withLock { $0.count } }

    /// Writes out what is buffered and closes the file; later appends are dropped.
    /// - Throws: the first error met while writing.
    public func close() throws {
        let (handle, rest) = state.withLock { state -> (FileHandle?, [UInt8]) in
            defer {
                state.handle = nil
                state.buffer = []
            }
            return (state.handle, state.buffer)
        }
        waitForWrites()  // the buffers handed over before this one are written first
        state.withLock { $0.spare = [] }
        if let handle {
            if !rest.isEmpty { write(rest, to: handle, handedOver: false) }
            try? handle.close()
        }
        if let error = state.withLock({ $0.error }) { throw error }
    }
}

/// Reading and writing JSON Lines files.
public enum JSONLines {
    /// Decodes every line of the file at `url` in order and hands it to `body`, reading the file in 1 MiB
    /// chunks, so memory holds one chunk and one record however long the file is. Blank lines are skipped.
    /// - Throws: ``CheckerError`` naming the file and line that does not decode, or the read error.
    /// - Complexity: O(file size).
    public static func forEach<Record: Decodable>(
        in url: URL, as type: Record.Type, _ body: (Record) throws -> Void
    ) throws {
        let decoder = JSONDecoder()
        try forEachLine(in: url) { line, lineNumber in
            try body(try decode(line, lineNumber: lineNumber, in: url, with: decoder))
        }
    }

    /// Decodes every line of the file at `url` as ``forEach(in:as:_:)`` does, reading each line with the
    /// record's own ``JSONLineDecodable`` code, and with `JSONDecoder` only the lines that code does not
    /// recognise (another key order, whitespace, an older format), which then read as they always did.
    /// - Throws: ``CheckerError`` naming the file and line that does not decode, or the read error.
    /// - Complexity: O(file size); no `JSONDecoder` work for the lines `JSONLinesWriter` wrote.
    public static func forEach<Record: JSONLineDecodable>(
        in url: URL, as type: Record.Type, _ body: (Record) throws -> Void
    ) throws {
        let decoder = JSONDecoder()
        try forEachLine(in: url) { line, lineNumber in
            var reader = JSONLineReader(line)
            if let record = try? Record(jsonLine: &reader), reader.isAtEnd {
                try body(record)
            } else {
                try body(try decode(line, lineNumber: lineNumber, in: url, with: decoder))
            }
        }
    }

    /// `line` decoded with `decoder`, or a ``CheckerError`` naming the file and line.
    private static func decode<Record: Decodable>(
        _ line: UnsafeBufferPointer<UInt8>, lineNumber: Int, in url: URL, with decoder: JSONDecoder
    ) throws -> Record {
        do {
            return try decoder.decode(Record.self, from: Data(buffer: line))
        } catch let error as DecodingError {
            throw CheckerError("\(url.lastPathComponent) line \(lineNumber): not a valid record: \(error)")
        }
    }

    /// Hands every line of the file at `url` that holds more than spaces and carriage returns to `body`, with
    /// its 1-based number (blank lines count), without its newline. The file is read in 1 MiB chunks; a line
    /// is handed over in place, from the chunk.
    /// - Complexity: O(file size); memory O(chunk + longest line).
    private static func forEachLine(
        in url: URL, _ body: (UnsafeBufferPointer<UInt8>, _ lineNumber: Int) throws -> Void
    ) throws {
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        var pending: [UInt8] = []
        var lineNumber = 0
        func visit(_ line: UnsafeBufferPointer<UInt8>) throws {
            lineNumber += 1
            guard line.contains(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\r") }) else { return }
            try body(line, lineNumber)
        }
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            pending.append(contentsOf: chunk)
            let consumed = try pending.withUnsafeBufferPointer { buffer in
                var start = 0
                while let newline = nextNewline(in: buffer, from: start) {
                    try visit(UnsafeBufferPointer(rebasing: buffer[start..<newline]))
                    start = newline + 1
                }
                return start
            }
            pending.removeFirst(consumed)
        }
        if !pending.isEmpty { try pending.withUnsafeBufferPointer { try visit($0) } }
    }

    /// The index of the first `\n` in `buffer` at or after `start`, found with `memchr` (which compares a vector
    /// register's width of bytes at a time, where a loop over the buffer compares one).
    private static func nextNewline(in buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let base = buffer.baseAddress, start < buffer.count,
            let found = memchr(base + start, Int32(UInt8(ascii: "\n")), buffer.count - start)
        else { return nil }
        return UnsafeRawPointer(found) - UnsafeRawPointer(base)
    }

    /// Writes `records` to `url`, one per line, with their own ``JSONLineEncodable`` code (`ledger.jsonl`).
    /// - Throws: when the file cannot be created or written.
    public static func write<Records: Sequence>(_ records: Records, to url: URL) throws
    where Records.Element: JSONLineEncodable & Sendable {
        let writer = try JSONLinesWriter<Records.Element>(url: url)
        for record in records { writer.append(record) }
        try writer.close()
    }
}

/// A checker input that cannot be used: a file that does not decode, a read-back that failed.
public struct CheckerError: Error, Sendable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
