import AWSModel
import BenchCore
import Testing

@testable import BenchKit
@testable import Resilience  // CallRecord's memberwise initializer

/// `OperationStats` keeps `ok` latency apart from the other outcomes; what it reports per outcome, alone and merged
/// (phase totals), must be what one table of every outcome would hold.
@Suite struct OperationStatsTests {
    static let outcomes: [OperationOutcome] = [
        .ok, .error(code: "ThrottlingException", httpStatus: 400), .unknown(kind: "timeout"),
        .error(code: "ConflictException", httpStatus: 409),
    ]

    /// Records a seeded mix into two halves and into one whole, then merges the halves.
    @Test(arguments: [1, 2, 3] as [UInt64])
    func perOutcomeLatencyMatchesAndMerges(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        var halves = [OperationStats(), OperationStats()]
        var whole = OperationStats()
        var expected: [String: [UInt64]] = [:]
        for step in 0..<2_000 {
            let outcome = Self.outcomes[Int(random.next() % 4)]
            let latency = 1 + random.next() % 5_000_000
            halves[step % 2].record(outcome, correctedNanoseconds: latency, rawNanoseconds: latency / 2)
            whole.record(outcome, correctedNanoseconds: latency, rawNanoseconds: latency / 2)
            let key =
                switch outcome {
                case .ok: "ok"
                case .error(let code, _): code
                case .unknown: "unknown"
                }
            expected[key, default: []].append(latency)
        }
        var merged = halves[0]
        merged.merge(halves[1])
        for stats in [whole, merged] {
            #expect(Set(stats.byOutcome.keys) == Set(expected.keys))
            for (key, values) in expected {
                var reference = Histogram(significantDigits: 3)
                for value in values { reference.record(value) }
                #expect(stats.byOutcome[key]?.totalCount == UInt64(values.count))
                for percentile in [50.0, 99.0, 100.0] {
                    #expect(stats.byOutcome[key]?.valueAtPercentile(percentile) == reference.valueAtPercentile(percentile))
                }
            }
            #expect(stats.ok == expected["ok"]?.count)
            #expect(stats.count == 2_000)
        }
    }

    /// Calls' Jepsen outcomes and attempt counts, alone and merged, are what a dictionary of each would hold.
    @Test func callOutcomesAndAttemptsPerCallMatchAndMerge() {
        var random = SplitMix64(seed: 4)
        var halves = [OperationStats(), OperationStats()]
        var whole = OperationStats()
        var outcomes: [String: Int] = [:]
        var attempts: [Int: Int] = [:]
        for step in 0..<600 {
            let outcome = [CallOutcome.ok, .fail, .unknown][Int(random.next() % 3)]
            let count = 1 + Int(random.next() % 5)
            let call = CallFigures(Self.call(outcome: outcome, attempts: count))
            halves[step % 2].record(.ok, correctedNanoseconds: 5, rawNanoseconds: 5, call: call)
            whole.record(.ok, correctedNanoseconds: 5, rawNanoseconds: 5, call: call)
            outcomes[outcome.rawValue, default: 0] += 1
            attempts[count, default: 0] += 1
        }
        var merged = halves[0]
        merged.merge(halves[1])
        for stats in [whole, merged] {
            #expect(stats.callOutcomes == outcomes)
            #expect(stats.attemptsPerCall == attempts)
            #expect(stats.attempts == attempts.reduce(0) { $0 + $1.key * $1.value })
        }
    }

    static func call(outcome: CallOutcome, attempts: Int) -> CallRecord {
        let attempt = AttemptRecord(
            number: 1, token: nil, requestId: "r", backoffNanoseconds: 0, intendedSend: Instant(nanoseconds: 1),
            actualSend: Instant(nanoseconds: 2), end: Instant(nanoseconds: 3), limiterWaitNanoseconds: 0,
            summary: "ok", httpStatus: nil, errorCode: nil, failureKind: nil, failureAfterSend: false, faults: [])
        return CallRecord(
            sequence: 0, invocationId: "i", service: .vpcLattice, operation: "RegisterTargets", token: nil, phase: nil,
            intendedStart: Instant(nanoseconds: 0), start: Instant(nanoseconds: 1), end: Instant(nanoseconds: 4),
            attempts: Array(repeating: attempt, count: attempts), outcome: outcome, giveUpReason: nil,
            backoffNanoseconds: 0,
            finalResult: .failure(TransportFailure(kind: "timeout", detail: "", requestSent: true)))
    }

    @Test func noOkOutcomeMeansNoOkKey() {
        var stats = OperationStats()
        stats.record(.unknown(kind: "reset"), correctedNanoseconds: 10, rawNanoseconds: 5)
        #expect(Array(stats.byOutcome.keys) == ["unknown"])
        stats.record(.ok, correctedNanoseconds: 10, rawNanoseconds: 5)
        #expect(Set(stats.byOutcome.keys) == ["unknown", "ok"])
    }
}
