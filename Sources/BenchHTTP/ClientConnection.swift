#if canImport(Glibc)
import Glibc
#endif

/// One keep-alive HTTP/1.1 connection of a ``ConnectionPool``: connects, writes one request with a single
/// `sendmsg` of head and body, parses the response, then goes back to the pool. No pipelining.
///
/// Loop-confined: created, driven and closed only on its pool's event loop thread. The head buffer and the parser
/// (with its input buffer) are reused for every request, so a request allocates only its response; a closed
/// loop's next request is the same head sent again, and its response is only parsed, so it allocates nothing.
///
/// The properties every request reads or changes in place are `@exclusivity(unchecked)`: one thread touches them,
/// and no access to one of them calls out to code that could reach it again (the parser calls nothing back; the
/// head and body are only handed to `sendmsg`). Checked, each access cost the runtime's access-set bookkeeping,
/// about 100 instructions a request each (callgrind, `docs/performance-journal.md`).
final class ClientConnection: EventLoopHandler, EventLoopTimerTarget {
    enum State {
        case connecting, idle, active, closed
    }

    /// Strong, so that the hot path pays no unowned-reference check. The pool owns its open connections and
    /// closes every one at shutdown; a closed connection is dropped by pool and loop, releasing this reference.
    private let pool: ConnectionPool
    let fd: Int32
    private(set) var state = State.connecting
    @exclusivity(unchecked) private var parser: HTTPParser
    @exclusivity(unchecked) private var job: ClientJob?
    @exclusivity(unchecked) private var head: [UInt8] = []
    /// The body of the request in flight (kept here so that writing it never copies the job).
    @exclusivity(unchecked) private var body: [UInt8] = []
    /// Bytes of head and body.
    private var requestBytes = 0
    private var isHeadRequest = false
    private var written = 0
    private var hasServedRequest = false
    private var writeInterest = true
    private var connectDeadline: UInt64?
    private var idleDeadline: UInt64?
    private var timer = LazyDeadline()

    private let loop: EventLoop
    private var requestSent: Bool { job != nil && written == requestBytes }

    init(pool: ConnectionPool, fd: Int32, limits: HTTPLimits, keepsHeaders: Bool) {
        self.pool = pool
        loop = pool.loop
        self.fd = fd
        parser = HTTPParser(role: .response, limits: limits, keepsFields: keepsHeaders)
        head.reserveCapacity(512)
    }

    /// The id of the request in flight, if any.
    var jobID: UInt64? { job?.id }

    // MARK: - Driving

    /// Starts a non-blocking connect (registered for writability); `job`, if any, is sent once connected.
    func connect(to address: sockaddr_in, job: ClientJob?, connectTimeout: UInt64) {
        self.job = job
        let result = Socket.connect(fd, to: address)
        if result == 0 {
            connected()
        } else if result == EINPROGRESS {
            connectDeadline = loop.now &+ connectTimeout
            updateTimer()
        } else {
            failConnect(result)
        }
    }

    /// Sends `job` on this idle or just-connected connection.
    func start(_ job: ClientJob) {
        self.job = job
        idleDeadline = nil
        state = .active
        head.removeAll(keepingCapacity: true)
        HTTPSerializer.appendRequestHead(job.request, hostField: pool.hostField, into: &head)
        body = job.request.body
        requestBytes = head.count + body.count
        isHeadRequest = job.request.method == "HEAD"
        parser.discardsContent = !job.wantsContent
        send(updatingTimer: true)
    }

    /// Writes the request held in `head` and `body` for the current `job`: a new one, or one a closed loop reissued.
    /// A reissued job's deadline only moves later, so it leaves the timer alone (`updatingTimer` false): the armed
    /// entry fires at the old deadline, ``timerFired(entry:now:)`` finds nothing due and re-arms it.
    /// - Complexity: no serialization, no allocation; usually one `sendmsg`.
    private func send(updatingTimer: Bool) {
        written = 0
        if isHeadRequest { parser.nextResponseHasNoBody = true }
        if updatingTimer { updateTimer() }
        flush()
    }

    /// Fails the request in flight (if any) with `kind` and closes the connection.
    func abort(_ kind: HTTPClientError.Kind, _ message: String) {
        let sent = requestSent
        let failed = job
        job = nil
        close()
        failed?.fail(kind, requestSent: sent, message)
    }

    // MARK: - Events

    func handle(events: UInt32) {
        switch state {
        case .connecting:
            let error = Socket.pendingError(fd)
            if error != 0 {
                failConnect(error)
            } else if events & (Epoll.output | Epoll.error | Epoll.hangUp) != 0 {
                connected()
            }
        case .idle:
            readWhileIdle()
        case .active:
            if events & Epoll.output != 0, job != nil, written < requestBytes { flush() }
            if state == .active, events & (Epoll.input | Epoll.hangUp | Epoll.error | Epoll.readHangUp) != 0 {
                readResponse()
            }
        case .closed:
            break
        }
    }

    func timerFired(entry: UInt64, now: UInt64) {
        // A closed connection's stale heap entry may outlive its pool: touch nothing then.
        guard state != .closed, timer.fired(entry: entry, now: now, target: self, on: loop) else { return }
        if state == .connecting, let connectDeadline, connectDeadline <= now {
            failConnect(ETIMEDOUT)
            return
        }
        if let job, let deadline = job.deadline, deadline <= now {
            if state == .connecting {
                self.job = nil  // keep connecting: the connection can still serve the next request
                job.fail(.timeout, requestSent: false, "request timed out while connecting")
            } else {
                abort(.timeout, "request timed out")
                return
            }
        }
        if state == .idle, let idleDeadline, idleDeadline <= now {
            close()
            return
        }
        updateTimer()
    }

    // MARK: - Internals

    private func connected() {
        connectDeadline = nil
        setWriteInterest(false)
        if let job {
            start(job)
        } else {
            becomeIdle()
        }
    }

    private func failConnect(_ code: Int32) {
        let failed = job
        job = nil
        close()
        let reason = code == ETIMEDOUT ? "connect timed out" : String(cString: strerror(code))
        failed?.fail(.connect, requestSent: false, "connect to \(pool.endpoint): \(reason)")
    }

    private func becomeIdle() {
        state = .idle
        idleDeadline = loop.now &+ pool.idleTimeout
        updateTimer()
        pool.connectionIsFree(self)
    }

    /// Writes the rest of head and body; arms EPOLLOUT when the socket is full.
    private func flush() {
        let total = requestBytes
        while written < total {
            let count = writeRest()
            if count >= 0 {
                written += count
                continue
            }
            let code = errno
            if code == EINTR { continue }
            if code == EAGAIN || code == EWOULDBLOCK {
                setWriteInterest(true)
                return
            }
            connectionLost("send: \(String(cString: strerror(code)))")
            return
        }
        setWriteInterest(false)
    }

    /// One `sendmsg` of the unwritten part of head and body. - Complexity: one syscall, no allocation.
    private func writeRest() -> Int {
        head.withUnsafeBytes { head in
            body.withUnsafeBytes { body in
                var vectors = (iovec(), iovec())
                var count = 0
                if written < head.count, let base = head.baseAddress {
                    vectors.0 = iovec(
                        iov_base: UnsafeMutableRawPointer(mutating: base + written), iov_len: head.count - written)
                    count = 1
                    if let bodyBase = body.baseAddress, !body.isEmpty {
                        vectors.1 = iovec(iov_base: UnsafeMutableRawPointer(mutating: bodyBase), iov_len: body.count)
                        count = 2
                    }
                } else if let bodyBase = body.baseAddress {
                    let offset = written - head.count
                    vectors.0 = iovec(
                        iov_base: UnsafeMutableRawPointer(mutating: bodyBase + offset), iov_len: body.count - offset)
                    count = 1
                }
                return withUnsafeMutablePointer(to: &vectors) { pointer in
                    pointer.withMemoryRebound(to: iovec.self, capacity: 2) { vectors in
                        var message = msghdr()
                        message.msg_iov = vectors
                        message.msg_iovlen = count
                        return Glibc.sendmsg(fd, &message, Int32(MSG_NOSIGNAL))
                    }
                }
            }
        }
    }

    /// Reads what arrived and completes the response when it is whole.
    private func readResponse() {
        let buffer = loop.readBuffer
        for _ in 0..<64 {
            let count = read(fd, buffer.baseAddress, buffer.count)
            if count > 0 {
                let received = UnsafeRawBufferPointer(rebasing: buffer[0..<count])
                do {
                    if let (message, followedByMore) = try parser.nextMessage(appending: received) {
                        complete(message, followedByMore: followedByMore)
                        return
                    }
                } catch {
                    abort(.protocolError, "invalid response from \(pool.endpoint): \(error)")
                    return
                }
                if count < buffer.count { return }
            } else if count == 0 {
                endOfStream()
                return
            } else {
                let code = errno
                if code == EINTR { continue }
                if code == EAGAIN || code == EWOULDBLOCK { return }
                connectionLost("read: \(String(cString: strerror(code)))")
                return
            }
        }
    }

    /// The peer closed: a response read to EOF completes, anything else is a reset.
    private func endOfStream() {
        do {
            if let message = try parser.finishAtEOF() {
                complete(message, followedByMore: false)
                return
            }
        } catch {
            abort(.reset, "connection closed by \(pool.endpoint) in the middle of the response")
            return
        }
        connectionLost("connection closed by \(pool.endpoint) before the response")
    }

    /// The connection broke. A request that never got a byte onto a reused connection is retried elsewhere;
    /// otherwise it fails with `reset` and tells whether all of it had been written.
    private func connectionLost(_ message: String) {
        guard let lost = job else {
            close()
            return
        }
        if written == 0, hasServedRequest {
            job = nil
            close()
            pool.retryOnStaleConnection(lost)
        } else {
            abort(.reset, message)
        }
    }

    /// Delivers a whole response. A closed loop's slot that goes on sends its next request right here when the
    /// connection stays open and no other request waits for a connection.
    /// `followedByMore`: bytes past the response arrived (never, without pipelining): the connection is done.
    private func complete(_ message: HTTPParser.Message, followedByMore: Bool) {
        guard let completion = job?.completion, let issuedAt = job?.issuedAt else {
            close()
            return
        }
        let reusable = message.keepAlive && written == requestBytes && !followedByMore
        hasServedRequest = true
        pool.requestCompleted()
        switch completion {
        case .continuation(let continuation):
            job = nil
            let response = HTTPResponse(
                status: message.status, reason: message.reason, headers: message.headers, body: message.body)
            continuation.resume(returning: .success(response))
            if reusable { becomeIdle() } else { close() }
        case .closedLoop(let driver):
            let now = loop.now
            let goesOn = driver.succeeded(status: message.status, issuedAt: issuedAt, now: now)
            if goesOn, reusable, !pool.hasWaiters {
                job?.reissue(at: now, deadline: driver.deadline(issuedAt: now))
                send(updatingTimer: false)
                return
            }
            job = nil
            if reusable { becomeIdle() } else { close() }
            if goesOn { driver.issueSoon() }
        }
    }

    /// An idle connection became readable: the server closed it (or sent stray bytes). Either way it is done.
    private func readWhileIdle() {
        let count = read(fd, loop.readBuffer.baseAddress, loop.readBuffer.count)
        if count < 0, errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR { return }
        close()
    }

    private func setWriteInterest(_ wanted: Bool) {
        guard wanted != writeInterest, state != .closed else { return }
        writeInterest = wanted
        loop.modify(fd, events: Epoll.input | Epoll.readHangUp | (wanted ? Epoll.output : 0))
    }

    private func updateTimer() {
        var deadline = state == .connecting ? connectDeadline : nil
        if let jobDeadline = job?.deadline { deadline = min(deadline ?? .max, jobDeadline) }
        if state == .idle, let idleDeadline { deadline = min(deadline ?? .max, idleDeadline) }
        timer.set(deadline, target: self, on: loop)
    }

    /// Closes the socket and tells the pool; the caller has already dealt with `job`.
    func close() {
        guard state != .closed else { return }
        state = .closed
        timer.set(nil, target: self, on: loop)
        loop.deregisterAndClose(fd)
        pool.connectionClosed(self)
    }
}
