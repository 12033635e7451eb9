import Foundation
import Testing

@testable import BenchKit

@Suite("Gate: early abort on the run's clock")
struct GateAbortTests {
    func eventually(_ condition: () -> Bool) async {
        for _ in 0..<100_000 where !condition() { await Task.yield() }
    }

    /// A recorder with one phase running since 0 and one slow (500 ms) RegisterTargets completed.
    func slowRecorder() -> (Scenario, Recorder) {
        let scenario = Scenario("abort") { Phase("steady", .constantRate(10, for: .seconds(60))) }
        let recorder = Recorder(phases: scenario.phases)
        recorder.phaseStarted(0, at: .zero)
        recorder.started()
        recorder.completed(
            phase: 0, operation: "RegisterTargets", outcome: .ok, intended: .zero, sent: .zero,
            finished: Instant(nanoseconds: 500_000_000), lagNanoseconds: 0
        )
        return (scenario, recorder)
    }

    @Test("a breach stops the run only once the grace period is over, and is reported")
    func abortsAfterGrace() async throws {
        let (scenario, recorder) = slowRecorder()
        let clock = ManualClock()
        let stop = StopSignal()
        let breach = try Threshold.parse("p99(RegisterTargets) < 100ms").abortOnFail(after: .milliseconds(300))
        let monitor = AbortMonitor(
            thresholds: [breach, try Threshold.parse("max(*) < 1ms")], periodNanoseconds: 100_000_000)
        #expect(monitor.thresholds.count == 1, "only thresholds with a grace period are watched")
        monitor.start(scenario: scenario, recorder: recorder, clock: clock, stop: stop)
        for step in 1...2 {
            await eventually { clock.sleeperCount > 0 }
            clock.advance(to: Instant(nanoseconds: UInt64(step) * 100_000_000))
            await eventually { clock.sleeperCount > 0 || stop.isStopped }
            #expect(!stop.isStopped, "no abort within the grace period (t = \(step * 100) ms)")
        }
        clock.advance(to: Instant(nanoseconds: 300_000_000))
        await eventually { stop.isStopped }
        #expect(stop.isStopped)
        #expect(monitor.breach?.threshold == "p99(RegisterTargets) < 100ms")
        #expect(monitor.breach?.verdict == .fail)
        monitor.finish()
    }

    @Test("thresholds that pass or are not measured yet never abort; finish() stops the evaluations")
    func noAbortWithoutBreach() async throws {
        let (scenario, recorder) = slowRecorder()
        let clock = ManualClock()
        let stop = StopSignal()
        let thresholds = try [
            "p99(RegisterTargets) < 1s", "retry_amplification(*) < 1.1", "p99(CreateTargetGroup) < 1ms",
        ].map { try Threshold.parse($0).abortOnFail() }
        let monitor = AbortMonitor(thresholds: thresholds, periodNanoseconds: 100_000_000)
        monitor.start(scenario: scenario, recorder: recorder, clock: clock, stop: stop)
        for step in 1...5 {
            await eventually { clock.sleeperCount > 0 }
            clock.advance(to: Instant(nanoseconds: UInt64(step) * 100_000_000))
        }
        await eventually { clock.sleeperCount > 0 }
        #expect(!stop.isStopped)
        #expect(monitor.breach == nil)
        monitor.finish()
        await eventually { clock.sleeperCount == 0 }
        #expect(clock.sleeperCount == 0, "the evaluation task ended")
    }

    @Test("a whole run on a manual clock stops at the first breach after the grace period")
    func runnerAborts() async throws {
        let scenario = Scenario("abort-run") {
            Phase("steady", .constantRate(100, for: .seconds(60))) { Mix { CreateTargetGroup().invalid(1) } }
        }
        let threshold = try Threshold.parse("error_rate(*) < 1%").abortOnFail(after: .seconds(1))
        let clock = ManualClock()
        let stop = StopSignal()
        let monitor = AbortMonitor(thresholds: [threshold], periodNanoseconds: 500_000_000)
        let run = Task { try await Runner(scenario: scenario, clock: clock, stop: stop, abortMonitor: monitor).run() }
        var now: UInt64 = 0
        // The clock moves only when every lane and the monitor sleep: with one of them still awake (the monitor
        // woken to evaluate, on a machine busy with other tests) the phase ran on past the breach.
        let sleepers = PhaseRunner.laneCount + 1
        while !stop.isStopped && now < 5_000_000_000 {
            await eventually { clock.sleeperCount >= sleepers || stop.isStopped }
            now += 10_000_000
            clock.advance(to: Instant(nanoseconds: now))
        }
        for _ in 0..<10 {
            await eventually { clock.sleeperCount > 0 }
            now += 100_000_000
            clock.advance(to: Instant(nanoseconds: now))
        }
        let result = try await run.value
        #expect(result.interrupted)
        #expect(monitor.breach?.threshold == "error_rate(*) < 1%")
        let issued = result.summary.phases[0].issued
        #expect(issued >= 100 && issued <= 160, "stopped between 1.0 and 1.6 s of a 60 s phase (issued \(issued))")
    }
}
