import BenchCore
import Foundation
import Glibc
import Synchronization

/// One thread that runs a share of an open model's operations and wakes its scheduler at their intended times.
///
/// An open model started on Dispatch's pool paid for three thread hand-offs per operation: Dispatch's timer thread
/// woke for the scheduler's `Task.sleep`, a worker woke to resume the scheduler, another to start the operation.
/// On this project's 2-core virtual machine every hand-off costs tens of microseconds, and at 20,000 operations a
/// second they kept three threads busy on two cores (docs/performance-journal.md, P5). A lane is a ``TaskExecutor``
/// with its own thread: its scheduler task sleeps on the lane's own timed wait, resumes on the same thread, and the
/// operations it starts run there too, so an operation starts with one wake-up at most, and none when the lane is
/// busy or the deadline is near.
///
/// The thread waits for a deadline further than ``spinNanoseconds`` away with `pthread_cond_timedwait` on
/// `CLOCK_MONOTONIC` (1 ns of timer slack instead of Linux's default 50 us), and spins for a nearer one: a sleep
/// wakes about 40 us late here (`scripts/perf/pacer.c`'s median), so sleeping for less would only add lateness.
/// Jobs enqueued from other threads (an answer from the HTTP client's event loop, a retry's backoff timer) wake it.
///
/// Only the system clock is waited for on the lane's thread; any other clock (``ManualClock`` in tests) sleeps
/// through its own `sleep(until:)`, and its sleepers then resume on the lane like any other job.
final class PacedLane: TaskExecutor, @unchecked Sendable {
    /// Deadlines this close are waited for by spinning rather than sleeping.
    static let spinNanoseconds: UInt64 = 50_000

    private let clock: any BenchClock
    private let system: SystemClock?
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private let condition: UnsafeMutablePointer<pthread_cond_t>
    // Guarded by `mutex`:
    private var jobs: [UnownedJob] = []
    /// The lane's scheduler, waiting for a `CLOCK_MONOTONIC` reading. One at a time.
    private var sleeper: (deadline: UInt64, continuation: UnsafeContinuation<Void, Never>)?
    /// The thread is in `pthread_cond_wait` or `pthread_cond_timedwait`, and needs a signal to see new work.
    private var waiting = false
    private var stopping = false
    /// `jobs` is not empty: read without the lock while the thread spins.
    private let hasJobs = Atomic<Bool>(false)

    /// Starts the lane's thread. Call ``shutdown()`` once no task prefers this lane any more.
    init(clock: any BenchClock) {
        self.clock = clock
        system = clock as? SystemClock
        mutex = .allocate(capacity: 1)
        pthread_mutex_init(mutex, nil)
        condition = .allocate(capacity: 1)
        var attributes = pthread_condattr_t()
        pthread_condattr_init(&attributes)
        pthread_condattr_setclock(&attributes, CLOCK_MONOTONIC)
        pthread_cond_init(condition, &attributes)
        pthread_condattr_destroy(&attributes)
        var thread = pthread_t()
        // The thread holds the lane until its loop ends.
        let lane = Unmanaged.passRetained(self).toOpaque()
        let created = pthread_create(&thread, nil, { lane in
            Unmanaged<PacedLane>.fromOpaque(lane!).takeRetainedValue().run()
            return nil
        }, lane)
        precondition(created == 0, "cannot start an open-model lane thread: \(String(cString: strerror(created)))")
        pthread_detach(thread)
    }

    deinit {
        pthread_cond_destroy(condition)
        pthread_mutex_destroy(mutex)
        condition.deallocate()
        mutex.deallocate()
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        pthread_mutex_lock(mutex)
        jobs.append(job)
        hasJobs.store(true, ordering: .relaxed)
        if waiting { pthread_cond_signal(condition) }
        pthread_mutex_unlock(mutex)
    }

    /// Suspends the calling task until `deadline`; on the system clock, by the lane's own timed wait, and the task
    /// must be the lane's scheduler, running on this lane. Not cancellable: callers sleep in bounded slices.
    func sleep(until deadline: Instant) async {
        guard let system else {
            try? await clock.sleep(until: deadline)
            return
        }
        let monotonic = system.monotonicNanoseconds(of: deadline)
        await withUnsafeContinuation { (continuation: UnsafeContinuation<Void, Never>) in
            pthread_mutex_lock(mutex)
            precondition(sleeper == nil, "a lane has one scheduler")
            sleeper = (monotonic, continuation)
            pthread_mutex_unlock(mutex)
        }
    }

    /// Whether a scheduler waits on the lane's own timed wait (for tests).
    var hasSleeper: Bool {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return sleeper != nil
    }

    /// Ends the thread once it has run every job; no task may prefer this lane afterwards.
    func shutdown() {
        pthread_mutex_lock(mutex)
        stopping = true
        if waiting { pthread_cond_signal(condition) }
        pthread_mutex_unlock(mutex)
    }

    /// The thread: runs jobs in arrival order; between them, wakes the sleeper at its deadline.
    private func run() {
        _ = Self.setTimerSlack?(Self.timerSlackOption, 1, 0, 0, 0)
        let executor = asUnownedTaskExecutor()
        var batch: [UnownedJob] = []
        pthread_mutex_lock(mutex)
        while true {
            if !jobs.isEmpty {
                swap(&batch, &jobs)
                hasJobs.store(false, ordering: .relaxed)
                pthread_mutex_unlock(mutex)
                for job in batch { job.runSynchronously(on: executor) }
                batch.removeAll(keepingCapacity: true)
                pthread_mutex_lock(mutex)
            } else if let (deadline, continuation) = sleeper {
                let now = SystemClock.monotonicNanoseconds()
                if now >= deadline {
                    sleeper = nil
                    pthread_mutex_unlock(mutex)
                    continuation.resume()  // enqueues the scheduler here
                    pthread_mutex_lock(mutex)
                } else if deadline - now <= Self.spinNanoseconds {
                    pthread_mutex_unlock(mutex)
                    while SystemClock.monotonicNanoseconds() < deadline, !hasJobs.load(ordering: .relaxed) {}
                    pthread_mutex_lock(mutex)
                } else {
                    var at = timespec(tv_sec: Int(deadline / 1_000_000_000), tv_nsec: Int(deadline % 1_000_000_000))
                    waiting = true
                    pthread_cond_timedwait(condition, mutex, &at)
                    waiting = false
                }
            } else if stopping {
                break
            } else {
                waiting = true
                pthread_cond_wait(condition, mutex)
                waiting = false
            }
        }
        pthread_mutex_unlock(mutex)
    }

    /// `PR_SET_TIMERSLACK` from `<sys/prctl.h>`, which Swift's Glibc module does not export.
    private static let timerSlackOption: Int32 = 29
    /// `prctl(2)`, looked up at run time for the same reason; `nil` leaves the default slack.
    private static let setTimerSlack: (@convention(c) (Int32, UInt, UInt, UInt, UInt) -> Int32)? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "prctl") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (Int32, UInt, UInt, UInt, UInt) -> Int32).self)
    }()
}
