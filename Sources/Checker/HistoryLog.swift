import AWSModel
import BenchCore
import Foundation
import Resilience
import Synchronization

/// `history.jsonl` as a run writes it, with the ``ReadBack/Scope`` of the calls written gathered on the way, so
/// that the check after the run reads the file once (the checker's pass), not once more to learn what to read
/// back. `bench check` rebuilds nothing: it reads the saved read-back dump.
///
/// Thread-safe: calls complete on many tasks. A call appended alone takes the writer's lock and one short lock of
/// its own for the scope (at most a set insertion of the call's resource, usually one already there); calls
/// gathered in a ``Batch`` take both once per hand-over.
public final class HistoryLog: Sendable {
    /// The lines of the calls one closed-model worker completes in a row, gathered without a lock and handed to the
    /// log together: when they reach ``handOverBytes``, when a call completes ``maxAgeNanoseconds`` after the
    /// first one gathered, and when the worker stops (``flush(_:)``).
    ///
    /// Two workers at full speed appending line by line met on the log's locks: in a profile of the P3 scenario
    /// the mutexes' contended path and the kernel's futex took about 4 % of the CPU (`docs/performance-journal.md`).
    ///
    /// The file then holds each worker's lines in the order its calls completed, and the workers' hand-overs in the
    /// order they were made: lines of calls that completed at nearly the same time on two workers may be written
    /// in either order, as they may be when appended one by one. The checker reads a history in any order.
    public struct Batch: Sendable {
        /// The lines are handed over when they hold this many bytes (16 KiB, about 25 lines of the P3 scenario).
        public static let handOverBytes = 16 * 1024
        /// The lines are handed over when a call completes this long after the first one gathered (10 ms, as
        /// a recorder batch): a slow worker's lines do not wait for its next 25 calls.
        public static let maxAgeNanoseconds: UInt64 = 10_000_000

        /// The lines gathered, each ending in a newline.
        fileprivate var lines: [UInt8] = []
        fileprivate var count = 0
        /// When the first call gathered completed.
        fileprivate var firstEnd = Instant(nanoseconds: 0)
        /// What the calls gathered since the last hand-over touched, beyond the ``noted`` pairs.
        fileprivate var scope = ReadBack.Scope()
        /// Whether ``scope`` holds anything to hand over.
        fileprivate var scopeChanged = false
        /// The first ``notedLimit`` operation and resource pairs this batch's calls named, kept across hand-overs:
        /// each is in the log's scope once the hand-over after it is made. A worker's calls name a few resources
        /// again and again, and looking a pair up here with `==` (which compares strings that share their storage,
        /// as a worker's fixtures do, by identity) costs less than hashing the resource into the scope's sets
        /// again: that hashing, and merging the sets at each hand-over, was 1.8 % of the P3 scenario's CPU.
        fileprivate var noted: [(operation: String, resource: String?)] = []
        static let notedLimit = 16

        public init() {}

        /// Notes in ``scope`` what a call of `operation` on `resource` touched, unless that pair is noted already.
        /// - Complexity: O(``notedLimit``), and a set insertion for a pair not among the noted ones.
        fileprivate mutating func note(operation: String, resource: String?) {
            if noted.contains(where: { $0.resource == resource && $0.operation == operation }) { return }
            scope.add(operation: operation, resource: resource)
            scopeChanged = true
            if noted.count < Self.notedLimit { noted.append((operation, resource)) }
        }
    }

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

    /// Gathers the line of `call`, which ran `request`, in `batch`, and hands the batch over when it is full or old
    /// (``Batch``). Takes no lock until then.
    /// - Complexity: O(size of the line) amortised.
    public func append(_ call: consuming CallRecord, request: consuming AWSRequest, into batch: inout Batch) {
        let line = HistoryLine(call, request: request)
        JSONLinesWriter.encode(line, into: &batch.lines)
        batch.note(operation: line.call.operation, resource: line.resource)
        if batch.count == 0 { batch.firstEnd = line.call.end }
        batch.count += 1
        if batch.lines.count >= Batch.handOverBytes
            || line.call.end.nanoseconds(since: batch.firstEnd) >= Batch.maxAgeNanoseconds
        {
            flush(&batch)
        }
    }

    /// Hands over the lines gathered in `batch`, in their order, and empties it. A worker calls this when it stops,
    /// so that no call it completed is left out of the file.
    /// - Complexity: O(size of the lines).
    public func flush(_ batch: inout Batch) {
        guard batch.count > 0 else { return }
        writer.append(lines: &batch.lines, count: batch.count)
        batch.count = 0
        guard batch.scopeChanged else { return }
        let touched = batch.scope
        batch.scope = ReadBack.Scope()
        batch.scopeChanged = false
        scope.withLock { $0.formUnion(touched) }
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
