import Dispatch
import Synchronization
import BenchCore
#if canImport(Glibc)
import Glibc
#endif

/// An HTTP/1.1 server on non-blocking sockets and epoll, for `bench serve` and for tests.
///
/// The handler runs on the event loop thread once per request, in order per connection; pipelined requests are
/// answered in order. A synchronous ``Handler`` answers at once (the emulator answers in microseconds); an
/// ``AsyncHandler`` settles each request later, from any thread, so the loop never blocks while it waits (a
/// proxy waiting for its upstream): the connection reads nothing more until that request is settled.
/// Keep-alive, `Connection: close` and HTTP/1.0 are honoured. Limits are answered with 431 (header block),
/// 413 (body), 400 (malformed framing), 408 (headers not in within ``Configuration/headerTimeout``) or 501
/// (unsupported Transfer-Encoding), then the connection is closed.
public final class HTTPServer: Sendable {
    public typealias Handler = @Sendable (HTTPRequest) -> HTTPResponse
    /// Receives a request and a completion to call exactly once, from any thread, now or later.
    public typealias AsyncHandler = @Sendable (HTTPRequest, @escaping @Sendable (HTTPServerReply) -> Void) -> Void

    /// The two handler forms.
    enum Responder: Sendable {
        case immediate(Handler)
        case deferred(AsyncHandler)
    }

    public struct Configuration: Sendable {
        /// Limits on each request.
        public var limits: HTTPLimits
        /// Time from a request's first byte (or from accept) to the end of its header block.
        public var headerTimeout: Duration
        /// How long a connection may make no progress (idle keep-alive, stalled body or reader) before closing.
        public var idleTimeout: Duration
        /// How long a connection is drained after our last answer before it is closed.
        public var lingerTimeout: Duration
        /// How long ``HTTPServer/stop()`` lets busy connections finish before closing them.
        public var shutdownGracePeriod: Duration
        /// Event loop threads (connections are spread over them).
        public var eventLoopThreads: Int
        /// `listen(2)` backlog.
        public var backlog: Int32

        public init(
            limits: HTTPLimits = HTTPLimits(maxBodyBytes: 1024 * 1024), headerTimeout: Duration = .seconds(10),
            idleTimeout: Duration = .seconds(60), lingerTimeout: Duration = .seconds(2),
            shutdownGracePeriod: Duration = .seconds(5), eventLoopThreads: Int = 1, backlog: Int32 = 1024
        ) {
            self.limits = limits
            self.headerTimeout = headerTimeout
            self.idleTimeout = idleTimeout
            self.lingerTimeout = lingerTimeout
            self.shutdownGracePeriod = shutdownGracePeriod
            self.eventLoopThreads = eventLoopThreads
            self.backlog = backlog
        }
    }

    private enum State {
        case ready
        case running(engines: [ServerEngine], port: Int)
        case stopped
    }

    public let host: String
    public let requestedPort: Int
    public let configuration: Configuration
    private let responder: Responder
    private let state = Mutex(State.ready)

    /// - Parameters:
    ///   - host: the IPv4 address to bind (only that one); `127.0.0.1` by default.
    ///   - port: the port, 0 for any free one (see the result of ``start()``).
    public convenience init(
        host: String = "127.0.0.1", port: Int, configuration: Configuration = Configuration(),
        handler: @escaping Handler
    ) {
        self.init(host: host, port: port, configuration: configuration, responder: .immediate(handler))
    }

    /// A server whose handler settles requests asynchronously (see ``AsyncHandler`` and ``HTTPServerReply``).
    public convenience init(
        host: String = "127.0.0.1", port: Int, configuration: Configuration = Configuration(),
        asyncHandler: @escaping AsyncHandler
    ) {
        self.init(host: host, port: port, configuration: configuration, responder: .deferred(asyncHandler))
    }

    private init(host: String, port: Int, configuration: Configuration, responder: Responder) {
        self.host = host
        requestedPort = port
        self.configuration = configuration
        self.responder = responder
    }

    deinit { stop() }

    /// Binds, listens and starts serving. Returns the bound port.
    /// - Throws: ``HTTPSystemError`` when the address is bad, in use, or the server was already started.
    public func start() throws(HTTPSystemError) -> Int {
        try state.withLock { (state) throws(HTTPSystemError) -> Int in
            guard case .ready = state else {
                throw HTTPSystemError(operation: "start", message: "the server was already started")
            }
            let (fd, port) = try Socket.listen(host: host, port: requestedPort, backlog: configuration.backlog)
            var engines: [ServerEngine] = []
            do throws(HTTPSystemError) {
                for index in 0..<max(1, configuration.eventLoopThreads) {
                    let loop = try EventLoop(name: "bench-http-server-\(index)")
                    engines.append(ServerEngine(loop: loop, configuration: configuration, responder: responder))
                }
            } catch {
                close(fd)
                for engine in engines { engine.loop.shutdownAndWait() }
                throw error
            }
            let listener = Listener(fd: fd, engines: engines)
            let registered = SendableBox(listener)
            let first = engines[0]
            first.loop.execute { first.attach(registered.value) }
            state = .running(engines: engines, port: port)
            return port
        }
    }

    /// The bound port while running, else nil.
    public var port: Int? {
        state.withLock { if case .running(_, let port) = $0 { port } else { nil } }
    }

    /// Stops gracefully: stops accepting, closes idle connections, lets requests in progress finish (answered with
    /// `Connection: close`) for up to ``Configuration/shutdownGracePeriod``, then closes the rest and stops the
    /// loop threads. Blocks until done. Idempotent.
    public func stop() {
        let engines: [ServerEngine] = state.withLock { state in
            guard case .running(let engines, _) = state else {
                state = .stopped
                return []
            }
            state = .stopped
            return engines
        }
        guard !engines.isEmpty else { return }
        let grace = configuration.shutdownGracePeriod.nanosecondsClamped
        let first = engines[0]
        first.loop.execute { first.closeListener() }
        let done = DispatchSemaphore(value: 0)
        for engine in engines {
            let deadline = engine.loop.now &+ grace
            if !engine.loop.execute({ engine.stop(deadline: deadline, done: done) }) { done.signal() }
        }
        for _ in engines { done.wait() }
        for engine in engines { engine.loop.shutdownAndWait() }
    }
}

/// Carries a loop-confined object into the job that registers it on its loop.
struct SendableBox<Value: AnyObject>: @unchecked Sendable {
    // @unchecked Sendable: the value is created on one thread and only used, after the hand-off, on the loop
    // thread that runs the job; the creating thread drops its reference.
    let value: Value

    init(_ value: Value) { self.value = value }
}
