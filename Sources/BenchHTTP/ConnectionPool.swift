import BenchCore
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// The keep-alive connections of one endpoint on one event loop, and the FIFO of requests waiting for one.
///
/// Loop-confined. A request takes the most recently freed idle connection (warm caches), else opens a new one while
/// under `maxConnections`, else waits; a freed connection goes to the oldest waiter first.
final class ConnectionPool: EventLoopTimerTarget {
    let loop: EventLoop
    let endpoint: HTTPEndpoint
    /// `Host: host:port\r\n`, written into every request head that has no Host field.
    let hostField: [UInt8]
    let idleTimeout: UInt64
    private let address: Result<sockaddr_in, HTTPSystemError>
    private let maxConnections: Int
    private let connectTimeout: UInt64
    private let limits: HTTPLimits
    private let keepsResponseHeaders: Bool
    private let counters: HTTPClientCounters

    private var idle: [ClientConnection] = []
    private var connections: [ObjectIdentifier: ClientConnection] = [:]
    /// Unchecked exclusivity: read once a request (``hasWaiters``), only on the loop thread (``ClientConnection``
    /// says why and what the check cost).
    @exclusivity(unchecked) private var waiters: [ClientJob] = []
    private var waitersHead = 0
    private var timer = LazyDeadline()

    init(
        endpoint: HTTPEndpoint, loop: EventLoop, maxConnections: Int, configuration: HTTPClient.Configuration,
        counters: HTTPClientCounters
    ) {
        self.endpoint = endpoint
        self.loop = loop
        self.maxConnections = max(1, maxConnections)
        self.counters = counters
        hostField = HTTPSerializer.hostField(for: endpoint)
        idleTimeout = configuration.idleTimeout.nanosecondsClamped
        connectTimeout = configuration.connectTimeout.nanosecondsClamped
        limits = configuration.responseLimits
        keepsResponseHeaders = configuration.keepsResponseHeaders
        do throws(HTTPSystemError) {
            address = .success(try Socket.ipv4Address(host: endpoint.host, port: endpoint.port))
        } catch {
            address = .failure(error)
        }
    }

    /// Open connections (connecting, idle or busy).
    var openCount: Int { connections.count }
    private var waiterCount: Int { waiters.count - waitersHead }
    /// Whether requests are queued for a connection (a closed loop then hands its connection back to them).
    var hasWaiters: Bool { waiterCount > 0 }

    /// Sends `job` on an idle connection, a new one, or queues it.
    func submit(_ job: ClientJob) {
        if let connection = idle.popLast() {
            connection.start(job)
        } else if connections.count < maxConnections {
            open(for: job)
        } else {
            waiters.append(job)
            if let deadline = job.deadline, deadline < (timer.deadline ?? .max) {
                timer.set(deadline, target: self, on: loop)
            }
        }
    }

    /// A reused connection turned out closed before a byte of `job` was written: send it again elsewhere.
    func retryOnStaleConnection(_ job: ClientJob) {
        var job = job
        job.staleRetries += 1
        counters.staleRetries.add(1, ordering: .relaxed)
        if job.staleRetries > maxConnections + 1 {
            job.fail(.reset, requestSent: false, "every pooled connection to \(endpoint) was closed by the server")
        } else {
            submit(job)
        }
    }

    /// A connection finished its request (or just connected) and can take another.
    func connectionIsFree(_ connection: ClientConnection) {
        if let job = popWaiter() {
            connection.start(job)
        } else {
            idle.append(connection)
        }
    }

    /// A connection closed: forget it, and let a waiter open a replacement.
    func connectionClosed(_ connection: ClientConnection) {
        connections[ObjectIdentifier(connection)] = nil
        if let index = idle.firstIndex(where: { $0 === connection }) { idle.remove(at: index) }
        counters.closed.add(1, ordering: .relaxed)
        guard waiterCount > 0 else { return }
        // Deferred: opening here could fail at once and close again, recursing once per waiter.
        loop.runSoon { [self] in
            if connections.count < maxConnections, let job = popWaiter() { open(for: job) }
        }
    }

    func requestCompleted() { counters.completed.add(1, ordering: .relaxed) }

    /// Fails request `id` with `cancelled` if it is here; true when found.
    func cancel(_ id: UInt64) -> Bool {
        if let index = waiters[waitersHead...].firstIndex(where: { $0.id == id }) {
            let job = waiters.remove(at: index)
            job.fail(.cancelled, requestSent: false, "the request was cancelled while waiting for a connection")
            return true
        }
        guard let connection = connections.values.first(where: { $0.jobID == id }) else { return false }
        connection.abort(.cancelled, "the request was cancelled")
        return true
    }

    /// Fails every waiting and in-flight request with `cancelled` and closes every connection.
    func shutdown() {
        while let job = popWaiter() {
            job.fail(.cancelled, requestSent: false, "the client was shut down")
        }
        for connection in Array(connections.values) { connection.abort(.cancelled, "the client was shut down") }
    }

    func timerFired(entry: UInt64, now: UInt64) {
        guard timer.fired(entry: entry, now: now, target: self, on: loop) else { return }
        var kept: [ClientJob] = []
        var next: UInt64?
        for job in waiters[waitersHead...] {
            if let deadline = job.deadline, deadline <= now {
                job.fail(.timeout, requestSent: false, "request timed out waiting for a connection to \(endpoint)")
            } else {
                kept.append(job)
                if let deadline = job.deadline { next = min(next ?? .max, deadline) }
            }
        }
        waiters = kept
        waitersHead = 0
        timer.set(next, target: self, on: loop)
    }

    private func popWaiter() -> ClientJob? {
        guard waitersHead < waiters.count else { return nil }
        let job = waiters[waitersHead]
        waitersHead += 1
        if waitersHead == waiters.count {
            waiters.removeAll(keepingCapacity: true)
            waitersHead = 0
        } else if waitersHead >= 1024, waitersHead * 2 >= waiters.count {
            waiters.removeFirst(waitersHead)
            waitersHead = 0
        }
        return job
    }

    /// Opens a connection that will carry `job` once connected.
    private func open(for job: ClientJob) {
        let address: sockaddr_in
        let fd: Int32
        do throws(HTTPSystemError) {
            address = try self.address.get()
            fd = try Socket.makeTCP()
        } catch {
            job.fail(.connect, requestSent: false, "connect to \(endpoint): \(error)")
            return
        }
        Socket.setOption(fd, level: Int32(IPPROTO_TCP), name: TCP_NODELAY)
        let connection = ClientConnection(
            pool: self, fd: fd, limits: limits, keepsHeaders: keepsResponseHeaders)
        let events = Epoll.input | Epoll.output | Epoll.readHangUp
        guard loop.register(fd, events: events, handler: connection) else {
            let error = HTTPSystemError(operation: "epoll_ctl")
            Glibc.close(fd)
            job.fail(.connect, requestSent: false, "connect to \(endpoint): \(error)")
            return
        }
        connections[ObjectIdentifier(connection)] = connection
        counters.opened.add(1, ordering: .relaxed)
        connection.connect(to: address, job: job, connectTimeout: connectTimeout)
    }
}
