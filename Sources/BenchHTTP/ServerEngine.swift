import Dispatch
import BenchCore

/// The server's state on one event loop: its connections and, while stopping, the wait for them to finish.
/// Loop-confined except for the immutable configuration and responder.
final class ServerEngine: EventLoopTimerTarget, @unchecked Sendable {
    // @unchecked Sendable: shared so that `HTTPServer` and the listener can capture it in `loop.execute` jobs;
    // `connections`, `listener`, `isStopping`, `stopped` and `timer` are touched only on `loop`'s thread; the rest
    // is immutable.
    let loop: EventLoop
    let configuration: HTTPServer.Configuration
    let responder: HTTPServer.Responder
    let headerTimeout: UInt64
    let idleTimeout: UInt64
    let lingerTimeout: UInt64
    private(set) var isStopping = false
    private var connections: [ObjectIdentifier: ServerConnection] = [:]
    private var stopped: DispatchSemaphore?
    private var timer = LazyDeadline()
    private var listener: Listener?

    init(loop: EventLoop, configuration: HTTPServer.Configuration, responder: HTTPServer.Responder) {
        self.loop = loop
        self.configuration = configuration
        self.responder = responder
        headerTimeout = configuration.headerTimeout.nanosecondsClamped
        idleTimeout = configuration.idleTimeout.nanosecondsClamped
        lingerTimeout = configuration.lingerTimeout.nanosecondsClamped
    }

    /// Starts accepting on `listener` (first engine only).
    func attach(_ listener: Listener) {
        guard !isStopping, loop.register(listener.fd, events: Epoll.input, handler: listener) else {
            loop.deregisterAndClose(listener.fd)
            return
        }
        self.listener = listener
    }

    /// Stops accepting.
    func closeListener() {
        guard let listener else { return }
        loop.deregisterAndClose(listener.fd)
        self.listener = nil
    }

    /// Takes over an accepted socket.
    func adopt(_ fd: Int32) {
        let connection = ServerConnection(engine: self, fd: fd)
        guard !isStopping, loop.register(fd, events: Epoll.input | Epoll.readHangUp, handler: connection) else {
            loop.deregisterAndClose(fd)
            return
        }
        connections[ObjectIdentifier(connection)] = connection
        connection.started()
    }

    func connectionClosed(_ connection: ServerConnection) {
        connections[ObjectIdentifier(connection)] = nil
        if isStopping, connections.isEmpty { finishStop() }
    }

    /// Closes idle connections now, lets busy ones finish (answering with `Connection: close`) until `deadline`,
    /// then closes the rest; signals `done` when none is left.
    func stop(deadline: UInt64, done: DispatchSemaphore) {
        isStopping = true
        stopped = done
        for connection in Array(connections.values) { connection.stopGracefully() }
        if connections.isEmpty {
            finishStop()
        } else {
            timer.set(deadline, target: self, on: loop)
        }
    }

    func timerFired(entry: UInt64, now: UInt64) {
        guard timer.fired(entry: entry, now: now, target: self, on: loop) else { return }
        for connection in Array(connections.values) { connection.close() }
    }

    private func finishStop() {
        timer.set(nil, target: self, on: loop)
        stopped?.signal()
        stopped = nil
    }
}
