import AWSModel
import BenchCore
import Emulator

/// Something that can appear in a `Phase { ... }` body.
public protocol PhaseComponent: Sendable {
    func apply(to phase: inout Phase)
}

/// Builds the body of a ``Phase``.
@resultBuilder
public enum PhaseBuilder {
    public static func buildExpression(_ component: some PhaseComponent) -> [any PhaseComponent] { [component] }
    public static func buildBlock(_ parts: [any PhaseComponent]...) -> [any PhaseComponent] { parts.flatMap { $0 } }
    public static func buildOptional(_ part: [any PhaseComponent]?) -> [any PhaseComponent] { part ?? [] }
    public static func buildEither(first part: [any PhaseComponent]) -> [any PhaseComponent] { part }
    public static func buildEither(second part: [any PhaseComponent]) -> [any PhaseComponent] { part }
}

/// One stage of load with its executor and, optionally, its own operation mix.
///
///     Phase("warm-up", .constantRate(50, for: .seconds(5)))
///     Phase("steady", .constantRate(400, for: .seconds(30))) {
///         Mix { RegisterTargets(batch: 1...25) }
///     }
///
/// Phases run in order. A phase without a mix uses the scenario's `Mix`, or an even mix of the four operations.
public struct Phase: ScenarioComponent {
    /// The phase's name, unique within the scenario (reports and fault windows refer to it).
    public var name: String
    /// How operations are issued.
    public var executor: Executor
    /// The operations and their weights; `nil` means the scenario's default mix.
    public var mix: Mix?

    public init(_ name: String, _ executor: Executor, @PhaseBuilder _ content: () -> [any PhaseComponent] = { [] }) {
        self.name = name
        self.executor = executor
        for component in content() { component.apply(to: &self) }
    }

    public func apply(to scenario: inout Scenario) { scenario.phases.append(self) }
}
