#if canImport(Glibc)
import Glibc
#endif

/// The listening socket of an ``HTTPServer``, on the first loop; hands accepted sockets to the engines in turn.
final class Listener: EventLoopHandler {
    /// Most connections accepted per readiness event, so that one burst cannot starve the loop.
    private static let acceptBatch = 64

    let fd: Int32
    private let engines: [ServerEngine]
    private var next = 0

    init(fd: Int32, engines: [ServerEngine]) {
        self.fd = fd
        self.engines = engines
    }

    func handle(events: UInt32) {
        for _ in 0..<Self.acceptBatch {
            let client = Socket.acceptNonBlocking(fd)
            if client < 0 {
                if errno == EINTR || errno == ECONNABORTED { continue }
                return  // EAGAIN, or out of descriptors: retried on the next readiness event
            }
            let engine = engines[next]
            next = (next + 1) % engines.count
            if engine === engines[0] {
                engine.adopt(client)
            } else if !engine.loop.execute({ engine.adopt(client) }) {
                close(client)
            }
        }
    }
}
