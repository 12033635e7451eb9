import Foundation
import Synchronization
import Testing

@testable import BenchKit

/// `summary.json`'s `resources`: the load generator's own CPU, memory and startup time, read from the kernel.
@Suite struct ProcessResourcesTests {
    @Test func usageGrowsWithWorkAndMemoryIsThisProcesssOwn() {
        let before = ProcessResources.sample()
        var sink: UInt64 = 0
        for value in 0..<2_000_000 as Range<UInt64> { sink &+= value &* 2_654_435_761 }
        let bytes = [UInt8](repeating: UInt8(truncatingIfNeeded: sink), count: 32 << 20)  // 32 MiB, touched
        let after = ProcessResources.sample(startupSeconds: 1.5)
        #expect(after.cpuSeconds > before.cpuSeconds)
        #expect(after.peakRSSBytes >= bytes.count)
        #expect(after.startupSeconds == 1.5)
        #expect(bytes[bytes.count - 1] == UInt8(truncatingIfNeeded: sink))
    }

    @Test func processAgeIsPositiveAndBelowTheMachinesUptime() throws {
        let age = try #require(ProcessResources.processAgeSeconds())
        let uptime = try #require(
            (try? String(contentsOfFile: "/proc/uptime", encoding: .utf8))?.split(separator: " ").first
                .flatMap { Double($0) })
        #expect(age >= 0 && age <= uptime)
    }

    @Test("a phase's CPU is the process's CPU between its start and end, per completed operation")
    func phaseCPUPerOperation() throws {
        let readings = Mutex([10.0, 10.5, 12.0, 12.0])  // phase 0 starts, ends; phase 1 starts, ends
        let scenario = Scenario("cpu") {
            Phase("busy", .iterations(250, concurrency: 1))
            Phase("idle", .iterations(1, concurrency: 1))
        }
        let recorder = Recorder(
            phases: scenario.phases, processCPUSeconds: { readings.withLock { $0.removeFirst() } })
        recorder.phaseStarted(0, at: .zero)
        for _ in 0..<250 {
            recorder.completed(
                phase: 0, operation: "RegisterTargets", outcome: .ok, intended: .zero, sent: .zero,
                finished: Instant(nanoseconds: 1_000), lagNanoseconds: nil)
        }
        recorder.phaseEnded(0, at: Instant(nanoseconds: 1_000_000_000), dropped: 0)
        recorder.phaseStarted(1, at: Instant(nanoseconds: 1_000_000_000))
        recorder.phaseEnded(1, at: Instant(nanoseconds: 2_000_000_000), dropped: 0)

        let summary = AbortMonitor.liveSummary(
            scenario, recorder.snapshot, origin: .zero, now: Instant(nanoseconds: 2_000_000_000), clock: ManualClock())
        let busy = summary.phases[0], idle = summary.phases[1]
        #expect(busy.cpuSeconds == 0.5)
        #expect(busy.cpuMicrosecondsPerOperation == 2_000)
        #expect(idle.cpuSeconds == 0 && idle.cpuMicrosecondsPerOperation == nil, "nothing completed: no per-op figure")
        let console = ConsoleSummary.render(summary, reportFolder: nil)
        #expect(console.contains("250 operations, 250.0/s, CPU 2000.0 us/op"), "\(console)")
    }

    @Test("a real run reports its phase's CPU, within what the whole process used")
    func realRunPhaseCPU() async throws {
        let scenario = Scenario("cpu-real") {
            Setup { TargetGroups(2) }
            Mix { RegisterTargets(batch: 1...3) }
            Phase("busy", .iterations(300, concurrency: 2))
        }
        let before = ProcessResources.sample().cpuSeconds
        let result = try await Runner(scenario: scenario).run()
        let used = ProcessResources.sample().cpuSeconds - before
        let phase = result.summary.phases[0]
        let cpu = try #require(phase.cpuSeconds)
        #expect(cpu > 0 && cpu <= used)
        #expect(phase.cpuMicrosecondsPerOperation == cpu * 1e6 / 300)
    }
}
