import BenchCore
import Testing

@Suite("ManualClock")
struct ManualClockTests {
    @Test("a sleeper wakes only once time reaches its deadline")
    func sleeperWakesAtDeadline() async throws {
        let clock = ManualClock()
        let task = Task { try await clock.sleep(until: Instant(nanoseconds: 100)); return clock.now }
        while clock.sleeperCount == 0 { await Task.yield() }
        clock.advance(by: 99)
        #expect(clock.sleeperCount == 1)
        clock.advance(by: 1)
        let woke = try await task.value
        #expect(woke == Instant(nanoseconds: 100))
        #expect(clock.sleeperCount == 0)
    }

    @Test("cancelling a sleeper throws CancellationError")
    func cancellation() async throws {
        let clock = ManualClock()
        let task = Task { try await clock.sleep(until: Instant(nanoseconds: 1_000)) }
        while clock.sleeperCount == 0 { await Task.yield() }
        task.cancel()
        await #expect(throws: CancellationError.self) { try await task.value }
    }

    @Test("a deadline already passed returns at once")
    func pastDeadline() async throws {
        let clock = ManualClock(start: Instant(nanoseconds: 50))
        try await clock.sleep(until: Instant(nanoseconds: 10))
        #expect(clock.sleeperCount == 0)
    }
}

@Suite("SplitMix64")
struct SplitMix64Tests {
    @Test("same seed, same sequence; derived streams differ and are stable")
    func determinism() {
        var a = SplitMix64(seed: 42), b = SplitMix64(seed: 42)
        #expect((0..<100).map { _ in a.next() } == (0..<100).map { _ in b.next() })
        var x = SplitMix64(seed: 42).derived("faults"), y = SplitMix64(seed: 42).derived("faults")
        var z = SplitMix64(seed: 42).derived("phase")
        let xs = (0..<10).map { _ in x.next() }
        #expect(xs == (0..<10).map { _ in y.next() })
        #expect(xs != (0..<10).map { _ in z.next() })
    }

    @Test("unit doubles stay in [0, 1) and average near one half")
    func unitDouble() {
        var rng = SplitMix64(seed: 7)
        let values = (0..<10_000).map { _ in rng.nextUnitDouble() }
        #expect(values.allSatisfy { $0 >= 0 && $0 < 1 })
        let mean = values.reduce(0, +) / Double(values.count)
        #expect(abs(mean - 0.5) < 0.02)
    }
}
