import Dispatch
import Foundation
import Synchronization
import BenchCore
#if canImport(Glibc)
import Glibc
#endif

/// One thread running `epoll_wait` over non-blocking file descriptors, with a cross-thread job queue and timers.
///
/// Thread ownership: every handler, timer target and connection registered here is touched only on this loop's
/// thread. Other threads talk to the loop only through ``execute(_:)``, which appends to a mutex-guarded queue
/// and writes the eventfd only when the loop is asleep in `epoll_wait` (under load it rarely is, so most
/// submissions cost no syscall). Time is `CLOCK_MONOTONIC` nanoseconds: the loop is the one place where real
/// time meets the kernel's timeouts, so it is not injected here.
final class EventLoop: @unchecked Sendable {
    // @unchecked Sendable: `shared` is a Mutex; `epollFD`, `wakeFD`, `readBuffer`, `finished` and `name` are
    // immutable after init; `handlers`, `timers`, `soon` and `stopRequested` are read and written only on the loop
    // thread (inside `run()` and the handlers, timer targets and jobs it calls).
    typealias Job = @Sendable () -> Void

    private struct Shared {
        var jobs: [Job] = []
        var sleeping = false
        var wakePending = false
        var stopped = false
    }

    private let shared = Mutex(Shared())
    private let epollFD: Int32
    private let wakeFD: Int32
    private let finished = DispatchSemaphore(value: 0)
    let name: String
    /// Scratch space for `read(2)`, shared by every connection of this loop (reads are never concurrent).
    let readBuffer: UnsafeMutableRawBufferPointer

    private var handlers: [(any EventLoopHandler)?] = []
    private var timers = TimerHeap()
    private var stopRequested = false
    private var soon: [() -> Void] = []

    /// Creates the loop and starts its thread. Fails only if the kernel refuses an epoll or eventfd descriptor.
    init(name: String, readBufferSize: Int = 64 * 1024) throws(HTTPSystemError) {
        self.name = name
        epollFD = Epoll.create()
        guard epollFD >= 0 else { throw HTTPSystemError(operation: "epoll_create1") }
        wakeFD = Epoll.makeEventFD()
        guard wakeFD >= 0 else {
            let error = HTTPSystemError(operation: "eventfd")
            close(epollFD)
            throw error
        }
        readBuffer = .allocate(byteCount: readBufferSize, alignment: 16)
        Epoll.control(epollFD, Epoll.controlAdd, wakeFD, events: Epoll.input)
        let thread = Thread { [self] in run() }
        thread.name = name
        thread.start()
    }

    /// The eventfd is closed here rather than when the loop thread ends: ``execute(_:)`` writes it after releasing
    /// the lock, so a caller whose job stopped the loop can still be about to write. Closed at the end of `run()`,
    /// its number could by then belong to another thread's new socket or file, which would receive the 8 bytes.
    /// No caller can be inside `execute` once the last reference is gone.
    deinit {
        close(wakeFD)
        readBuffer.deallocate()
    }

    /// Monotonic nanoseconds now. O(1), a vDSO call.
    var now: UInt64 { SystemClock.monotonicNanoseconds() }

    // MARK: - Any thread

    /// Runs `job` on the loop thread, after the events already pending. Returns false (and drops `job`) when the
    /// loop has stopped.
    @discardableResult
    func execute(_ job: @escaping Job) -> Bool {
        let (accepted, wake) = shared.withLock { state -> (Bool, Bool) in
            guard !state.stopped else { return (false, false) }
            state.jobs.append(job)
            guard state.sleeping, !state.wakePending else { return (true, false) }
            state.wakePending = true
            return (true, true)
        }
        if wake {
            var one: UInt64 = 1
            _ = write(wakeFD, &one, 8)
        }
        return accepted
    }

    /// Stops the loop after the jobs already queued and waits for its thread to exit. Not on the loop thread.
    func shutdownAndWait() {
        if execute({ [self] in stopRequested = true }) { finished.wait() }
    }

    // MARK: - Loop thread only

    /// Registers `fd` for `events` (EPOLLIN, EPOLLOUT, ...). The handler is retained until ``deregister(_:)``.
    func register(_ fd: Int32, events: UInt32, handler: any EventLoopHandler) -> Bool {
        guard Epoll.control(epollFD, Epoll.controlAdd, fd, events: events) == 0 else { return false }
        let index = Int(fd)
        if index >= handlers.count {
            handlers.append(contentsOf: repeatElement(nil, count: index + 1 - handlers.count))
        }
        handlers[index] = handler
        return true
    }

    /// Changes the event mask of a registered `fd`.
    func modify(_ fd: Int32, events: UInt32) {
        Epoll.control(epollFD, Epoll.controlModify, fd, events: events)
    }

    /// Forgets `fd` and closes it.
    func deregisterAndClose(_ fd: Int32) {
        Epoll.control(epollFD, Epoll.controlDelete, fd, events: 0)
        if Int(fd) < handlers.count { handlers[Int(fd)] = nil }
        close(fd)
    }

    /// Runs `work` on this loop after the current event batch (to break call chains that could recurse).
    func runSoon(_ work: @escaping () -> Void) { soon.append(work) }

    /// Calls `target.timerFired` at or soon after `deadline` (monotonic ns). Use through ``LazyDeadline``.
    /// - Complexity: O(log n) in the number of pending timers.
    func schedule(at deadline: UInt64, target: any EventLoopTimerTarget) {
        timers.push(TimerHeap.Entry(deadline: deadline, target: target))
    }

    private func run() {
        let events = UnsafeMutableRawBufferPointer.allocate(byteCount: 256 * Epoll.eventStride, alignment: 8)
        defer { events.deallocate() }
        var batch: [Job] = []
        var works: [() -> Void] = []
        var current = now  // read once per turn: after the timers ran, and for the next wait's timeout
        while !stopRequested {
            var timeout: Int32 = -1
            if let earliest = timers.earliest {
                timeout = earliest <= current ? 0 : Int32(min((earliest - current + 999_999) / 1_000_000, 60_000))
            }
            let hasJobs = shared.withLock { state -> Bool in
                if state.jobs.isEmpty { state.sleeping = true }
                return !state.jobs.isEmpty
            }
            let busy = hasJobs || !soon.isEmpty
            let count = Epoll.wait(epollFD, into: events, timeoutMilliseconds: busy ? 0 : timeout)
            shared.withLock { state in
                state.sleeping = false
                state.wakePending = false
                swap(&state.jobs, &batch)
            }
            for index in 0..<max(0, Int(count)) {
                let (mask, fd) = Epoll.event(index, in: events)
                if fd == wakeFD {
                    var value: UInt64 = 0
                    _ = read(wakeFD, &value, 8)
                } else if Int(fd) < handlers.count, let handler = handlers[Int(fd)] {
                    handler.handle(events: mask)
                }
            }
            for job in batch { job() }
            batch.removeAll(keepingCapacity: true)
            if !soon.isEmpty {
                swap(&soon, &works)  // both arrays keep their storage: no allocation per turn
                for work in works { work() }
                works.removeAll(keepingCapacity: true)
            }
            if !timers.isEmpty {
                current = now
                while let entry = timers.popDue(now: current) {
                    entry.target.timerFired(entry: entry.deadline, now: current)
                }
            }
        }
        let leftover = shared.withLock { state -> [Job] in
            state.stopped = true
            return state.jobs
        }
        for job in leftover { job() }
        for (fd, handler) in handlers.enumerated() where handler != nil { close(Int32(fd)) }
        handlers.removeAll()
        timers.removeAll()
        close(epollFD)
        finished.signal()
    }
}
