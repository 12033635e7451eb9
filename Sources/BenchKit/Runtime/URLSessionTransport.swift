import AWSModel
import AWSWire
import BenchCore
import Foundation
import Resilience

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A live endpoint over `https://` through one URLSession (libcurl on Linux): the same encoding and SigV4 signing
/// as ``HTTPTransport`` (see ``RequestSigner``), with TLS and the keep-alive pool left to the session.
///
/// Slower per request than the epoll client that carries `http://`; meant for AWS itself and TLS-only endpoints.
/// On Linux the session trusts the system CA store only (see ``CABundleTrust`` for private CAs).
public final class URLSessionTransport: Transport {
    public let endpoint: EndpointURL
    public let region: String
    // URLSession is documented thread-safe; FoundationNetworking marks it Sendable.
    private let session: URLSession
    private let signer: RequestSigner
    private let clock: any BenchClock
    private let timeoutNanoseconds: UInt64
    /// `https://host:port`, to which each request's target is appended.
    private let origin: String

    /// - Parameters:
    ///   - url: `https://HOST[:PORT]`.
    ///   - region: the signing region.
    ///   - credentials: the keys to sign with; never written anywhere.
    ///   - clock: signs with its wall time and measures the per-attempt timeout.
    ///   - timeoutNanoseconds: per attempt: connecting, TLS, sending and receiving.
    ///   - maxConnections: connections the session keeps open to the endpoint (`httpMaximumConnectionsPerHost`).
    /// - Throws: ``SetupError`` naming the URL when it is not `https://HOST[:PORT]`.
    public init(
        url: String, region: String, credentials: AWSCredentials, clock: any BenchClock,
        timeoutNanoseconds: UInt64, maxConnections: Int
    ) throws {
        endpoint = try EndpointURL.parse(url)
        guard endpoint.scheme == .https else {
            throw SetupError("endpoint \(url): https:// only here; http:// goes to the epoll client")
        }
        self.region = region
        signer = RequestSigner(endpoint: endpoint, region: region, credentials: credentials, clock: clock)
        self.clock = clock
        self.timeoutNanoseconds = timeoutNanoseconds
        origin = "https://\(endpoint.host):\(endpoint.port)"
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpMaximumConnectionsPerHost = max(1, maxConnections)
        // URLSession on Linux rounds its timeout down to whole seconds; the exact deadline is enforced in `send`,
        // this one only stops a transfer that outlives it.
        configuration.timeoutIntervalForRequest = (Double(timeoutNanoseconds) / 1e9).rounded(.up) + 1
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.urlCache = nil
        configuration.httpCookieStorage = nil
        configuration.httpShouldSetCookies = false
        session = URLSession(configuration: configuration)
    }

    deinit { session.invalidateAndCancel() }

    /// Signs and sends one attempt; the first of its answer and the per-attempt deadline wins.
    public func send(_ request: AWSRequest, context: RequestContext) async -> AttemptResult {
        let signed: SignedWireRequest
        switch signer.sign(request, context: context) {
        case .success(let value): signed = value
        case .failure(let failure): return .failure(failure)
        }
        guard let urlRequest = urlRequest(for: signed) else {
            return .failure(TransportFailure(
                kind: TransportFailure.Kind.unsupported, detail: "not a URL: \(origin + signed.target)",
                requestSent: false))
        }
        let session = session, clock = clock, timeout = timeoutNanoseconds
        return await withTaskGroup(of: AttemptResult?.self) { group in
            group.addTask { await Self.exchange(urlRequest, for: request, on: session) }
            group.addTask {
                guard (try? await clock.sleep(nanoseconds: timeout)) != nil else { return nil }  // cancelled
                return .failure(TransportFailure(
                    kind: TransportFailure.Kind.timeout, detail: "no answer within \(timeout / 1_000_000) ms",
                    requestSent: true))
            }
            defer { group.cancelAll() }
            while let next = await group.next() {
                if let result = next { return result }
            }
            return .failure(TransportFailure(
                kind: TransportFailure.Kind.cancelled, detail: "cancelled", requestSent: true))
        }
    }

    /// The signed request as URLSession carries it: same method, target, headers and body.
    private func urlRequest(for signed: SignedWireRequest) -> URLRequest? {
        guard let url = URL(string: origin + signed.target) else { return nil }
        var urlRequest = URLRequest(url: url)
        urlRequest.httpMethod = signed.method
        for header in signed.headers { urlRequest.setValue(header.value, forHTTPHeaderField: header.name) }
        if !signed.body.isEmpty { urlRequest.httpBody = Data(signed.body) }
        return urlRequest
    }

    /// One request and its answer; a failure is mapped by ``failure(for:)``.
    private static func exchange(_ urlRequest: URLRequest, for request: AWSRequest, on session: URLSession) async
        -> AttemptResult
    {
        do {
            let (data, response) = try await session.data(for: urlRequest)
            guard let http = response as? HTTPURLResponse else {
                return .failure(TransportFailure(
                    kind: "protocolError", detail: "not an HTTP answer", requestSent: true))
            }
            var headers = WireHeaders()
            for (name, value) in http.allHeaderFields {
                if let name = name as? String, let value = value as? String { headers.add(name, value) }
            }
            return RequestSigner.answer(to: request, status: http.statusCode, headers: headers, body: [UInt8](data))
        } catch {
            return .failure(failure(for: error))
        }
    }
}
