/// The client's state on one event loop: its pools by endpoint. Loop-confined.
final class ClientEngine: @unchecked Sendable {
    // @unchecked Sendable: shared only so that `HTTPClient` can capture it in jobs for `loop.execute`; `pools`,
    // `isShutdown` and `unmatchedCancels` are touched only inside those jobs, i.e. on `loop`'s thread.
    let loop: EventLoop
    private let configuration: HTTPClient.Configuration
    private let counters: HTTPClientCounters
    private let connectionsPerPool: Int
    private var pools: [HTTPEndpoint: ConnectionPool] = [:]
    private(set) var isShutdown = false
    /// Cancellations that arrived before their request (the task was cancelled while submitting). Bounded.
    private var unmatchedCancels: Set<UInt64> = []

    init(loop: EventLoop, configuration: HTTPClient.Configuration, counters: HTTPClientCounters, loopCount: Int) {
        self.loop = loop
        self.configuration = configuration
        self.counters = counters
        let total = configuration.maxConnectionsPerEndpoint
        connectionsPerPool = max(1, (total + loopCount - 1) / loopCount)
    }

    func submit(_ job: ClientJob) {
        if isShutdown {
            job.fail(.cancelled, requestSent: false, "the client was shut down")
            return
        }
        if !unmatchedCancels.isEmpty, unmatchedCancels.remove(job.id) != nil {
            job.fail(.cancelled, requestSent: false, "the request was cancelled")
            return
        }
        pool(for: job.endpoint).submit(job)
    }

    func cancel(_ id: UInt64) {
        for pool in pools.values where pool.cancel(id) { return }
        if unmatchedCancels.count >= 4096 { unmatchedCancels.removeAll() }
        unmatchedCancels.insert(id)
    }

    func shutdown() {
        isShutdown = true
        for pool in pools.values { pool.shutdown() }
        pools.removeAll()
    }

    /// Open connections of every pool on this loop.
    var openConnections: Int { pools.values.reduce(0) { $0 + $1.openCount } }

    private func pool(for endpoint: HTTPEndpoint) -> ConnectionPool {
        if let pool = pools[endpoint] { return pool }
        let pool = ConnectionPool(
            endpoint: endpoint, loop: loop, maxConnections: connectionsPerPool, configuration: configuration,
            counters: counters)
        pools[endpoint] = pool
        return pool
    }
}
