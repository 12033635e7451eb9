import AWSModel
import Foundation
import Resilience
import Synchronization

/// `history.jsonl` as a run writes it, with the ``ReadBack/Scope`` of the calls written gathered on the way, so
/// that the check after the run reads the file once (the checker's pass), not once more to learn what to read
/// back. `bench check` rebuilds nothing: it reads the saved read-back dump.
///
/// Thread-safe: calls complete on many tasks. Each append takes the writer's lock and one short lock of its own
/// for the scope (at most a set insertion of the call's resource, usually one already there).
public final class HistoryLog: Sendable {
    /// The file written.
    public var url: URL { writer.url }
    private let writer: JSONLinesWriter<HistoryLine>
    private let scope = Mutex(ReadBack.Scope())

    /// Creates (or truncates) the file at `url`.
    /// - Throws: when the file cannot be created.
    public init(url: URL) throws {
        writer = try JSONLinesWriter(url: url)
    }

    /// Appends the line of `call`, which ran `request` (``HistoryLine``), and notes what it touched. Both are moved
    /// into the line, not copied, when the caller is done with them (a copy retains each of their strings).
    /// - Complexity: O(size of the line) amortised, as ``JSONLinesWriter/append(_:)``.
    public func append(_ call: consuming CallRecord, request: consuming AWSRequest) {
        let line = HistoryLine(call, request: request)
        writer.append(line)
        scope.withLock { $0.add(operation: line.call.operation, resource: line.resource) }
    }

    /// How many records were appended.
    public var count: Int { writer.count }

    /// Writes out what is buffered and closes the file, and returns what the calls appended so far touched:
    /// the same scope as ``ReadBack/Scope/add(_:)`` over every line of the file.
    /// - Throws: the first error met while encoding or writing.
    public func close() throws -> ReadBack.Scope {
        try writer.close()
        return scope.withLock { $0 }
    }
}
