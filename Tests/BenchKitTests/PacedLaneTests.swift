import BenchCore
import Foundation
import Glibc
import Synchronization
import Testing

@testable import BenchKit

@Suite("Open-model lanes")
struct PacedLaneTests {
    @Test("tasks that prefer a lane all run on the lane's one thread, not on the caller's")
    func oneThread() async {
        let lane = PacedLane(clock: SystemClock())
        defer { lane.shutdown() }
        let caller = pthread_self()
        let threads = await withTaskGroup(of: pthread_t.self) { group in
            for _ in 0..<20 {
                group.addTask(executorPreference: lane) {
                    await Task.yield()  // resumes on the lane too
                    return pthread_self()
                }
            }
            return await group.reduce(into: [pthread_t]()) { $0.append($1) }
        }
        #expect(threads.count == 20)
        #expect(Set(threads.map(UInt.init)).count == 1)
        #expect(threads[0] != caller)
    }

    @Test("on the system clock, a sleep returns at its deadline, never before, and resumes on the lane")
    func systemSleep() async {
        let clock = SystemClock()
        let lane = PacedLane(clock: clock)
        defer { lane.shutdown() }
        let (lateness, sameThread) = await Task(executorPreference: lane) { () -> ([UInt64], Bool) in
            var lateness: [UInt64] = []
            let thread = pthread_self()
            for _ in 0..<20 {
                let deadline = clock.now.advanced(by: 300_000)  // waited for, then the last 50 us spun
                await lane.sleep(until: deadline)
                let now = clock.now
                lateness.append(now >= deadline ? now.nanoseconds(since: deadline) : .max)
            }
            return (lateness, pthread_self() == thread)
        }.value
        #expect(!lateness.contains(.max), "woke before the deadline: \(lateness)")
        #expect(sameThread)
    }

    @Test("a job from another thread wakes a lane that waits for a far deadline")
    func wakesForJobs() async throws {
        let clock = SystemClock()
        let lane = PacedLane(clock: clock)
        defer { lane.shutdown() }
        let order = EventLog()
        let wakeAt = Mutex<Instant?>(nil)
        let sleeper = Task(executorPreference: lane) {
            let deadline = clock.now.advanced(by: 10_000_000_000)
            wakeAt.withLock { $0 = deadline }
            await lane.sleep(until: deadline)
            order.append("sleeper")
        }
        // The job is started by a thread of its own as soon as the sleeper waits: a test task can be held up for
        // seconds while the whole suite runs, a thread is not.
        let job = Mutex<Task<Instant, Never>?>(nil)
        Thread {
            for _ in 0..<100_000 where !lane.hasSleeper { usleep(100) }
            let started = Task(executorPreference: lane) { () -> Instant in
                order.append("job")
                return clock.now
            }
            job.withLock { $0 = started }
        }.start()
        var started: Task<Instant, Never>?
        for _ in 0..<100_000 where started == nil {
            try await Task.sleep(for: .milliseconds(1))
            started = job.withLock { $0 }
        }
        let ranAt = try #require(await started?.value)
        let deadline = try #require(wakeAt.withLock { $0 })
        #expect(ranAt < deadline)  // the lane woke for the job, rather than at the sleeper's deadline
        await sleeper.value
        #expect(order.events == ["job", "sleeper"])
    }

    @Test("on a manual clock, a sleep waits for the test to advance the clock")
    func manualSleep() async {
        let clock = ManualClock()
        let lane = PacedLane(clock: clock)
        defer { lane.shutdown() }
        let log = EventLog()
        let sleeper = Task(executorPreference: lane) {
            await lane.sleep(until: Instant(nanoseconds: 1_000))
            log.append("woke")
        }
        for _ in 0..<100_000 where clock.sleeperCount == 0 { await Task.yield() }
        #expect(log.events.isEmpty)
        #expect(!lane.hasSleeper)  // a manual clock keeps its own sleepers
        clock.advance(to: Instant(nanoseconds: 1_000))
        await sleeper.value
        #expect(log.events == ["woke"])
    }
}

/// Events in the order tasks noted them.
private final class EventLog: Sendable {
    private let state = Mutex<[String]>([])
    var events: [String] { state.withLock { $0 } }
    func append(_ event: String) { state.withLock { $0.append(event) } }
}
