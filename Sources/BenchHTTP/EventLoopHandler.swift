/// A loop-confined owner of one file descriptor registered with an ``EventLoop``.
///
/// Called only on the loop's thread. Must tolerate spurious readiness (a non-blocking read or write that
/// returns `EAGAIN`).
protocol EventLoopHandler: AnyObject {
    /// `events` is the `epoll_event.events` mask (EPOLLIN, EPOLLOUT, EPOLLERR, EPOLLHUP, EPOLLRDHUP).
    func handle(events: UInt32)
}

/// A loop-confined object that asked the loop to call it back at a deadline (see ``LazyDeadline``).
protocol EventLoopTimerTarget: AnyObject {
    /// A heap entry scheduled for `entry` (monotonic nanoseconds) came due; `now` is the loop's current time.
    func timerFired(entry: UInt64, now: UInt64)
}
