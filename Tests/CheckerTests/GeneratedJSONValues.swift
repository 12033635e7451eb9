import BenchCore
import Checker
import Resilience
import Testing

/// Seeded values for the JSON line tests: every optional present and absent, the odd strings, and integers at
/// every digit-count boundary and both extremes.
enum GeneratedJSONValues {
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
        let odd = HistoryLineTests.oddStrings
        return (0..<Int(random.next() % 3)).map { _ in odd[Int(random.next() % UInt64(odd.count))] }.joined()
    }

    static func strings(_ random: inout SplitMix64) -> [String] {
        (0..<Int(random.next() % 4)).map { _ in string(&random) }
    }

    static func optional<Value>(
        _ random: inout SplitMix64, _ make: (inout SplitMix64) -> Value
    ) -> Value? {
        random.next() % 3 == 0 ? nil : make(&random)
    }

    /// The bytes a record writes for itself, into the sink `JSONLinesWriter` uses (``ScratchBytes``), with room for
    /// 64 bytes so that most lines also take its move to the heap; they must be the bytes it writes into an array.
    static func ownBytes(_ record: some JSONLineEncodable) -> [UInt8] {
        var array: [UInt8] = []
        record.appendJSON(to: &array)
        let bytes = ScratchBytes.with(capacity: 64) { scratch in
            record.appendJSON(to: &scratch)
            return scratch.withUnsafeBytes { Array($0) }
        }
        #expect(bytes == array, "ScratchBytes and [UInt8] got different bytes")
        return bytes
    }
}
