/// One object's deadline on an ``EventLoop`` timer heap, kept with at most one live heap entry.
///
/// Moving a deadline later (the common case: every request pushes it forward) touches no heap; the entry fires at
/// the old time, sees the deadline moved and re-arms itself once. Moving it earlier pushes a new entry and leaves
/// the old one stale (dropped when it fires). So the heap stays about as large as the number of objects with
/// deadlines, and a request costs no heap operation at all in steady state.
struct LazyDeadline {
    /// The wanted deadline (monotonic nanoseconds), nil for none.
    private(set) var deadline: UInt64?
    /// The deadline of the live heap entry, if any.
    private var armed: UInt64?

    /// Sets (or clears, with nil) the deadline of `target`.
    /// - Complexity: O(1), or O(log n) when the deadline moves earlier than the live entry.
    mutating func set(_ newDeadline: UInt64?, target: any EventLoopTimerTarget, on loop: EventLoop) {
        deadline = newDeadline
        guard let newDeadline else { return }
        if let armed, armed <= newDeadline { return }
        armed = newDeadline
        loop.schedule(at: newDeadline, target: target)
    }

    /// Call from ``EventLoopTimerTarget/timerFired(entry:now:)``: true when the deadline really passed (it is then
    /// cleared); false for a stale entry or a deadline that moved later (re-armed here).
    mutating func fired(entry: UInt64, now: UInt64, target: any EventLoopTimerTarget, on loop: EventLoop) -> Bool {
        guard entry == armed else { return false }
        armed = nil
        guard let deadline else { return false }
        if deadline <= now {
            self.deadline = nil
            return true
        }
        armed = deadline
        loop.schedule(at: deadline, target: target)
        return false
    }
}
