import AWSModel
import AWSWire
import BenchCore
import BenchHTTP
import Resilience

/// A live endpoint over HTTP/1.1: each attempt is encoded in the service's wire protocol, signed with SigV4,
/// sent on a keep-alive connection pool, and its answer parsed exactly as botocore parses it.
public final class HTTPTransport: Transport {
    /// Where requests go, parsed from an `http://host:port` URL.
    public let endpoint: HTTPEndpoint
    public let region: String
    private let client: HTTPClient
    private let signer: RequestSigner
    private let timeout: Duration

    /// - Parameters:
    ///   - url: `http://HOST[:PORT]` (HOST an IPv4 literal or `localhost`).
    ///   - region: the signing region (moto picks its region backend from it).
    ///   - credentials: the keys to sign with; never written anywhere.
    ///   - timeoutNanoseconds: per attempt: waiting for a connection, connecting, sending and receiving.
    ///   - maxConnections: connections kept open to the endpoint.
    /// - Throws: ``SetupError`` naming the URL when it is not `http://HOST[:PORT]`.
    public init(
        url: String, region: String, credentials: AWSCredentials, clock: any BenchClock,
        timeoutNanoseconds: UInt64, maxConnections: Int
    ) throws {
        let parsed = try EndpointURL.parse(url)
        guard parsed.scheme == .http else {
            throw SetupError("endpoint \(url): HTTPTransport carries http:// only (https:// goes to URLSession)")
        }
        endpoint = HTTPEndpoint(host: parsed.host, port: parsed.port)
        self.region = region
        signer = RequestSigner(endpoint: parsed, region: region, credentials: credentials, clock: clock)
        timeout = .nanoseconds(Int64(min(timeoutNanoseconds, UInt64(Int64.max))))
        var configuration = HTTPClient.Configuration()
        configuration.maxConnectionsPerEndpoint = maxConnections
        client = try HTTPClient(configuration: configuration)
    }

    deinit { client.shutdown() }

    public func send(_ request: AWSRequest, context: RequestContext) async -> AttemptResult {
        let signed: SignedWireRequest
        switch signer.sign(request, context: context) {
        case .success(let value): signed = value
        case .failure(let failure): return .failure(failure)
        }
        let http = HTTPRequest(
            method: signed.method, path: signed.target, headers: HTTPHeaders(signed.headers), body: signed.body)
        do {
            let response = try await client.execute(http, to: endpoint, timeout: timeout)
            return RequestSigner.answer(
                to: request, status: response.status,
                headers: WireHeaders(response.headers.map { WireHeader(name: $0.name, value: $0.value) }),
                body: response.body)
        } catch {
            return .failure(TransportFailure(
                kind: error.kind.rawValue, detail: error.message, requestSent: error.requestSent))
        }
    }
}
