import Synchronization
import BenchCore

/// Counts and latency of a ``HTTPClient/runClosedLoop(_:to:concurrency:duration:timeout:onOutcome:)`` run.
public struct ClosedLoopSummary: Sendable {
    /// Requests that got a whole response (any status).
    public var succeeded: Int
    /// Requests that failed with an ``HTTPClientError``.
    public var failed: Int
    /// Nanoseconds from handing each request to the loop to its outcome (success or failure). In a closed loop
    /// the next request waits for this one, so this is the service time; there is no schedule to correct for.
    public var latency: Histogram

    /// An empty summary.
    public init() {
        succeeded = 0
        failed = 0
        latency = Histogram(significantDigits: 3)
    }

    /// Adds the counts and latencies of another loop's summary. O(histogram buckets).
    mutating func merge(_ other: ClosedLoopSummary) {
        succeeded += other.succeeded
        failed += other.failed
        // Both histograms auto-resize with the same precision, so adding cannot fail.
        try? latency.add(other.latency)
    }
}

/// Request ids shared by every loop of one client.
final class RequestIDs: Sendable {
    private let counter = Atomic<UInt64>(0)

    func next() -> UInt64 { counter.add(1, ordering: .relaxed).newValue }
}

/// Keeps a fixed number of requests in flight on one engine until a deadline, re-issuing from the loop thread.
final class ClosedLoopDriver: @unchecked Sendable {
    // @unchecked Sendable: created on the caller's thread, then used only on `engine.loop`'s thread (the start
    // job and the completion callbacks run there); the caller keeps no reference.
    private let engine: ClientEngine
    private let request: HTTPRequest
    private let endpoint: HTTPEndpoint
    private let end: UInt64
    private let timeout: UInt64?
    private let ids: RequestIDs
    private let onOutcome: @Sendable (ClientJob.Outcome) -> Void
    private let finished: UnsafeContinuation<ClosedLoopSummary, Never>
    private var inFlight = 0
    private var summary = ClosedLoopSummary()
    /// `issue()` as a job for `runSoon`, made once rather than once per request. It holds the driver (a pending
    /// re-issue may be the only reference left); the cycle is broken when the last slot finishes.
    private var reissue: () -> Void = {}

    init(
        engine: ClientEngine, request: HTTPRequest, endpoint: HTTPEndpoint, end: UInt64, timeout: UInt64?,
        ids: RequestIDs, onOutcome: @escaping @Sendable (ClientJob.Outcome) -> Void,
        finished: UnsafeContinuation<ClosedLoopSummary, Never>
    ) {
        self.engine = engine
        self.request = request
        self.endpoint = endpoint
        self.end = end
        self.timeout = timeout
        self.ids = ids
        self.onOutcome = onOutcome
        self.finished = finished
        reissue = { [self] in issue() }
    }

    func start(slots: Int) {
        inFlight = slots
        for _ in 0..<slots { issue() }
    }

    private func issue() {
        let now = engine.loop.now
        let job = ClientJob(
            request: request, endpoint: endpoint, id: ids.next(), deadline: timeout.map { now &+ $0 },
            completion: .callback { [self] outcome in completed(outcome, issuedAt: now) })
        engine.submit(job)
    }

    private func completed(_ outcome: ClientJob.Outcome, issuedAt: UInt64) {
        let current = engine.loop.now
        _ = summary.latency.record(max(1, current &- issuedAt))
        switch outcome {
        case .success: summary.succeeded += 1
        case .failure: summary.failed += 1
        }
        onOutcome(outcome)
        if current < end, !engine.isShutdown {
            // Deferred: a failure can come back synchronously from submit, and re-issuing inline would recurse.
            engine.loop.runSoon(reissue)
            return
        }
        inFlight -= 1
        if inFlight == 0 {
            reissue = {}
            finished.resume(returning: summary)
        }
    }
}
