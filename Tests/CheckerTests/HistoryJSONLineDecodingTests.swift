import BenchCore
import Checker
import Foundation
import Resilience
import Testing
import TestSupport

/// The hand-written `history.jsonl` reader against `JSONDecoder`, which it replaces for the lines
/// `HistoryLine` writes (`JSONEncoder`'s bytes) and falls back to for every other line: same records, same errors.
@Suite struct HistoryJSONLineDecodingTests {
    /// Writes `text` to a fresh `history.jsonl` in its own folder and returns its URL.
    static func historyFile(_ text: String) throws -> URL {
        let url = try makeTemporaryFolder("history").appendingPathComponent("history.jsonl")
        try Data(text.utf8).write(to: url)
        return url
    }

    static func remove(_ url: URL) {
        try? FileManager.default.removeItem(at: url.deletingLastPathComponent())
    }

    /// What `JSONLines.forEach` reads from a file holding `text`.
    static func readFile(_ text: String) throws -> [HistoryRecord] {
        let url = try historyFile(text)
        defer { remove(url) }
        var records: [HistoryRecord] = []
        try JSONLines.forEach(in: url, as: HistoryRecord.self) { records.append($0) }
        return records
    }

    /// The hand-written reader alone on `line`: the value, or nil when it refuses the line.
    static func fastRead<Value: JSONLineDecodable>(_ line: String, as type: Value.Type) -> Value? {
        Array(line.utf8).withUnsafeBufferPointer { buffer in
            var reader = JSONLineReader(buffer)
            guard let value = try? Value(jsonLine: &reader), reader.isAtEnd else { return nil }
            return value
        }
    }

    /// The line of `record` as `HistoryLine` writes it: `JSONEncoder`'s bytes (`HistoryLineTests` holds the writer
    /// to them).
    static func line(_ record: HistoryRecord) throws -> String {
        String(decoding: try HistoryLineTests.encoderBytes(record), as: UTF8.self)
    }

    static let sample = HistoryRecord(
        sequence: 7, invocationId: "inv-7", service: "vpc-lattice", operation: "RegisterTargets",
        parameterDigest: "d1", token: "tok", outcome: .ok, intendedStart: 1, start: 2, end: 30,
        attempts: [
            HistoryAttempt(
                number: 1, token: "tok", requestId: "r1", backoff: 0, intendedSend: 2, actualSend: 3, end: 10,
                status: 429, error: "ThrottlingException", faults: ["throttle"]),
            HistoryAttempt(
                number: 2, token: "tok", requestId: "r2", backoff: 5, intendedSend: 15, actualSend: 15, end: 30),
        ],
        subject: CallSubject(resource: "tg-1", items: ["10.0.0.1:80"]),
        answer: AnswerSummary(successful: ["10.0.0.1:80"]))

    // MARK: - The fast path

    /// Many generated records (every optional present and absent, odd strings, integer extremes) written as
    /// lines and read back in 1 MiB chunks, the file spanning two: the same records, and the hand-written reader
    /// reads every line itself.
    @Test func generatedRecordsRoundTripThroughAFile() throws {
        var random = SplitMix64(seed: 21)
        let records = (0..<1_500).map { _ in GeneratedJSONValues.record(&random) }
        let url = try Self.historyFile(try records.map { try Self.line($0) + "\n" }.joined())
        defer { Self.remove(url) }
        let data = try Data(contentsOf: url)
        #expect(data.count > 1 << 20, "the file spans more than one 1 MiB chunk")
        var read: [HistoryRecord] = []
        try JSONLines.forEach(in: url, as: HistoryRecord.self) { read.append($0) }
        #expect(read == records)
        for record in records {
            #expect(Self.fastRead(try Self.line(record), as: HistoryRecord.self) == record)
        }
    }

    @Test(arguments: HistoryLineTests.oddStrings)
    func oddStringsReadBackInEveryMember(_ text: String) throws {
        let record = HistoryRecord(
            sequence: 1, invocationId: text, service: text, operation: text, parameterDigest: text, token: text,
            phase: text, outcome: .unknown, giveUp: text, intendedStart: 0, start: 0, end: 0,
            attempts: [
                HistoryAttempt(
                    number: -1, token: text, requestId: text, backoff: 0, intendedSend: 0, actualSend: 0, end: 0,
                    status: 500, error: text, failure: text, afterSend: true, faults: [text, text])
            ],
            subject: CallSubject(resource: text, name: text, items: [text], attributesDigest: text),
            answer: AnswerSummary(
                id: text, arn: text, operationId: text, successful: [text], unsuccessful: [], targetIds: [text],
                targetTypes: [text]))
        #expect(Self.fastRead(try Self.line(record), as: HistoryRecord.self) == record)
    }

    /// Escapes the writer never writes (`\/`, `\u` for printable and non-ASCII characters, either hex case,
    /// surrogate pairs) still read as `JSONDecoder` reads them.
    @Test(arguments: [
        #""a\/b""#, #""\u0041\u00e9\u00C9""#, #""\ud83d\ude00 \uD83D\uDE00""#, #""\u2028\ufeff""#,
        #""\b\f\n\r\t\"\\""#, #""\u0000x""#, #""mixed é \u00e9 😀""#, #""""#,
    ])
    func escapesReadAsJSONDecoderReadsThem(_ json: String) throws {
        let expected = try JSONDecoder().decode(String.self, from: Data(json.utf8))
        #expect(Self.fastRead(json, as: String.self) == expected)
    }

    /// Each integer limit on both sides: the reader takes what fits and refuses the rest (for `JSONDecoder`).
    @Test(arguments: [
        ("0", 0), ("18446744073709551615", UInt64.max), ("18446744073709551616", nil), ("00", nil), ("01", nil),
        ("-1", nil), ("1.0", nil), ("1e3", nil), ("", nil),
    ] as [(String, UInt64?)])
    func unsignedLimits(_ json: String, _ expected: UInt64?) {
        #expect(Self.fastRead(json, as: UInt64.self) == expected)
    }

    @Test(arguments: [
        ("9223372036854775807", Int.max), ("9223372036854775808", nil), ("-9223372036854775808", Int.min),
        ("-9223372036854775809", nil), ("-0", nil), ("-", nil), ("-5", -5), ("5", 5),
    ] as [(String, Int?)])
    func signedLimits(_ json: String, _ expected: Int?) {
        #expect(Self.fastRead(json, as: Int.self) == expected)
    }

    // MARK: - The fallback

    /// Lines the reader refuses go to `JSONDecoder`, and read as they always did (it even takes a trailing comma).
    @Test(arguments: ["whitespace", "keyOrder", "nullMember", "unknownKey", "trailingComma"])
    func otherFormsFallBackAndReadEqual(_ form: String) throws {
        let record = Self.sample
        let written = try Self.line(record)
        let line: String
        switch form {
        case "whitespace":
            line = " " + written.replacingOccurrences(of: #",""#, with: #", ""#)
                .replacingOccurrences(of: #"":"#, with: #"" : "#) + "\t"
        case "keyOrder":
            let last = #","token":"tok"}"#
            #expect(written.hasSuffix(last))
            line = #"{"token":"tok","# + written.dropFirst().dropLast(last.count) + "}"
        case "trailingComma":
            line = written.replacingOccurrences(of: #"["throttle"]"#, with: #"["throttle",]"#)
        case "nullMember":
            line = written.replacingOccurrences(
                of: #""end":30,"intendedStart""#, with: #""end":30,"giveUp":null,"intendedStart""#)
        default:
            line = written.replacingOccurrences(of: #"{"answer""#, with: #"{"added":[1,{"x":true}],"answer""#)
        }
        #expect(line != written)
        #expect(Self.fastRead(line, as: HistoryRecord.self) == nil, "\(line)")
        #expect(try Self.readFile(line + "\r\n\n  \n" + line + "\n") == [record, record])
    }

    /// Lines that are not records: the error names the file and the line (blank lines count), as before, and
    /// `JSONDecoder` refuses them too.
    @Test(arguments: [
        "truncated", "missingComma", "badOutcome", "loneSurrogate", "controlCharacter",
        "invalidUTF8", "missingMember", "notAnObject",
    ])
    func corruptLineNamesFileAndLine(_ form: String) throws {
        let good = try Self.line(Self.sample)
        func replacing(_ old: String, _ new: String) -> [UInt8] {
            #expect(good.contains(old))
            return Array(good.replacingOccurrences(of: old, with: new).utf8)
        }
        let bad: [UInt8] =
            switch form {
            case "truncated": Array(good.dropLast(10).utf8)
            case "missingComma": replacing(#""end":30,"intendedStart""#, #""end":30"intendedStart""#)
            case "badOutcome": replacing(#""outcome":"ok""#, #""outcome":"maybe""#)
            case "loneSurrogate": replacing(#""inv-7""#, #""inv-\ud800""#)
            case "controlCharacter": replacing(#""inv-7""#, "\"inv\t7\"")
            case "invalidUTF8": Array(#"{"invocationId":"a"#.utf8) + [0xC3] + Array(#"b"}"#.utf8)
            case "missingMember": replacing(#""sequence":7,"#, "")
            default: Array("[]".utf8)
            }
        #expect(throws: (any Error).self) { try JSONDecoder().decode(HistoryRecord.self, from: Data(bad)) }
        let url = try Self.historyFile("")
        defer { Self.remove(url) }
        try Data(Array((good + "\n\n \r\n").utf8) + bad + Array(("\n" + good + "\n").utf8)).write(to: url)
        var read = 0
        let error = #expect(throws: CheckerError.self) {
            try JSONLines.forEach(in: url, as: HistoryRecord.self) { _ in read += 1 }
        }
        let description = error?.description ?? ""
        #expect(description.hasPrefix("history.jsonl line 4: not a valid record"), "\(description)")
        #expect(read == 1)
    }
}
