import BenchCore
import Checker
import Foundation
import Resilience
import Testing

/// The hand-written `history.jsonl` encoding against the `JSONEncoder` encoding it replaces: same bytes.
@Suite struct HistoryJSONLineTests {
    /// What `JSONLinesWriter` wrote before the fast path.
    static func encoderBytes(_ record: some Encodable) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(record))
    }

    static func fastBytes(_ record: some JSONLineEncodable) -> [UInt8] {
        var bytes: [UInt8] = []
        record.appendJSON(to: &bytes)
        return bytes
    }

    static let oddStrings: [String] = [
        "", "plain", #"quote " inside"#, #"back\slash"#, "slash/path", "tab\tnew\nline\r", "\u{0}\u{1}\u{1F}",
        "\u{7F}del", "é ü ß", "€ 😀 👩‍👩‍👧", "\u{2028}\u{2029}\u{FEFF}", "\u{8}\u{C}", #"\u0041 not an escape"#,
        String(repeating: "x", count: 300),
    ]

    @Test(arguments: oddStrings)
    func oddStringsMatchJSONEncoder(_ text: String) throws {
        let record = HistoryRecord(
            sequence: 1, invocationId: text, service: text, operation: text, parameterDigest: text, token: text,
            phase: text, outcome: .unknown, giveUp: text, intendedStart: 0, start: 0, end: 0,
            attempts: [
                HistoryAttempt(
                    number: 1, token: text, requestId: text, backoff: 0, intendedSend: 0,
                    actualSend: 0, end: 0, status: 500, error: text, failure: text, faults: [text])
            ],
            subject: CallSubject(resource: text, name: text, items: [text, text], attributesDigest: text),
            answer: AnswerSummary(
                id: text, arn: text, operationId: text, successful: [text], unsuccessful: [],
                targetIds: [text], targetTypes: [text]))
        #expect(Self.fastBytes(record) == (try Self.encoderBytes(record)))
    }

    @Test func generatedRecordsMatchJSONEncoder() throws {
        var random = SplitMix64(seed: 8)
        for _ in 0..<400 {
            let record = Self.record(&random)
            let fast = Self.fastBytes(record)
            let expected = try Self.encoderBytes(record)
            #expect(fast == expected, "\(String(decoding: fast, as: UTF8.self))")
            #expect(try JSONDecoder().decode(HistoryRecord.self, from: Data(fast)) == record)
        }
    }

    @Test func emptyRecordAndNilsMatchJSONEncoder() throws {
        let record = HistoryRecord(
            sequence: 0, invocationId: "", service: "", operation: "", parameterDigest: "", token: nil,
            outcome: .ok, intendedStart: 0, start: 0, end: 0, attempts: [], subject: CallSubject(), answer: nil)
        #expect(Self.fastBytes(record) == (try Self.encoderBytes(record)))
        let summary = AnswerSummary()
        #expect(Self.fastBytes(summary) == (try Self.encoderBytes(summary)))
        #expect(String(decoding: Self.fastBytes(summary), as: UTF8.self) == "{}")
    }

    // MARK: - Generation

    static func record(_ random: inout SplitMix64) -> HistoryRecord {
        HistoryRecord(
            sequence: extreme(&random), invocationId: string(&random), service: string(&random),
            operation: string(&random), parameterDigest: string(&random), token: optional(&random, string),
            phase: optional(&random, string), outcome: [.ok, .fail, .unknown][Int(random.next() % 3)],
            giveUp: optional(&random, string), intendedStart: extreme(&random), start: extreme(&random),
            end: extreme(&random), attempts: (0..<Int(random.next() % 4)).map { _ in attempt(&random) },
            subject: CallSubject(
                resource: optional(&random, string), name: optional(&random, string),
                items: optional(&random, strings), attributesDigest: optional(&random, string)),
            answer: optional(&random) { random in
                AnswerSummary(
                    id: optional(&random, string), arn: optional(&random, string),
                    operationId: optional(&random, string), successful: optional(&random, strings),
                    unsuccessful: optional(&random, strings), targetIds: optional(&random, strings),
                    targetTypes: optional(&random, strings))
            })
    }

    static func attempt(_ random: inout SplitMix64) -> HistoryAttempt {
        HistoryAttempt(
            number: Int(truncatingIfNeeded: extreme(&random)), token: optional(&random, string),
            requestId: string(&random), backoff: extreme(&random), intendedSend: extreme(&random),
            actualSend: extreme(&random), end: extreme(&random),
            status: optional(&random) { Int(truncatingIfNeeded: extreme(&$0)) }, error: optional(&random, string),
            failure: optional(&random, string), afterSend: random.next() % 2 == 0, faults: strings(&random))
    }

    /// Zero, small, digit-count boundaries and the extremes, so that every integer width is written.
    static func extreme(_ random: inout SplitMix64) -> UInt64 {
        let picks: [UInt64] = [0, 1, 9, 10, 99, 100, 999_999_999_999, UInt64(Int.max), UInt64.max, random.next()]
        return picks[Int(random.next() % UInt64(picks.count))]
    }

    static func string(_ random: inout SplitMix64) -> String {
        (0..<Int(random.next() % 3)).map { _ in oddStrings[Int(random.next() % UInt64(oddStrings.count))] }.joined()
    }

    static func strings(_ random: inout SplitMix64) -> [String] {
        (0..<Int(random.next() % 4)).map { _ in string(&random) }
    }

    static func optional<Value>(
        _ random: inout SplitMix64, _ make: (inout SplitMix64) -> Value
    ) -> Value? {
        random.next() % 3 == 0 ? nil : make(&random)
    }
}
