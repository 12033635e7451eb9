import Dispatch
#if canImport(Glibc)
import Glibc
#endif

/// For the long-running commands (`serve`, `proxy`): blocks until SIGINT or SIGTERM arrives.
enum Termination {
    /// Returns once the first SIGINT or SIGTERM arrives; the signals' default action (exit) is replaced, so the
    /// caller can stop gracefully.
    static func wait() {
        let stopped = DispatchSemaphore(value: 0)
        let sources = [SIGINT, SIGTERM].map { number -> any DispatchSourceSignal in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { stopped.signal() }
            source.resume()
            return source
        }
        stopped.wait()
        for source in sources { source.cancel() }
    }
}
