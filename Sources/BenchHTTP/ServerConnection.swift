#if canImport(Glibc)
import Glibc
#endif

/// One accepted connection of an ``HTTPServer``: parses requests (pipelined ones too), calls the handler for each
/// in order, and writes the responses back in one buffer.
///
/// With an asynchronous handler at most one request is awaited at a time: reading pauses (later pipelined requests
/// wait in the parser) and the idle and header timers stop until the reply comes back through the loop's queue.
///
/// Loop-confined. Errors are answered with their status (400, 408, 413, 431, 501) and `Connection: close`; the
/// socket is then half-closed and drained for a short linger so the client reads the answer rather than a reset.
final class ServerConnection: EventLoopHandler, EventLoopTimerTarget {
    private enum Phase {
        case open, closingAfterFlush, lingering, closed
    }

    /// Responses buffered beyond this stop reading until the client catches up (bounds pipelined floods).
    private static let maxBufferedOutput = 256 * 1024

    private unowned let engine: ServerEngine
    let fd: Int32
    private var phase = Phase.open
    private var parser: HTTPParser
    private var out: [UInt8] = []
    private var outOffset = 0
    private var servedRequests = 0
    private var readPaused = false
    private var writeInterest = false
    private var headDeadline: UInt64?
    private var activityDeadline: UInt64?
    private var lingerDeadline: UInt64?
    private var timer = LazyDeadline()
    /// The request whose asynchronous reply is awaited, if any.
    private var awaited: Awaited?
    /// Numbers awaited requests, so a stale or repeated completion is ignored.
    private var awaitedSerial = 0

    /// How to frame the answer to an awaited request once it comes.
    private struct Awaited {
        let serial: Int
        let headOnly: Bool
        let keepAlive: Bool
        let versionMinor: Int
    }

    private let loop: EventLoop

    init(engine: ServerEngine, fd: Int32) {
        self.engine = engine
        loop = engine.loop
        self.fd = fd
        parser = HTTPParser(role: .request, limits: engine.configuration.limits)
    }

    /// Whether nothing is in progress: no partial request and no unsent response.
    var isIdle: Bool { phase == .open && awaited == nil && !parser.hasPartialMessage && outOffset == out.count }

    /// Starts the header timer; call once registered.
    func started() {
        headDeadline = loop.now &+ engine.headerTimeout
        refreshTimer()
    }

    /// Asks the connection to finish what it is doing and close (server stopping).
    func stopGracefully() {
        if isIdle { close() }
    }

    func handle(events: UInt32) {
        if events & Epoll.output != 0 { flush() }
        if phase != .closed, events & (Epoll.input | Epoll.hangUp | Epoll.error | Epoll.readHangUp) != 0 {
            readAvailable()
        }
    }

    func timerFired(entry: UInt64, now: UInt64) {
        // A closed connection's stale heap entry may outlive its engine: touch nothing then.
        guard phase != .closed, timer.fired(entry: entry, now: now, target: self, on: loop) else { return }
        switch phase {
        case .open:
            if let headDeadline, headDeadline <= now {
                respondWithError(status: 408, "request headers not received within the header timeout")
                flush()
            } else if let activityDeadline, activityDeadline <= now {
                close()
            }
        case .closingAfterFlush, .lingering:
            if (lingerDeadline ?? .max) <= now || (activityDeadline ?? .max) <= now { close() }
        case .closed:
            return
        }
        refreshTimer()
    }

    // MARK: - Reading and answering

    private func readAvailable() {
        let buffer = loop.readBuffer
        for _ in 0..<16 {
            guard phase != .closed, !readPaused else { return }
            let count = read(fd, buffer.baseAddress, buffer.count)
            if count > 0 {
                activityDeadline = loop.now &+ engine.idleTimeout
                if phase == .open {
                    parser.append(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
                    processRequests()
                }
                if count < buffer.count { break }
            } else if count == 0 {
                endOfStream()
                return
            } else {
                let code = errno
                if code == EINTR { continue }
                if code != EAGAIN, code != EWOULDBLOCK { close() }
                break
            }
        }
        refreshTimer()
    }

    /// The client closed its side: answer what was complete, then close.
    private func endOfStream() {
        guard phase == .open, outOffset < out.count else {
            close()
            return
        }
        phase = .closingAfterFlush
        refreshTimer()
    }

    /// Answers every complete request in the parser, in order, then writes.
    private func processRequests() {
        while phase == .open, awaited == nil {
            if out.count - outOffset > Self.maxBufferedOutput {
                pauseReading()
                break
            }
            let message: HTTPParser.Message?
            do {
                message = try parser.nextMessage()
            } catch {
                respondWithError(status: error.status, error.message)
                break
            }
            guard let message else { break }
            servedRequests += 1
            headDeadline = nil
            let request = HTTPRequest(
                method: message.method, path: message.target, headers: message.headers, body: message.body)
            let headOnly = message.method == "HEAD"
            switch engine.responder {
            case .immediate(let handler):
                append(handler(request), headOnly: headOnly, keepAlive: message.keepAlive, minor: message.versionMinor)
            case .deferred(let handler):
                awaitedSerial += 1
                awaited = Awaited(
                    serial: awaitedSerial, headOnly: headOnly, keepAlive: message.keepAlive,
                    versionMinor: message.versionMinor)
                activityDeadline = nil
                pauseReading()
                // The completion may run on any thread; it only carries the connection back into a loop job.
                let connection = SendableBox(self)
                let (loop, serial) = (loop, awaitedSerial)
                handler(request) { reply in
                    loop.execute { connection.value.settle(serial: serial, with: reply) }
                }
            }
        }
        if phase == .open {
            if awaited != nil || parser.isReadingBody {
                headDeadline = nil
            } else if parser.hasPartialMessage || servedRequests == 0 {
                if headDeadline == nil {
                    headDeadline = loop.now &+ engine.headerTimeout
                }
            } else {
                headDeadline = nil
            }
        }
        flush()
    }

    /// Queues `response`; closes after it unless both the request and the server keep the connection alive.
    private func append(_ response: HTTPResponse, headOnly: Bool, keepAlive: Bool, minor: Int) {
        let keepAlive = keepAlive && !engine.isStopping
        HTTPSerializer.appendResponse(
            response, headOnly: headOnly, keepAlive: keepAlive, requestMinor: minor, into: &out)
        if !keepAlive { phase = .closingAfterFlush }
    }

    /// The asynchronous handler's reply to the awaited request numbered `serial` (ignored if stale or closed).
    private func settle(serial: Int, with reply: HTTPServerReply) {
        guard phase == .open, let awaited, awaited.serial == serial else { return }
        self.awaited = nil
        activityDeadline = loop.now &+ engine.idleTimeout
        readPaused = false  // reads resume: the next requests, or the drain of a lingering close
        setInterest(write: writeInterest)
        switch reply {
        case .response(let response):
            append(response, headOnly: awaited.headOnly, keepAlive: awaited.keepAlive, minor: awaited.versionMinor)
            processRequests()
        case .dropConnection:
            phase = .closingAfterFlush
            flush()
        case .resetConnection:
            var option = linger(l_onoff: 1, l_linger: 0)
            setsockopt(fd, SOL_SOCKET, SO_LINGER, &option, socklen_t(MemoryLayout<linger>.size))
            close()
        }
    }

    /// Queues an error answer with `Connection: close`; nothing more is read as requests.
    private func respondWithError(status: Int, _ message: String) {
        let response = HTTPResponse(
            status: status, headers: ["Content-Type": "text/plain; charset=utf-8"], body: Array((message + "\n").utf8))
        HTTPSerializer.appendResponse(response, headOnly: false, keepAlive: false, requestMinor: 1, into: &out)
        phase = .closingAfterFlush
        headDeadline = nil
    }

    // MARK: - Writing

    private func flush() {
        while outOffset < out.count {
            let count = out.withUnsafeBytes { bytes in
                send(fd, bytes.baseAddress! + outOffset, bytes.count - outOffset, Int32(MSG_NOSIGNAL))
            }
            if count >= 0 {
                outOffset += count
                activityDeadline = loop.now &+ engine.idleTimeout
                continue
            }
            let code = errno
            if code == EINTR { continue }
            if code == EAGAIN || code == EWOULDBLOCK {
                setInterest(write: true)
                refreshTimer()
                return
            }
            close()
            return
        }
        if out.capacity > 4 * Self.maxBufferedOutput {
            out = []
        } else {
            out.removeAll(keepingCapacity: true)
        }
        outOffset = 0
        setInterest(write: false)
        if phase == .closingAfterFlush {
            startLinger()
        } else if phase == .open {
            if engine.isStopping, isIdle {
                close()
                return
            }
            if readPaused, awaited == nil {
                readPaused = false
                setInterest(write: false)
                loop.runSoon { [self] in
                    if phase == .open { processRequests() }
                }
            }
        }
        refreshTimer()
    }

    /// Half-closes and drains the client's remaining bytes for a while, so our last answer is not lost to a reset.
    private func startLinger() {
        phase = .lingering
        shutdown(fd, Int32(SHUT_WR))
        lingerDeadline = loop.now &+ engine.lingerTimeout
    }

    private func pauseReading() {
        readPaused = true
        setInterest(write: writeInterest)
    }

    private func setInterest(write: Bool) {
        guard phase != .closed else { return }
        writeInterest = write
        let read = readPaused ? 0 : Epoll.input | Epoll.readHangUp
        loop.modify(fd, events: read | (write ? Epoll.output : 0))
    }

    private func refreshTimer() {
        guard phase != .closed else { return }
        var deadline = activityDeadline
        if phase == .open, let headDeadline { deadline = min(deadline ?? .max, headDeadline) }
        if phase == .lingering, let lingerDeadline { deadline = min(deadline ?? .max, lingerDeadline) }
        timer.set(deadline, target: self, on: loop)
    }

    func close() {
        guard phase != .closed else { return }
        phase = .closed
        timer.set(nil, target: self, on: loop)
        loop.deregisterAndClose(fd)
        engine.connectionClosed(self)
    }
}
