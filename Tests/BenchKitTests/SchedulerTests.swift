import Foundation
import Glibc
import Synchronization
import Testing
import TestSupport

@testable import BenchKit

/// A transport that holds every request until the test opens the gate: an endpoint that stalls.
final class StallingTransport: Transport {
    private let state = Mutex<(received: Int, open: Bool, waiting: [(id: Int, continuation: CheckedContinuation<Void, Never>)])>(
        (0, false, []))

    var received: Int { state.withLock { $0.received } }

    func send(_ request: AWSRequest, context: RequestContext) async -> AttemptResult {
        let id = state.withLock { s -> Int in
            s.received += 1
            return s.received
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let resume = state.withLock { s -> Bool in
                    if s.open || Task.isCancelled { return true }
                    s.waiting.append((id, continuation))
                    return false
                }
                if resume { continuation.resume() }
            }
        } onCancel: {
            let waiting = state.withLock { s -> CheckedContinuation<Void, Never>? in
                guard let index = s.waiting.firstIndex(where: { $0.id == id }) else { return nil }
                return s.waiting.remove(at: index).continuation
            }
            waiting?.resume()
        }
        if Task.isCancelled { return .failure(TransportFailure(kind: "cancelled", detail: "the run stopped", requestSent: false)) }
        return .serviceError(ServiceError(code: "Stalled", httpStatus: 500, message: "released"))
    }

    func open() {
        let waiting = state.withLock { s -> [CheckedContinuation<Void, Never>] in
            s.open = true
            defer { s.waiting = [] }
            return s.waiting.map(\.continuation)
        }
        for continuation in waiting { continuation.resume() }
    }
}

@Suite("Scheduler on a controllable clock")
struct SchedulerTests {
    /// Waits (by yielding, not sleeping) until `condition` holds; gives up after many yields.
    func eventually(_ condition: () -> Bool) async {
        for _ in 0..<100_000 where !condition() { await Task.yield() }
    }

    func scenario(_ executor: Executor) -> Scenario {
        Scenario("sched") {
            Phase("p", executor) { Mix { CreateTargetGroup() } }
        }
    }

    @Test("open model: arrivals keep their schedule while the endpoint stalls")
    func openModelKeepsSchedule() async throws {
        let clock = ManualClock()
        let transport = StallingTransport()
        let runner = Runner(scenario: scenario(.constantRate(100, for: .seconds(1))), clock: clock, transport: transport)
        let run = Task { try await runner.run() }
        // Walk the clock to 0.5 s in 10 ms steps; every step should let exactly one more operation out.
        for step in 1...50 {
            await eventually { clock.sleeperCount > 0 }
            clock.advance(to: Instant(nanoseconds: UInt64(step) * 10_000_000))
            await eventually { transport.received >= step + 1 }
        }
        #expect(transport.received == 51)  // operations due at 0, 10, ..., 500 ms: none answered yet
        for step in 51...120 {
            await eventually { clock.sleeperCount > 0 || transport.received == 100 }
            clock.advance(to: Instant(nanoseconds: UInt64(step) * 10_000_000))
        }
        await eventually { transport.received == 100 }
        transport.open()
        let result = try await run.value
        let phase = result.summary.phases[0]
        #expect(phase.issued == 100)
        #expect(phase.completed == 100)
        #expect(phase.operations["CreateTargetGroup"]?.errors["Stalled"] == 100)
        // The first operation waited 1.2 s for its answer from its intended start: corrected latency shows it.
        #expect(try #require(phase.operations["CreateTargetGroup"]).corrected.max >= 1_190)
    }

    @Test("closed model: a stalled endpoint holds every worker, and nothing more is issued")
    func closedModelWaits() async throws {
        let clock = ManualClock()
        let transport = StallingTransport()
        let runner = Runner(scenario: scenario(.constantConcurrency(4, for: .seconds(1))), clock: clock, transport: transport)
        let run = Task { try await runner.run() }
        await eventually { transport.received == 4 }
        clock.advance(to: Instant(nanoseconds: 500_000_000))
        await eventually { false }  // give the workers every chance to issue more
        #expect(transport.received == 4)
        clock.advance(to: Instant(nanoseconds: 2_000_000_000))
        transport.open()
        let result = try await run.value
        #expect(result.summary.phases[0].issued == 4)
        #expect(result.summary.phases[0].completed == 4)
    }

    @Test("stopping part way ends scheduling, keeps what completed, and marks the run interrupted")
    func stop() async throws {
        let clock = ManualClock()
        let transport = StallingTransport()
        transport.open()
        let stop = StopSignal()
        let runner = Runner(
            scenario: scenario(.constantRate(10, for: .seconds(10))), clock: clock, stop: stop, transport: transport
        )
        let run = Task { try await runner.run() }
        for step in 1...30 {
            await eventually { clock.sleeperCount > 0 }
            clock.advance(to: Instant(nanoseconds: UInt64(step) * 100_000_000))
        }
        await eventually { transport.received == 31 }
        stop.stop()
        await eventually { clock.sleeperCount > 0 }
        clock.advance(by: 1_000_000_000)
        let result = try await run.value
        #expect(result.interrupted)
        let phase = result.summary.phases[0]
        #expect(phase.completed == 31)
        #expect(phase.dropped == 100 - 31)
    }
}

extension SchedulerTests {
    @Test("a stopped run waits for operations in flight up to the drain timeout, then cancels them as unknown")
    func drainThenCancel() async throws {
        let clock = ManualClock()
        let transport = StallingTransport()
        let stop = StopSignal()
        let scenario = Scenario("drain") {
            DrainTimeout(.seconds(2))
            Phase("p", .constantRate(10, for: .seconds(10))) { Mix { CreateTargetGroup() } }
        }
        let run = Task { try await Runner(scenario: scenario, clock: clock, stop: stop, transport: transport).run() }
        for step in 1...2 {
            await eventually { clock.sleeperCount > 0 }
            clock.advance(to: Instant(nanoseconds: UInt64(step) * 100_000_000))
        }
        await eventually { transport.received == 3 }
        stop.stop()
        // Walk past the scheduler's stop poll and into the drain; nothing answers, so the drain must time out.
        for step in 1...30 {
            await eventually { clock.sleeperCount > 0 }
            clock.advance(to: Instant(nanoseconds: 200_000_000 + UInt64(step) * 100_000_000))
        }
        let result = try await run.value
        let phase = result.summary.phases[0]
        #expect(result.interrupted)
        #expect(phase.completed == 3)
        #expect(phase.operations["CreateTargetGroup"]?.unknown == 3)
        #expect(result.finishedAt >= Instant(nanoseconds: 2_200_000_000))
    }
}

@Suite("Progress lines")
struct ProgressTests {
    @Test("without a terminal, one plain status line per period with elapsed, rate, target and errors")
    func plainLines() async throws {
        let clock = ManualClock()
        let transport = StallingTransport()
        transport.open()
        let lines = Mutex<[String]>([])
        let progress = ProgressReporter(interactive: false, periodNanoseconds: 1_000_000_000) { text in
            lines.withLock { $0.append(text) }
        }
        let scenario = Scenario("progress") {
            Phase("p", .constantRate(10, for: .seconds(3))) { Mix { CreateTargetGroup() } }
        }
        let run = Task { try await Runner(scenario: scenario, clock: clock, transport: transport, progress: progress).run() }
        let sleepers = PhaseRunner.laneCount + 1  // the lanes' schedulers and the progress reporter
        for step in 1...35 {
            for _ in 0..<100_000 where clock.sleeperCount < sleepers && transport.received < 30 { await Task.yield() }
            clock.advance(to: Instant(nanoseconds: UInt64(step) * 100_000_000))
        }
        _ = try await run.value
        let printed = lines.withLock { $0 }
        #expect(printed.count >= 2 && printed.count <= 3, "\(printed)")
        let first = try #require(printed.first)
        #expect(first.hasPrefix("[p] 1.0s/3.0s"))
        #expect(first.contains("/s (target 10/s)"))
        // The stalling transport answers every request with an error; at 1.0 s, 10 or 11 have been answered
        // (the tick and the 11th arrival are due at the same instant).
        #expect(first.contains("errors 10 ") || first.contains("errors 11 "), "\(first)")
        #expect(first.hasSuffix("\n"))
    }

    /// What a 40-call embedded run with a check folder writes to its progress reporter, whose period is longer
    /// than the run (so no phase line is printed), and the run's result.
    private func progressOfCheckedRun(interactive: Bool, checked: Bool) async throws -> ([String], RunResult) {
        try await withTemporaryFolder("check-line") { folder in
            let lines = Mutex<[String]>([])
            let progress = ProgressReporter(interactive: interactive, periodNanoseconds: 600_000_000_000) { text in
                lines.withLock { $0.append(text) }
            }
            let scenario = Scenario("check-line") {
                Setup { TargetGroups(1, type: .ip) }
                Phase("p", .iterations(40, concurrency: 2)) { Mix { RegisterTargets(batch: 1...3) } }
                CheckIdempotency(checked)
            }
            let result = try await Runner(scenario: scenario, progress: progress, checkFolder: folder).run()
            return (lines.withLock { $0 }, result)
        }
    }

    @Test("after the load, one line says that the idempotency check has started, over how many calls; none unchecked")
    func checkLine() async throws {
        for checked in [true, false] {
            let (lines, result) = try await progressOfCheckedRun(interactive: false, checked: checked)
            #expect(lines == (checked ? ["[check] checking the idempotency of 40 calls\n"] : []))
            #expect((result.summary.idempotency != nil) == checked)
        }
    }

    @Test("on a terminal, the check's line replaces the phase's and is erased when the check ends")
    func checkLineOnATerminal() async throws {
        let (lines, _) = try await progressOfCheckedRun(interactive: true, checked: true)
        let erase = "\r\u{1B}[2K"
        #expect(lines == [erase, erase + "[check] checking the idempotency of 40 calls", erase])
    }
}

/// A transport whose first request holds the thread it runs on (an open-model lane) until the test releases it,
/// as a long operation does; every request is answered with an error.
final class ThreadHoldingTransport: Transport {
    private let state = Mutex<(received: Int, released: Bool)>((0, false))

    var received: Int { state.withLock { $0.received } }

    func release() { state.withLock { $0.released = true } }

    func send(_ request: AWSRequest, context: RequestContext) async -> AttemptResult {
        let first = state.withLock { s -> Bool in
            s.received += 1
            return s.received == 1
        }
        // Bounded: gives the thread back after 30 s even if the test never releases it.
        let giveUp = SystemClock.monotonicNanoseconds() + 30_000_000_000
        while first, !state.withLock({ $0.released }), SystemClock.monotonicNanoseconds() < giveUp { sched_yield() }
        return .serviceError(ServiceError(code: "Held", httpStatus: 500, message: "released"))
    }
}

extension SchedulerTests {
    @Test(
        "open model: a lane held up by a long operation delays only the operation it holds; the others go on time",
        .enabled(if: PhaseRunner.laneCount >= 2, "needs two lanes, so two cores"))
    func heldLane() async throws {
        let clock = ManualClock()
        let transport = ThreadHoldingTransport()
        let runner = Runner(scenario: scenario(.constantRate(100, for: .seconds(1))), clock: clock, transport: transport)
        let run = Task { try await runner.run() }
        await eventually { transport.received == 1 }  // operation 0, due at once, now holds its lane
        // Operations 1-10 fall due; the held lane had already claimed one of them.
        for step in 1...10 {
            await eventually { clock.sleeperCount > 0 }
            clock.advance(to: Instant(nanoseconds: UInt64(step) * 10_000_000))
            await eventually { transport.received >= step }
        }
        await eventually { transport.received >= 10 }
        #expect(transport.received == 10)  // dealt out in turns, the held lane's five would wait: 6
        transport.release()
        for step in 11...110 {
            await eventually { clock.sleeperCount > 0 || transport.received == 100 }
            clock.advance(to: Instant(nanoseconds: UInt64(step) * 10_000_000))
        }
        let phase = try await run.value.summary.phases[0]
        #expect(phase.issued == 100)
        #expect(phase.completed == 100)
    }
}
