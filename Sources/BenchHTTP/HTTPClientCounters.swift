import Synchronization

/// Counters every event loop of one client bumps; read as ``HTTPClient/Statistics``.
final class HTTPClientCounters: Sendable {
    let opened = Atomic<Int>(0)
    let closed = Atomic<Int>(0)
    let completed = Atomic<Int>(0)
    let staleRetries = Atomic<Int>(0)
}
