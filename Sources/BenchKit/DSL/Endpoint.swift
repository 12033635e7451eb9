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

    /// The in-process emulator of the four APIs (the default): no sockets, deterministic, and its ledger is
    /// the checker's source of truth.
    public static let embedded = Endpoint(kind: .embedded)

    /// A live endpoint that speaks the AWS wire protocols (bench serve, moto_server, LocalStack, AWS).
    public static func http(_ url: String, region: String = "us-east-1") -> Endpoint {
        Endpoint(kind: .http(url: url, region: region))
    }

    /// Whether this is the in-process emulator.
    public var isEmbedded: Bool { kind == .embedded }

    public var description: String {
        switch kind {
        case .embedded: "embedded"
        case .http(let url, let region): "\(url) (\(region))"
        }
    }

    public func apply(to scenario: inout Scenario) { scenario.endpoint = self }
}
