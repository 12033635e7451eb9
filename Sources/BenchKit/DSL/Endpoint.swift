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

    /// The in-process emulator of the four APIs (the default): no sockets, deterministic, and its ledger is
    /// the checker's source of truth.
    public static let embedded = Endpoint(kind: .embedded)

    /// A live endpoint that speaks the AWS wire protocols (bench serve, moto_server, LocalStack, AWS).
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
