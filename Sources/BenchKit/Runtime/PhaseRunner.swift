import AWSModel
import BenchCore
import Emulator
import Foundation
import Synchronization

/// Runs one phase with its executor until its schedule, duration or iteration count is done, or until
/// the stop signal is set.
struct PhaseRunner: Sendable {
    /// The longest a scheduler sleeps before it looks at the stop signal again.
    static let stopPollNanoseconds: UInt64 = 50_000_000

    /// How many ``PacedLane``s share an open model's schedule: one per core.
    static var laneCount: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

    let phase: Phase
    let index: Int
    let issuer: OperationIssuer
    let clock: any BenchClock
    let recorder: Recorder
    let stop: StopSignal
    let maxInFlight: Int
    /// How long a stopped phase waits for operations in flight before it cancels them.
    let drainTimeoutNanoseconds: UInt64

    /// Runs the phase and returns how many operations it issued.
    func run() async -> Int {
        let start = clock.now
        recorder.phaseStarted(index, at: start)
        let (issued, dropped) = if let schedule = ArrivalSchedule(phase.executor) {
            await runOpen(schedule, start: start)
        } else {
            await runClosed(start: start)
        }
        recorder.phaseEnded(index, at: clock.now, dropped: dropped)
        return issued
    }

    /// Open model: operation `i` is issued at its intended time whether or not earlier ones answered; when all
    /// `maxInFlight` slots are busy it waits for one, and the wait counts in its corrected latency.
    ///
    /// The schedule is shared by one ``PacedLane`` per core: each lane claims the next operation not yet claimed,
    /// sleeps until it is due and starts it on its own thread (see ``PacedLane`` for why not Dispatch's pool).
    /// Claiming one at a time, rather than dealing the schedule out in turns, means that a lane held up (by a long
    /// operation, or by the machine not running its thread) delays only the operation it holds: the other lanes
    /// take the ones after it.
    private func runOpen(_ schedule: ArrivalSchedule, start: Instant) async -> (issued: Int, dropped: Int) {
        let lanes = (0..<Self.laneCount).map { _ in PacedLane(clock: clock) }
        defer { for lane in lanes { lane.shutdown() } }
        let slots = AsyncSemaphore(permits: maxInFlight)
        let claimed = SharedCounter()
        let issued = await withTaskGroup(of: Int.self) { lanesGroup in
            for lane in lanes {
                lanesGroup.addTask(executorPreference: lane) {
                    await runLane(lane, claiming: claimed, schedule, start: start, slots: slots)
                }
            }
            return await lanesGroup.reduce(0, +)
        }
        let planned = phase.executor.plannedOperations ?? issued
        return (issued, max(0, planned - issued))
    }

    /// One lane's part of an open model: claims the next operation from `claimed`, waits until it is due and starts
    /// it as a child task that runs on the lane, until the schedule ends or the run stops. Returns how many it issued.
    private func runLane(
        _ lane: PacedLane, claiming claimed: SharedCounter, _ schedule: ArrivalSchedule, start: Instant,
        slots: AsyncSemaphore
    ) async -> Int {
        var issued = 0
        await withDiscardingTaskGroup { group in
            while !stop.isStopped {
                let operation = claimed.value.add(1, ordering: .relaxed).oldValue
                guard let offset = schedule.offset(of: operation) else { break }
                let intended = start.advanced(by: offset)
                await sleep(until: intended, on: lane)
                if stop.isStopped { break }
                await slots.acquire()
                group.addTask {
                    var batch = OperationIssuer.Batch.single()
                    await issuer.issue(index: operation, intended: intended, openModel: true, batch: &batch)
                    slots.release()
                }
                issued += 1
            }
            await drainIfStopped(&group)
        }
        return issued
    }

    /// Closed model: `workers` loops, each issuing its next operation when the previous one answered.
    private func runClosed(start: Instant) async -> (issued: Int, dropped: Int) {
        let (workers, limit, deadline): (Int, Int, Instant?) = switch phase.executor.kind {
        case .constantConcurrency(let workers, let ns): (workers, Int.max, start.advanced(by: ns))
        case .iterations(let count, let workers): (workers, count, nil)
        case .constantRate, .rampingRate: (0, 0, nil)
        }
        let counter = SharedCounter()
        await withDiscardingTaskGroup { group in
            for _ in 0..<workers {
                group.addTask {
                    var batch = OperationIssuer.Batch.closedWorker()
                    let issuer = issuer.forWorker()
                    while !stop.isStopped {
                        let now = clock.now  // one reading: the deadline's check, and when the operation is due
                        if let deadline, now >= deadline { break }
                        let operation = counter.value.add(1, ordering: .relaxed).oldValue
                        if operation >= limit { break }
                        await issuer.issue(index: operation, intended: now, openModel: false, batch: &batch)
                    }
                    issuer.flush(&batch)
                }
            }
            await drainIfStopped(&group)
        }
        let issued = min(counter.value.load(ordering: .relaxed), limit)
        return (issued, limit == Int.max ? 0 : limit - issued)
    }

    /// After a stop, waits (on the run's clock, in 10 ms steps) for the operations in flight to answer, up to
    /// ``drainTimeoutNanoseconds``; what is still in flight then is cancelled and ends as `unknown`.
    private func drainIfStopped(_ group: inout DiscardingTaskGroup) async {
        guard stop.isStopped else { return }
        let deadline = clock.now.advanced(by: drainTimeoutNanoseconds)
        while recorder.live.inFlight > 0, clock.now < deadline {
            do { try await clock.sleep(until: min(deadline, clock.now.advanced(by: 10_000_000))) } catch { break }
        }
        if recorder.live.inFlight > 0 { group.cancelAll() }
    }

    /// Sleeps until `deadline` in slices, so that a stop is noticed within ``stopPollNanoseconds``.
    private func sleep(until deadline: Instant, on lane: PacedLane) async {
        while !stop.isStopped {
            let now = clock.now
            if now >= deadline { return }
            await lane.sleep(until: min(deadline, now.advanced(by: PhaseRunner.stopPollNanoseconds)))
        }
    }
}

/// An atomic counter that worker tasks share by reference (`Atomic` itself cannot be captured across tasks).
private final class SharedCounter: Sendable {
    let value = Atomic<Int>(0)
}
