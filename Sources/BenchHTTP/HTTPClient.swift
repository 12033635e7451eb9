import Synchronization
import BenchCore

/// A keep-alive HTTP/1.1 client on non-blocking sockets and epoll, built to cost less CPU per request than the
/// servers a benchmark measures.
///
/// Each endpoint gets a pool of at most ``Configuration/maxConnectionsPerEndpoint`` connections; requests wait FIFO
/// for a free one; one request is in flight per connection (no pipelining). A pooled connection the server closed
/// is replaced, and a request is retried transparently only when not one byte of it was written. Every failure is
/// an ``HTTPClientError`` that says whether the request was fully sent.
///
/// Threads: requests are handed to the event loop thread(s) (round robin when there are several, each with its
/// share of the connection limit); callers only suspend on a continuation.
public final class HTTPClient: Sendable {
    public struct Configuration: Sendable {
        /// Most connections per endpoint (across all loops).
        public var maxConnectionsPerEndpoint: Int
        /// Time allowed for a TCP connect.
        public var connectTimeout: Duration
        /// Default request timeout (queueing + connect + send + whole response) when `execute` passes nil;
        /// nil for none.
        public var requestTimeout: Duration?
        /// How long a pooled connection may stay unused before it is closed.
        public var idleTimeout: Duration
        /// Limits on each response.
        public var responseLimits: HTTPLimits
        /// Event loop threads.
        public var eventLoopThreads: Int
        /// Whether responses carry their header fields. `false` for load loops that never read them
        /// (`bench http-load`, like wrk): the framing fields are still read, but no `String` is made per field.
        public var keepsResponseHeaders = true

        public init(
            maxConnectionsPerEndpoint: Int = 8, connectTimeout: Duration = .seconds(5),
            requestTimeout: Duration? = .seconds(30), idleTimeout: Duration = .seconds(60),
            responseLimits: HTTPLimits = HTTPLimits(), eventLoopThreads: Int = 1
        ) {
            self.maxConnectionsPerEndpoint = maxConnectionsPerEndpoint
            self.connectTimeout = connectTimeout
            self.requestTimeout = requestTimeout
            self.idleTimeout = idleTimeout
            self.responseLimits = responseLimits
            self.eventLoopThreads = eventLoopThreads
        }
    }

    /// Counters since the client was created.
    public struct Statistics: Sendable, Equatable {
        /// TCP connections opened (connect attempts that got a socket).
        public var connectionsOpened: Int
        /// Connections closed (by either side, or failed to connect).
        public var connectionsClosed: Int
        /// Responses received whole.
        public var requestsCompleted: Int
        /// Requests moved off a pooled connection found closed before a byte was written.
        public var staleConnectionRetries: Int
    }

    public let configuration: Configuration
    private let engines: [ClientEngine]
    private let counters = HTTPClientCounters()
    private let nextID = RequestIDs()
    private let nextEngine = Atomic<Int>(0)
    private let isShutdown = Atomic<Bool>(false)

    /// Starts the event loop thread(s). Throws only if the kernel refuses epoll or eventfd descriptors.
    public init(configuration: Configuration = Configuration()) throws(HTTPSystemError) {
        self.configuration = configuration
        let loopCount = max(1, configuration.eventLoopThreads)
        var engines: [ClientEngine] = []
        for index in 0..<loopCount {
            let loop = try EventLoop(name: "bench-http-client-\(index)")
            engines.append(
                ClientEngine(loop: loop, configuration: configuration, counters: counters, loopCount: loopCount))
        }
        self.engines = engines
    }

    deinit { shutdown() }

    public var statistics: Statistics {
        Statistics(
            connectionsOpened: counters.opened.load(ordering: .relaxed),
            connectionsClosed: counters.closed.load(ordering: .relaxed),
            requestsCompleted: counters.completed.load(ordering: .relaxed),
            staleConnectionRetries: counters.staleRetries.load(ordering: .relaxed))
    }

    /// Sends `request` to `endpoint` and returns the whole response.
    ///
    /// - Parameter timeout: overrides ``Configuration/requestTimeout`` for this request (covers waiting for a
    ///   connection, connecting, sending and receiving).
    /// - Throws: ``HTTPClientError``; `requestSent` tells whether the server may have acted on the request.
    /// - Complexity: one continuation and the response; the loop thread does the I/O.
    public func execute(
        _ request: HTTPRequest, to endpoint: HTTPEndpoint, timeout: Duration? = nil
    ) async throws(HTTPClientError) -> HTTPResponse {
        let id = nextID.next()
        let engine = engines.count == 1
            ? engines[0] : engines[nextEngine.add(1, ordering: .relaxed).newValue % engines.count]
        let budget = timeout ?? configuration.requestTimeout
        let issuedAt = SystemClock.monotonicNanoseconds()
        let deadline = budget.map { issuedAt &+ $0.nanosecondsClamped }
        let outcome = await withTaskCancellationHandler {
            await withUnsafeContinuation { (continuation: UnsafeContinuation<ClientJob.Outcome, Never>) in
                let job = ClientJob(
                    request: request, endpoint: endpoint, id: id, issuedAt: issuedAt, deadline: deadline,
                    completion: .continuation(continuation))
                if Task.isCancelled {
                    job.fail(.cancelled, requestSent: false, "the request was cancelled")
                } else if !engine.loop.execute({ engine.submit(job) }) {
                    job.fail(.cancelled, requestSent: false, "the client was shut down")
                }
            }
        } onCancel: {
            engine.loop.execute { engine.cancel(id) }
        }
        return try outcome.get()
    }

    /// Keeps `concurrency` copies of `request` in flight for `duration` (counted from when each loop thread takes
    /// the run up, so a slow start does not eat into it), issuing each next one from the event loop
    /// thread the moment the previous completes (like wrk: no task hop per request), and returns the counts.
    ///
    /// Responses are parsed and validated but not kept: the summary counts them by status class, like wrk.
    /// - Complexity: per request, the I/O, parsing and one histogram record; no allocation, continuation or task
    ///   switch while the connection stays open.
    public func runClosedLoop(
        _ request: HTTPRequest, to endpoint: HTTPEndpoint, concurrency: Int, duration: Duration,
        timeout: Duration? = nil
    ) async -> ClosedLoopSummary {
        let budget = (timeout ?? configuration.requestTimeout)?.nanosecondsClamped
        let share = max(1, concurrency)
        var summary = ClosedLoopSummary()
        await withTaskGroup(of: ClosedLoopSummary.self) { group in
            for (index, engine) in engines.enumerated() {
                let slots = share / engines.count + (index < share % engines.count ? 1 : 0)
                guard slots > 0 else { continue }
                group.addTask { [nextID] in
                    await withUnsafeContinuation { (continuation: UnsafeContinuation<ClosedLoopSummary, Never>) in
                        let driver = ClosedLoopDriver(
                            engine: engine, request: request, endpoint: endpoint,
                            duration: duration.nanosecondsClamped, timeout: budget, id: nextID.next(),
                            finished: continuation)
                        if !engine.loop.execute({ driver.start(slots: slots) }) {
                            continuation.resume(returning: ClosedLoopSummary())
                        }
                    }
                }
            }
            for await part in group { summary.merge(part) }
        }
        return summary
    }

    /// Fails every pending request with `cancelled`, closes every connection and stops the loop threads.
    /// Blocks until they have exited; later `execute` calls fail with `cancelled`. Idempotent.
    public func shutdown() {
        guard !isShutdown.exchange(true, ordering: .acquiringAndReleasing) else { return }
        for engine in engines {
            engine.loop.execute { engine.shutdown() }
            engine.loop.shutdownAndWait()
        }
    }
}
