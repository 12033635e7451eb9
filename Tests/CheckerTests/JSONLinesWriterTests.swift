import BenchCore
@testable import Checker
import Foundation
import Testing

/// `JSONLinesWriter`: each record's own bytes a line, the flush threshold, and line order under concurrent appends.
@Suite struct JSONLinesWriterTests {
    /// A record with a sequence number and some padding, to size its line.
    struct Numbered: JSONLineEncodable, Decodable, Sendable {
        var sequence: UInt64
        var padding: String

        func appendJSON(to bytes: inout some JSONByteSink) {
            var object = JSONObjectWriter(opening: &bytes)
            object.member("padding", padding, to: &bytes)
            object.member("sequence", sequence, to: &bytes)
            object.close(&bytes)
        }
    }

    static func temporaryURL(_ name: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("jsonl-\(name)-\(UUID().uuidString).jsonl")
    }

    static func contents(_ url: URL) throws -> String { String(decoding: try Data(contentsOf: url), as: UTF8.self) }

    @Test func eachRecordIsItsOwnBytesAndANewlineAndNothingAfterClose() throws {
        let url = Self.temporaryURL("own")
        defer { try? FileManager.default.removeItem(at: url) }
        let writer = try JSONLinesWriter<Numbered>(url: url)
        writer.append(Numbered(sequence: 1, padding: "a"))
        writer.append(Numbered(sequence: 2, padding: "é\""))
        #expect(writer.count == 2)
        try writer.close()
        let expected = "{\"padding\":\"a\",\"sequence\":1}\n{\"padding\":\"é\\\"\",\"sequence\":2}\n"
        #expect(try Self.contents(url) == expected)
        writer.append(Numbered(sequence: 3, padding: ""))
        try writer.close()
        #expect(try Self.contents(url) == expected)
    }

    /// A line longer than the stack room lines are encoded in moves to the heap and arrives whole, between
    /// short lines that do not.
    @Test func aLineLongerThanTheScratchRoomArrivesWhole() throws {
        let url = Self.temporaryURL("long")
        defer { try? FileManager.default.removeItem(at: url) }
        let writer = try JSONLinesWriter<Numbered>(url: url)
        let long = String(repeating: "é/\\", count: JSONLinesWriter<Numbered>.lineScratchBytes)
        writer.append(Numbered(sequence: 1, padding: "a"))
        writer.append(Numbered(sequence: 2, padding: long))
        writer.append(Numbered(sequence: 3, padding: "b"))
        try writer.close()
        var records: [Numbered] = []
        try JSONLines.forEach(in: url, as: Numbered.self) { records.append($0) }
        #expect(records.map(\.sequence) == [1, 2, 3])
        #expect(records.map(\.padding) == ["a", long, "b"])
    }

    /// Nothing reaches the file until the buffer holds `flushThreshold` bytes; then all of it does (written by the
    /// writer's queue, in order).
    @Test func bufferGoesOutAtTheFlushThreshold() throws {
        let url = Self.temporaryURL("flush")
        defer { try? FileManager.default.removeItem(at: url) }
        let writer = try JSONLinesWriter<Numbered>(url: url)
        let record = Numbered(sequence: 1, padding: String(repeating: "p", count: 1_000))
        let lineLength = GeneratedJSONValues.ownBytes(record).count + 1
        let linesBelow = (JSONLinesWriter<Numbered>.flushThreshold - 1) / lineLength
        for _ in 0..<linesBelow { writer.append(record) }
        writer.waitForWrites()
        #expect(try Data(contentsOf: url).isEmpty)
        writer.append(record)
        writer.waitForWrites()
        #expect(try Data(contentsOf: url).count == (linesBelow + 1) * lineLength)
        writer.append(record)
        try writer.close()
        #expect(try Data(contentsOf: url).count == (linesBelow + 2) * lineLength)
    }

    /// Full buffers are written by the writer's queue while appenders go on: across many flushes from two
    /// threads, every line arrives once, whole, and each thread's lines keep their order.
    @Test func concurrentAppendsAcrossManyFlushesKeepEveryLineInOrder() throws {
        let url = Self.temporaryURL("concurrent")
        defer { try? FileManager.default.removeItem(at: url) }
        let writer = try JSONLinesWriter<Numbered>(url: url)
        let perThread = 3_000
        DispatchQueue.concurrentPerform(iterations: 2) { thread in
            for index in 0..<perThread {
                writer.append(
                    Numbered(sequence: UInt64(thread * perThread + index), padding: String(repeating: "x", count: 200)))
            }
        }
        try writer.close()
        var sequences: [UInt64] = []
        try JSONLines.forEach(in: url, as: Numbered.self) { sequences.append($0.sequence) }
        #expect(sequences.count == 2 * perThread)
        for thread in 0..<2 {
            let mine = sequences.filter { Int($0) / perThread == thread }
            #expect(mine == (0..<perThread).map { UInt64(thread * perThread + $0) })
        }
    }
}
