import Foundation
import Synchronization

/// Appends JSON values to a file, one per line, as they come: `history.jsonl` during a run, `ledger.jsonl`
/// after it.
///
/// Memory stays bounded: lines gather in a buffer of at most ``flushThreshold`` bytes, which goes to the file
/// when full and on ``close()``. Thread-safe: calls complete on many tasks, and each append takes one short lock
/// (encoding happens outside it).
public final class JSONLinesWriter<Record: Encodable & Sendable>: Sendable {
    /// The buffer is written out when it holds this many bytes.
    public static var flushThreshold: Int { 256 * 1024 }

    private struct State {
        var handle: FileHandle?
        var buffer = Data()
        var count = 0
        /// The first write error, reported by ``close()``.
        var error: (any Error)?
    }

    /// The file written.
    public let url: URL
    private let state: Mutex<State>

    /// Creates (or truncates) the file at `url`.
    /// - Throws: when the file cannot be created.
    public init(url: URL) throws {
        self.url = url
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw CheckerError("cannot create \(url.path)")
        }
        state = Mutex(State(handle: try FileHandle(forWritingTo: url)))
    }

    /// Appends one record. O(size of the record) amortised.
    public func append(_ record: Record) {
        var line: Data
        do {
            line = try JSONLines.encoder.encode(record)
        } catch {
            state.withLock { if $0.error == nil { $0.error = error } }
            return
        }
        line.append(UInt8(ascii: "\n"))
        state.withLock { state in
            state.buffer.append(line)
            state.count += 1
            if state.buffer.count >= Self.flushThreshold { Self.flush(&state) }
        }
    }

    /// How many records were appended.
    public var count: Int { state.withLock { $0.count } }

    /// Writes out what is buffered and closes the file; later appends are dropped.
    /// - Throws: the first error met while encoding or writing.
    public func close() throws {
        let error = state.withLock { state -> (any Error)? in
            Self.flush(&state)
            try? state.handle?.close()
            state.handle = nil
            return state.error
        }
        if let error { throw error }
    }

    private static func flush(_ state: inout State) {
        guard !state.buffer.isEmpty else { return }
        do {
            try state.handle?.write(contentsOf: state.buffer)
        } catch {
            if state.error == nil { state.error = error }
        }
        state.buffer.removeAll(keepingCapacity: true)
    }
}

/// Reading and writing JSON Lines files.
public enum JSONLines {
    /// Compact, key-sorted JSON: one stable line per record.
    static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// Decodes every line of the file at `url` in order and hands it to `body`, reading the file in 1 MiB
    /// chunks, so memory holds one chunk and one record however long the file is. Blank lines are skipped.
    /// - Throws: ``CheckerError`` naming the file and line that does not decode, or the read error.
    /// - Complexity: O(file size).
    public static func forEach<Record: Decodable>(
        in url: URL, as type: Record.Type, _ body: (Record) throws -> Void
    ) throws {
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        let decoder = JSONDecoder()
        var pending = Data()
        var lineNumber = 0
        func decode(_ line: Data) throws {
            lineNumber += 1
            guard line.contains(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\r") }) else { return }
            do {
                try body(try decoder.decode(Record.self, from: line))
            } catch let error as DecodingError {
                throw CheckerError("\(url.lastPathComponent) line \(lineNumber): not a valid record: \(error)")
            }
        }
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            pending.append(chunk)
            var start = pending.startIndex
            while let newline = pending[start...].firstIndex(of: UInt8(ascii: "\n")) {
                try decode(pending[start..<newline])
                start = newline + 1
            }
            pending = Data(pending[start...])
        }
        if !pending.isEmpty { try decode(pending) }
    }

    /// Writes `records` to `url`, one per line (small files such as `ledger.jsonl`).
    public static func write<Records: Sequence>(_ records: Records, to url: URL) throws
    where Records.Element: Encodable & Sendable {
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
