import AWSModel
import BenchCore
import Emulator

/// A resource the scenario creates before its first phase, through the same client as the load.
public protocol Fixture: Sendable {
    /// Problems with the fixture's parameters; `path` names it in messages.
    func validate(at path: String, endpoint: Endpoint) -> [ValidationIssue]
    /// Creates the resources and records them in `fixtures`.
    func create(using setup: SetupContext, into fixtures: inout ResolvedFixtures) async throws
}

/// Builds the body of a ``Setup``.
@resultBuilder
public enum SetupBuilder {
    public static func buildExpression(_ fixture: some Fixture) -> [any Fixture] { [fixture] }
    public static func buildBlock(_ parts: [any Fixture]...) -> [any Fixture] { parts.flatMap { $0 } }
    public static func buildOptional(_ part: [any Fixture]?) -> [any Fixture] { part ?? [] }
    public static func buildEither(first part: [any Fixture]) -> [any Fixture] { part }
    public static func buildEither(second part: [any Fixture]) -> [any Fixture] { part }
}

/// The resources to create before the load starts.
///
///     Setup {
///         TargetGroups(20, type: .ip)
///         CloudMapService(namespace: "bench.local", name: "api")
///         Deployment(targets: 500, platform: .server)
///     }
public struct Setup: ScenarioComponent {
    public let fixtures: [any Fixture]

    public init(@SetupBuilder _ content: () -> [any Fixture]) { fixtures = content() }

    public func apply(to scenario: inout Scenario) { scenario.fixtures.append(contentsOf: fixtures) }
}
