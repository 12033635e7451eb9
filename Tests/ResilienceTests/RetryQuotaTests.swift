import AWSModel
import BenchCore
import Testing

@testable import Resilience

/// The per-client retry quota (`wire.md` §3.2): draining, refills, caps, and the 2026 costs.
@Suite("Retry quota")
struct RetryQuotaTests {
    /// Attempts of `calls` consecutive calls through one strategy.
    static func attempts(_ strategy: any RetryStrategy, _ script: [AttemptResult], calls: Int) async -> [Int] {
        var counts: [Int] = []
        for sequence in 0..<calls {
            counts.append(await runCall(strategy, script, sequence: UInt64(sequence)).attemptCount)
        }
        return counts
    }

    @Test func alwaysFiveHundredDrainsAfterFiftyCalls() async {
        let strategy = StandardRetryStrategy()
        let counts = await Self.attempts(strategy, [Fixtures.latticeInternal], calls: 52)
        #expect(counts[..<50].allSatisfy { $0 == 3 })
        #expect(counts[50...] == [1, 1])
        #expect(strategy.quota.available == 0)
        #expect(strategy.statistics.quotaExhaustionEvents == 2)
        let record = await runCall(strategy, [Fixtures.latticeInternal])
        #expect(record.giveUpReason == .quotaExhausted)
    }

    @Test func timeoutsCostTen() async {
        let counts = await Self.attempts(StandardRetryStrategy(), [Fixtures.readTimeout], calls: 26)
        #expect(counts[..<25].allSatisfy { $0 == 3 })
        #expect(counts[25] == 1)
    }

    @Test func successesRefillOneOrWhatTheLastRetryTook() async {
        let strategy = StandardRetryStrategy()
        _ = await Self.attempts(strategy, [Fixtures.latticeInternal], calls: 50)
        #expect(strategy.quota.available == 0)
        _ = await runCall(strategy, [Fixtures.ok])
        #expect(strategy.quota.available == 1)
        _ = await Self.attempts(strategy, [Fixtures.ok], calls: 9)
        #expect(strategy.quota.available == 10)
        // A timeout retry takes 10 and its success gives the 10 back.
        let recovered = await runCall(strategy, [Fixtures.readTimeout, Fixtures.ok])
        #expect(recovered.attemptCount == 2)
        #expect(strategy.quota.available == 10)
        // A failure after retries gives nothing back.
        _ = await runCall(strategy, [Fixtures.latticeInternal, Fixtures.latticeConflict])
        #expect(strategy.quota.available == 5)
    }

    @Test func refillIsCappedAtCapacity() async {
        let strategy = StandardRetryStrategy()
        _ = await Self.attempts(strategy, [Fixtures.ok], calls: 5)
        _ = await runCall(strategy, [Fixtures.bare503, Fixtures.ok])
        #expect(strategy.quota.available == 500)
    }

    @Test func standard2026CostsFourteenAndFiveForThrottling() async {
        let counts = await Self.attempts(StandardRetryStrategy(.standard2026), [Fixtures.latticeInternal], calls: 19)
        #expect(counts[..<17].allSatisfy { $0 == 3 })
        #expect(counts[17] == 2)
        #expect(counts[18] == 1)
        let throttled = await Self.attempts(StandardRetryStrategy(.standard2026), [Fixtures.latticeThrottle], calls: 51)
        #expect(throttled[..<50].allSatisfy { $0 == 3 })
        #expect(throttled[50] == 1)
        let timeouts = await Self.attempts(StandardRetryStrategy(.standard2026), [Fixtures.readTimeout], calls: 18)
        #expect(timeouts[16] == 3 && timeouts[17] == 2)
    }

    /// Threads spending and refilling one quota at once lose no update: every amount taken and given back leaves
    /// the pool where it started, and each refusal is counted once.
    @Test func concurrentSpendingAndRefillingKeepTheCount() async {
        let quota = RetryQuota(capacity: 12)  // four workers taking up to 7 each: some are refused
        let refused = await withTaskGroup(of: Int.self) { group in
            for worker in 0..<4 {
                group.addTask {
                    var refused = 0
                    for round in 0..<100_000 {
                        let amount = 1 + (worker + round) % 7
                        if quota.acquire(amount) { quota.release(amount) } else { refused += 1 }
                    }
                    return refused
                }
            }
            return await group.reduce(0, +)
        }
        #expect(quota.available == 12)
        #expect(quota.exhaustionEvents == refused)
        // A full pool takes nothing more; an empty one refuses and counts.
        quota.release(5)
        #expect(quota.available == 12)
        #expect(quota.acquire(12) && !quota.acquire(1))
        #expect(quota.exhaustionEvents == refused + 1)
        quota.release(Int.max)
        #expect(quota.available == 12)
    }

    @Test func legacyHasNoQuota() async {
        let counts = await Self.attempts(LegacyRetryStrategy(), [Fixtures.latticeInternal], calls: 60)
        #expect(counts.allSatisfy { $0 == 5 })
    }

    @Test func quotaIsSharedSafelyAcrossConcurrentCalls() async {
        let strategy = StandardRetryStrategy()
        let clock = ManualClock()
        let transport = ScriptedTransport([Fixtures.latticeInternal])
        let pipeline = CallPipeline(strategy: strategy, clock: clock, seed: 3, transport: transport.transport)
        let total = await clock.run {
            await withTaskGroup(of: Int.self) { group in
                for sequence in 0..<80 {
                    group.addTask {
                        await pipeline.call(Fixtures.getTargetGroup, sequence: UInt64(sequence)).attemptCount
                    }
                }
                return await group.reduce(0, +)
            }
        }
        // 100 retries fit in the quota (500 / 5); every call makes its first attempt.
        #expect(total == 80 + 100)
        #expect(strategy.quota.available == 0)
    }
}
