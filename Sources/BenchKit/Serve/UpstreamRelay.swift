import BenchHTTP
import Resilience

/// Carries out a ``ProxyDecision``: forwards requests byte for byte to the upstream and turns its answer (or the
/// injected fault) into the reply for the client.
final class UpstreamRelay: Sendable {
    /// Hop-by-hop fields (RFC 9110 §7.6.1): they describe the client's connection, not the request, and are never
    /// signed by SigV4. Everything else goes upstream exactly as received, `Host` and `Authorization` included.
    private static let hopByHop = ["Connection", "Keep-Alive", "Proxy-Connection", "TE", "Transfer-Encoding", "Upgrade"]

    let upstream: HTTPEndpoint
    private let client: HTTPClient
    private let timeout: Duration

    init(upstream: HTTPEndpoint, client: HTTPClient, timeout: Duration) {
        self.upstream = upstream
        self.client = client
        self.timeout = timeout
    }

    /// The request as it goes upstream: the same method, target, end-to-end fields and body bytes.
    static func outbound(_ request: HTTPRequest) -> HTTPRequest {
        var outbound = request
        for name in hopByHop where outbound.headers.contains(name) { outbound.headers.remove(name) }
        return outbound
    }

    /// Settles one request: waits the injected delay (a timer, no thread held), then acts.
    func settle(_ request: HTTPRequest, as decision: ProxyDecision) async -> HTTPServerReply {
        if decision.delayNanoseconds > 0 {
            try? await Task.sleep(for: .nanoseconds(Int64(min(decision.delayNanoseconds, UInt64(Int64.max)))))
        }
        switch decision.action {
        case .forward:
            return relay(await forward(request))
        case .answer(let response):
            return .response(response)
        case .reset:
            return .resetConnection
        case .loseResponse(let mode):
            _ = await forward(request)  // applied upstream; the answer is what gets lost
            return mode == .reset ? .resetConnection : .dropConnection
        case .duplicate(.concurrent):
            // Both copies are in flight together; answering after both makes the duplicate visible upstream by
            // the time the client sees its answer.
            async let second = forward(request)
            let first = await forward(request)
            _ = await second
            return relay(first)
        case .duplicate(.afterDelay(let nanoseconds)):
            let first = await forward(request)
            Task {
                try? await Task.sleep(for: .nanoseconds(Int64(min(nanoseconds, UInt64(Int64.max)))))
                _ = await self.forward(request)
            }
            return relay(first)
        }
    }

    private func forward(_ request: HTTPRequest) async -> Result<HTTPResponse, HTTPClientError> {
        do {
            return .success(try await client.execute(request, to: upstream, timeout: timeout))
        } catch {
            return .failure(error)
        }
    }

    /// The upstream's answer as is, or a gateway error naming why there is none (504 for a timeout, else 502).
    private func relay(_ outcome: Result<HTTPResponse, HTTPClientError>) -> HTTPServerReply {
        switch outcome {
        case .success(let response):
            return .response(response)
        case .failure(let error):
            return .response(
                HTTPResponse(
                    status: error.kind == .timeout ? 504 : 502, headers: ["Content-Type": "text/plain; charset=utf-8"],
                    body: Array("bench proxy: upstream \(upstream): \(error)\n".utf8)))
        }
    }
}
