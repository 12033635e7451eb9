import AWSModel
import BenchCore
import Emulator

/// Where a scenario's requests go.
public struct Endpoint: ScenarioComponent, Hashable, CustomStringConvertible {
    enum Kind: Hashable, Sendable {
        case embedded
        case http(url: String, region: String)
    }

    let kind: Kind
    /// Per-service URLs that replace the main one (live endpoints only).
    public private(set) var overrides: [AWSService: String] = [:]
    /// A PEM file of extra CA certificates that `https://` endpoints may chain to (live endpoints only).
    public private(set) var caBundle: String?

    /// The in-process emulator of the four APIs (the default): no sockets, deterministic, and its ledger is
    /// the checker's source of truth.
    public static let embedded = Endpoint(kind: .embedded)

    /// A live endpoint that speaks the AWS wire protocols (bench serve, moto_server, LocalStack, AWS):
    /// `http://HOST[:PORT]` (the epoll HTTP/1.1 client) or `https://HOST[:PORT]` (URLSession).
    public static func http(_ url: String, region: String = "us-east-1") -> Endpoint {
        Endpoint(kind: .http(url: url, region: region))
    }

    /// This endpoint with `service`'s requests sent to `url` instead, e.g. Cloud Map on its own emulator:
    ///
    ///     Endpoint.http("http://127.0.0.1:4566").override(.cloudMap, "http://127.0.0.1:5000")
    public func override(_ service: AWSService, _ url: String) -> Endpoint {
        var copy = self
        copy.overrides[service] = url
        return copy
    }

    /// This endpoint with its `https://` certificates also trusted when they chain to a CA in `path` (a PEM
    /// file): a self-signed test certificate or a corporate proxy's CA. `bench run --ca-bundle FILE` does the same.
    ///
    ///     Endpoint.http("https://127.0.0.1:8443").trusting(caBundle: "certs/test-ca.pem")
    public func trusting(caBundle path: String) -> Endpoint {
        var copy = self
        copy.caBundle = path
        return copy
    }

    /// The URL `service`'s requests go to, for a live endpoint.
    func url(for service: AWSService) -> String? {
        guard case .http(let url, _) = kind else { return nil }
        return overrides[service] ?? url
    }

    /// Whether this is the in-process emulator.
    public var isEmbedded: Bool { kind == .embedded }

    public var description: String {
        switch kind {
        case .embedded: "embedded"
        case .http(let url, let region):
            "\(url) (\(region))" + overrides.sorted { $0.key.rawValue < $1.key.rawValue }.map { " \($0.key.rawValue)=\($0.value)" }.joined()
        }
    }

    public func apply(to scenario: inout Scenario) { scenario.endpoint = self }
}
