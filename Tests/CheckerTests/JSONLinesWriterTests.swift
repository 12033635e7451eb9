import BenchCore
@testable import Checker
import Foundation
import Resilience
import Testing

/// `JSONLinesWriter`: which encoding it picks, the flush threshold, and encoding errors.
@Suite struct JSONLinesWriterTests {
    /// A record whose own JSON differs from its `Encodable` form, to tell the two paths apart.
    struct Marked: Encodable, Sendable, JSONLineEncodable {
        var value = 1
        func appendJSON(to bytes: inout [UInt8]) { bytes.append(contentsOf: #"{"fast":true}"#.utf8) }
    }

    /// A record that cannot be encoded.
    struct Failing: Encodable, Sendable {
        var fail: Bool
        func encode(to encoder: any Encoder) throws {
            if fail { throw CheckerError("refused") }
            var container = encoder.singleValueContainer()
            try container.encode("ok")
        }
    }

    static func temporaryURL(_ name: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("jsonl-\(name)-\(UUID().uuidString).jsonl")
    }

    static func contents(_ url: URL) throws -> String { String(decoding: try Data(contentsOf: url), as: UTF8.self) }

    @Test func lineEncodableRecordsTakeTheirOwnEncoding() throws {
        let url = Self.temporaryURL("marked")
        defer { try? FileManager.default.removeItem(at: url) }
        let writer = try JSONLinesWriter<Marked>(url: url)
        writer.append(Marked())
        try writer.close()
        #expect(try Self.contents(url) == "{\"fast\":true}\n")
    }

    @Test func otherRecordsGoThroughJSONEncoderAndAnErrorDropsOnlyItsRecord() throws {
        let url = Self.temporaryURL("failing")
        defer { try? FileManager.default.removeItem(at: url) }
        let writer = try JSONLinesWriter<Failing>(url: url)
        writer.append(Failing(fail: false))
        writer.append(Failing(fail: true))
        writer.append(Failing(fail: false))
        #expect(writer.count == 2)
        #expect(throws: CheckerError.self) { try writer.close() }
        #expect(try Self.contents(url) == "\"ok\"\n\"ok\"\n")
    }

    @Test func historyFileMatchesJSONEncoderLinesAndReadsBack() throws {
        let url = Self.temporaryURL("history")
        defer { try? FileManager.default.removeItem(at: url) }
        var random = SplitMix64(seed: 3)
        let records = (0..<50).map { _ in HistoryJSONLineTests.record(&random) }
        let writer = try JSONLinesWriter<HistoryRecord>(url: url)
        for record in records { writer.append(record) }
        try writer.close()
        var expected: [UInt8] = []
        for record in records { expected += try HistoryJSONLineTests.encoderBytes(record) + [UInt8(ascii: "\n")] }
        #expect(Array(try Data(contentsOf: url)) == expected)
        var read: [HistoryRecord] = []
        try JSONLines.forEach(in: url, as: HistoryRecord.self) { read.append($0) }
        #expect(read == records)
    }

    /// Nothing reaches the file until the buffer holds `flushThreshold` bytes; then all of it does (written by the
    /// writer's queue, in order).
    @Test func bufferGoesOutAtTheFlushThreshold() throws {
        let url = Self.temporaryURL("flush")
        defer { try? FileManager.default.removeItem(at: url) }
        let writer = try JSONLinesWriter<HistoryRecord>(url: url)
        let record = HistoryRecord(
            sequence: 1, invocationId: String(repeating: "i", count: 1_000), service: "s", operation: "o",
            parameterDigest: "d", token: nil, outcome: .ok, intendedStart: 0, start: 0, end: 0, attempts: [],
            subject: CallSubject(), answer: nil)
        let lineLength = HistoryJSONLineTests.fastBytes(record).count + 1
        let linesBelow = (JSONLinesWriter<HistoryRecord>.flushThreshold - 1) / lineLength
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
        let writer = try JSONLinesWriter<HistoryRecord>(url: url)
        let perThread = 3_000
        DispatchQueue.concurrentPerform(iterations: 2) { thread in
            for index in 0..<perThread {
                writer.append(HistoryRecord(
                    sequence: UInt64(thread * perThread + index), invocationId: String(repeating: "x", count: 200),
                    service: "s", operation: "o", parameterDigest: "d", token: nil, outcome: .ok, intendedStart: 0,
                    start: 0, end: 0, attempts: [], subject: CallSubject(), answer: nil))
            }
        }
        try writer.close()
        var sequences: [UInt64] = []
        try JSONLines.forEach(in: url, as: HistoryRecord.self) { sequences.append($0.sequence) }
        #expect(sequences.count == 2 * perThread)
        for thread in 0..<2 {
            let mine = sequences.filter { Int($0) / perThread == thread }
            #expect(mine == (0..<perThread).map { UInt64(thread * perThread + $0) })
        }
    }
}
