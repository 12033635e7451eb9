import BenchCore
import BenchHTTP
import Foundation
import Resilience
import Synchronization

/// An AWS-protocol-aware fault proxy (`bench proxy`): sits between any SDK and a real or emulated endpoint,
/// forwards each request unchanged (so SigV4 signatures stay valid) and injects the plan's faults on the way:
/// synthetic throttles, conflicts and 5xx answered in the service's wire shape without forwarding, latency,
/// duplicated deliveries, answers lost after the upstream applied the request, and connection resets.
///
/// Requests are decided on the server's loop thread (a decode and a few draws) and settled in a task, so the loop
/// never waits for the upstream.
public final class ProxyServer: Sendable {
    public struct Configuration: Sendable {
        /// The address to bind; loopback unless told otherwise.
        public var host = "127.0.0.1"
        /// The port; 0 picks a free one.
        public var port = 0
        /// Where requests go.
        public var upstream: HTTPEndpoint
        /// The faults to inject.
        public var faults = FaultPlan()
        /// The seed of the fault draws.
        public var seed: UInt64 = 1
        /// Where to write `faults.csv` (committed by ``ProxyServer/stop()``); nil keeps only the counts.
        public var faultsCSV: URL?
        /// Time allowed for each upstream exchange (connect, send, whole answer).
        public var upstreamTimeout: Duration = .seconds(30)
        /// Connections kept to the upstream.
        public var upstreamConnections = 64
        /// HTTP limits and timeouts of the listening side.
        public var http = HTTPServer.Configuration()

        public init(upstream: HTTPEndpoint) { self.upstream = upstream }
    }

    public let configuration: Configuration
    private let server: HTTPServer
    private let client: HTTPClient
    private let faults: ProxyFaults
    private let staging: URL?
    private let stopped = Atomic<Bool>(false)

    /// - Throws: when the upstream client cannot start or the folder of ``Configuration/faultsCSV`` cannot be
    ///   written.
    public init(configuration: Configuration, clock: any BenchClock = SystemClock()) throws {
        self.configuration = configuration
        staging = configuration.faultsCSV.map {
            $0.deletingLastPathComponent().appendingPathComponent(".\($0.lastPathComponent).partial.d")
        }
        var clientConfiguration = HTTPClient.Configuration()
        clientConfiguration.maxConnectionsPerEndpoint = max(1, configuration.upstreamConnections)
        clientConfiguration.requestTimeout = configuration.upstreamTimeout
        client = try HTTPClient(configuration: clientConfiguration)
        let faults = ProxyFaults(
            plan: configuration.faults, seed: configuration.seed, clock: clock, log: try FaultLog(folder: staging))
        self.faults = faults
        let relay = UpstreamRelay(
            upstream: configuration.upstream, client: client, timeout: configuration.upstreamTimeout)
        server = HTTPServer(host: configuration.host, port: configuration.port, configuration: configuration.http) {
            request, reply in
            let decision = faults.decide(request)
            let outbound = UpstreamRelay.outbound(request)
            Task { reply(await relay.settle(outbound, as: decision)) }
        }
    }

    /// `http://HOST:PORT` as an endpoint, or an error naming what is wrong with it.
    public static func endpoint(_ url: String) throws -> HTTPEndpoint {
        let parsed = try EndpointURL.parse(url)
        guard parsed.scheme == .http else { throw SetupError("upstream \(url): the proxy forwards to http:// only") }
        return HTTPEndpoint(host: parsed.host, port: parsed.port)
    }

    /// Binds and starts proxying. - Returns: the bound port.
    public func start() throws -> Int { try server.start() }

    /// Injected faults by kind so far.
    public var faultCounts: [String: Int] { faults.log.counts }

    /// Stops accepting, lets exchanges in progress finish, closes every connection, then writes `faults.csv`.
    /// Idempotent.
    public func stop() throws {
        guard !stopped.exchange(true, ordering: .acquiringAndReleasing) else { return }
        server.stop()
        client.shutdown()
        try faults.log.commit()
        guard let staging, let destination = configuration.faultsCSV else { return }
        let manager = FileManager.default
        if manager.fileExists(atPath: destination.path) { try manager.removeItem(at: destination) }
        try manager.moveItem(at: staging.appendingPathComponent("faults.csv"), to: destination)
        try manager.removeItem(at: staging)
    }
}
