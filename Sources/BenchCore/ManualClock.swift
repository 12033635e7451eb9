import Foundation
import Synchronization

/// A clock that moves only when told to, like swift-nio's `EmbeddedEventLoop`.
///
/// Sleepers suspend until ``advance(to:)`` or ``advance(by:)`` passes their deadline. Tests read like a
/// timeline: advance, then assert what happened.
public final class ManualClock: BenchClock {
    private struct Sleeper {
        let deadline: Instant
        let id: UInt64
        let continuation: CheckedContinuation<Void, any Error>
    }

    private struct State {
        var now: Instant
        var sleepers: [Sleeper] = []
        var nextID: UInt64 = 0
        var cancelled: Set<UInt64> = []
    }

    private let state: Mutex<State>
    private let originDate: Date

    /// - Parameters:
    ///   - start: the first instant.
    ///   - originDate: the wall-clock date of `Instant.zero`.
    public init(start: Instant = .zero, originDate: Date = Date(timeIntervalSince1970: 1_700_000_000)) {
        state = Mutex(State(now: start))
        self.originDate = originDate
    }

    public var now: Instant { state.withLock { $0.now } }

    /// How many tasks are sleeping on this clock (lets a test wait until a task has reached its sleep).
    public var sleeperCount: Int { state.withLock { $0.sleepers.count } }

    public func date(of instant: Instant) -> Date {
        originDate.addingTimeInterval(Double(instant.nanoseconds) / 1e9)
    }

    public func sleep(until deadline: Instant) async throws {
        let id: UInt64 = state.withLock { s in s.nextID += 1; return s.nextID }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let resumeNow: Result<Void, any Error>? = state.withLock { s in
                    if s.cancelled.remove(id) != nil { return .failure(CancellationError()) }
                    if deadline <= s.now { return .success(()) }
                    s.sleepers.append(Sleeper(deadline: deadline, id: id, continuation: continuation))
                    return nil
                }
                if let resumeNow { continuation.resume(with: resumeNow) }
            }
        } onCancel: {
            let sleeper: Sleeper? = state.withLock { s in
                if let index = s.sleepers.firstIndex(where: { $0.id == id }) {
                    return s.sleepers.remove(at: index)
                }
                s.cancelled.insert(id)
                return nil
            }
            sleeper?.continuation.resume(throwing: CancellationError())
        }
    }

    /// Moves time to `instant` (never backwards) and wakes every sleeper whose deadline has come, earliest first.
    public func advance(to instant: Instant) {
        let due: [Sleeper] = state.withLock { s in
            if instant > s.now { s.now = instant }
            let now = s.now
            let due = s.sleepers.filter { $0.deadline <= now }.sorted { $0.deadline < $1.deadline }
            s.sleepers.removeAll { $0.deadline <= now }
            return due
        }
        for sleeper in due { sleeper.continuation.resume() }
    }

    /// Moves time forward by `nanoseconds`.
    public func advance(by nanoseconds: UInt64) {
        advance(to: now.advanced(by: nanoseconds))
    }

    /// The earliest deadline anyone sleeps until, if any.
    public var nextDeadline: Instant? { state.withLock { $0.sleepers.map(\.deadline).min() } }

    /// Runs `body` to completion, moving time to each sleeper's deadline as soon as one sleeps, so backoffs,
    /// limiter waits and timeouts pass at once in virtual time (no real sleeps).
    public func run<T: Sendable>(_ body: @escaping @Sendable () async -> T) async -> T {
        let result = Mutex<T?>(nil)
        let finished = Atomic<Bool>(false)
        let task = Task {
            let value = await body()
            result.withLock { $0 = value }
            finished.store(true, ordering: .releasing)
        }
        while !finished.load(ordering: .acquiring) {
            if let next = nextDeadline { advance(to: next) } else { await Task.yield() }
        }
        await task.value
        return result.withLock { $0! }
    }
}
