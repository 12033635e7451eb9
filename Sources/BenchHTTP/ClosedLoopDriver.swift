import Synchronization
import BenchCore

/// Counts and latency of a ``HTTPClient/runClosedLoop(_:to:concurrency:duration:timeout:)`` run.
public struct ClosedLoopSummary: Sendable {
    /// Requests that got a whole response (any status).
    public var succeeded: Int
    /// Of `succeeded`, the responses whose status was not 2xx.
    public var nonSuccess: Int
    /// Requests that failed with an ``HTTPClientError``.
    public var failed: Int
    /// The first failure a loop saw (of the first loop that saw one, after merging); nil when none failed.
    public var firstFailure: HTTPClientError?
    /// Nanoseconds from handing each request to the loop to its outcome (success or failure). In a closed loop
    /// the next request waits for this one, so this is the service time; there is no schedule to correct for.
    public var latency: Histogram

    /// An empty summary.
    public init() {
        succeeded = 0
        nonSuccess = 0
        failed = 0
        latency = Histogram(significantDigits: 3)
    }

    /// Adds the counts and latencies of another loop's summary. O(histogram buckets).
    mutating func merge(_ other: ClosedLoopSummary) {
        succeeded += other.succeeded
        nonSuccess += other.nonSuccess
        failed += other.failed
        if firstFailure == nil { firstFailure = other.firstFailure }
        // Both histograms auto-resize with the same precision, so adding cannot fail.
        try? latency.add(other.latency)
    }
}

/// Request ids shared by every loop of one client.
final class RequestIDs: Sendable {
    private let counter = Atomic<UInt64>(0)

    func next() -> UInt64 { counter.add(1, ordering: .relaxed).newValue }
}

/// Keeps a fixed number of requests ("slots") in flight on one engine until a deadline.
///
/// A slot's next request is sent the moment its response is whole: by the connection itself, on the same
/// connection with the request head it already holds, when that connection stays open (the common case, and
/// wrk's way); otherwise through the engine's pool from the loop's next turn. Either way no task hop, no
/// continuation and no closure per request, and the connection builds no ``HTTPResponse``: only the status is
/// read, though every response is still parsed, framed and validated.
final class ClosedLoopDriver: @unchecked Sendable {
    // @unchecked Sendable: created on the caller's thread, then used only on `engine.loop`'s thread (the start
    // job, connections and timers run there); the caller keeps no reference.
    private let engine: ClientEngine
    private let request: HTTPRequest
    private let endpoint: HTTPEndpoint
    private let duration: UInt64
    /// When slots stop re-issuing: ``duration`` after ``start(slots:)`` ran on the loop (not after the caller asked,
    /// which may be much earlier when the caller's task or the loop thread was slow to run).
    private var end: UInt64 = 0
    private let timeout: UInt64?
    /// One id for every job of this loop: they are never cancelled one by one (shutdown fails them all).
    private let id: UInt64
    private let finished: UnsafeContinuation<ClosedLoopSummary, Never>
    private var inFlight = 0
    /// Unchecked exclusivity: changed in place once a request, only on the loop thread, and its changes call out to
    /// nothing (``ClientConnection`` says why and what the check cost).
    @exclusivity(unchecked) private var summary = ClosedLoopSummary()
    /// `issue()` as a job for `runSoon`, made once rather than once per re-issue. It holds the driver (a pending
    /// re-issue may be the only reference left); the cycle is broken when the last slot finishes.
    private var reissue: () -> Void = {}

    init(
        engine: ClientEngine, request: HTTPRequest, endpoint: HTTPEndpoint, duration: UInt64, timeout: UInt64?,
        id: UInt64, finished: UnsafeContinuation<ClosedLoopSummary, Never>
    ) {
        self.engine = engine
        self.request = request
        self.endpoint = endpoint
        self.duration = duration
        self.timeout = timeout
        self.id = id
        self.finished = finished
        reissue = { [self] in issue() }
    }

    func start(slots: Int) {
        end = engine.loop.now &+ duration
        inFlight = slots
        for _ in 0..<slots { issue() }
    }

    /// The deadline of a request issued at `now` (monotonic ns), nil without a timeout.
    func deadline(issuedAt now: UInt64) -> UInt64? { timeout.map { now &+ $0 } }

    /// A whole response with `status` arrived at `now`. True when the slot goes on: the caller then sends the
    /// same request again itself (``ClientJob/reissue(at:deadline:)``) or calls ``issueSoon()``; false when the
    /// slot is done.
    /// - Complexity: O(1): counts and one histogram record.
    func succeeded(status: Int, issuedAt: UInt64, now: UInt64) -> Bool {
        _ = summary.latency.record(max(1, now &- issuedAt))
        summary.succeeded += 1
        if status < 200 || status > 299 { summary.nonSuccess += 1 }
        return continues(at: now)
    }

    /// A request failed; its slot re-issues from the loop's next turn (a failure can come back synchronously from
    /// `submit`, and re-issuing inline would recurse).
    func failed(_ error: HTTPClientError, issuedAt: UInt64) {
        let now = engine.loop.now
        _ = summary.latency.record(max(1, now &- issuedAt))
        summary.failed += 1
        if summary.firstFailure == nil { summary.firstFailure = error }
        if continues(at: now) { issueSoon() }
    }

    /// Issues a slot's next request through the engine after the current event batch.
    func issueSoon() { engine.loop.runSoon(reissue) }

    private func issue() {
        let now = engine.loop.now
        engine.submit(
            ClientJob(
                request: request, endpoint: endpoint, id: id, issuedAt: now, deadline: deadline(issuedAt: now),
                completion: .closedLoop(self)))
    }

    /// Whether a slot whose request finished at `now` sends another; the last slot to stop reports the summary.
    private func continues(at now: UInt64) -> Bool {
        if now < end, !engine.isShutdown { return true }
        inFlight -= 1
        if inFlight == 0 {
            reissue = {}
            finished.resume(returning: summary)
        }
        return false
    }
}
