import AWSModel
import AWSWire
import BenchCore
import BenchHTTP
import Foundation
import Resilience

/// A live endpoint over HTTP/1.1: each attempt is encoded in the service's wire protocol, signed with SigV4,
/// sent on a keep-alive connection pool, and its answer parsed exactly as botocore parses it.
public final class HTTPTransport: Transport {
    /// Where requests go, parsed from an `http://host:port` URL.
    public let endpoint: HTTPEndpoint
    public let region: String
    private let client: HTTPClient
    private let hostHeader: String
    private let signers: [AWSService: SigV4Signer]
    private let clock: any BenchClock
    private let timeout: Duration

    /// - Parameters:
    ///   - url: `http://HOST[:PORT]` (HOST an IPv4 literal or `localhost`).
    ///   - region: the signing region (moto picks its region backend from it).
    ///   - credentials: the keys to sign with; never written anywhere.
    ///   - timeoutNanoseconds: per attempt: waiting for a connection, connecting, sending and receiving.
    ///   - maxConnections: connections kept open to the endpoint.
    public init(
        url: String, region: String, credentials: AWSCredentials, clock: any BenchClock,
        timeoutNanoseconds: UInt64, maxConnections: Int
    ) throws {
        let (host, port) = try HTTPTransport.parse(url)
        endpoint = HTTPEndpoint(host: host, port: port)
        self.region = region
        hostHeader = SigV4Signer.hostHeader(scheme: "http", host: host, port: port)
        signers = Dictionary(uniqueKeysWithValues: AWSService.allCases.map {
            ($0, SigV4Signer(credentials: credentials, region: region, service: $0.signingName))
        })
        self.clock = clock
        timeout = .nanoseconds(Int64(min(timeoutNanoseconds, UInt64(Int64.max))))
        var configuration = HTTPClient.Configuration()
        configuration.maxConnectionsPerEndpoint = maxConnections
        client = try HTTPClient(configuration: configuration)
    }

    deinit { client.shutdown() }

    /// The host and port of an `http://` URL, with a clear error for anything else.
    static func parse(_ url: String) throws -> (host: String, port: Int) {
        guard url.hasPrefix("http://") else {
            throw SetupError("endpoint \(url): only http:// endpoints are supported by this build (https:// is not yet)")
        }
        var rest = url.dropFirst("http://".count)
        if let slash = rest.firstIndex(of: "/") {
            guard rest[slash...].allSatisfy({ $0 == "/" }) else {
                throw SetupError("endpoint \(url): a path is not supported; give only http://HOST:PORT")
            }
            rest = rest[..<slash]
        }
        let parts = rest.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count <= 2, let host = parts.first, !host.isEmpty else {
            throw SetupError("endpoint \(url): expected http://HOST[:PORT]")
        }
        guard parts.count == 2 else { return (String(host), 80) }
        guard let port = Int(parts[1]), (1...65_535).contains(port) else {
            throw SetupError("endpoint \(url): the port must be in 1...65535 (got \"\(parts[1])\")")
        }
        return (String(host), port)
    }

    public func send(_ request: AWSRequest, context: RequestContext) async -> AttemptResult {
        let wire: WireRequest
        do {
            wire = try AWSWireCodec.encode(request)
        } catch {
            return .failure(TransportFailure(kind: "unsupported", detail: "cannot encode: \(error)", requestSent: false))
        }
        var headers = wire.headers.fields.map { ($0.name, $0.value) }
        headers.append(("Host", hostHeader))
        if let invocation = context.invocationId { headers.append(("amz-sdk-invocation-id", invocation)) }
        let signed = signers[request.service]!.sign(
            method: wire.method, path: wire.path, query: wire.query, headers: headers, body: wire.body,
            date: clock.wallNow)
        headers += signed
        headers.append(("amz-sdk-request", "attempt=\(context.attempt)"))  // unsigned, as botocore sends it
        let target = wire.query.isEmpty ? wire.path : wire.path + "?" + wire.query
        let http = HTTPRequest(
            method: wire.method, path: target, headers: HTTPHeaders(headers.map { (name: $0.0, value: $0.1) }),
            body: wire.body)
        do {
            let response = try await client.execute(http, to: endpoint, timeout: timeout)
            let answer = AWSWireCodec.decodeAnswer(
                to: request,
                WireResponse(
                    status: response.status,
                    headers: WireHeaders(response.headers.map { WireHeader(name: $0.name, value: $0.value) }),
                    body: response.body))
            switch answer.result {
            case .success(let typed): return .response(typed)
            case .failure(let error): return .serviceError(error)
            }
        } catch {
            return .failure(TransportFailure(kind: error.kind.rawValue, detail: error.message, requestSent: error.requestSent))
        }
    }
}
