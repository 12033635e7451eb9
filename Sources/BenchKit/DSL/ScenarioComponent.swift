import AWSModel
import BenchCore
import Emulator

/// Something that can appear in a `Scenario { ... }` body: an endpoint, a seed, setup fixtures, a phase, a mix, ...
///
/// Each component applies itself to the scenario being built, so new kinds of component (faults, gates) can be
/// added without touching the builder.
public protocol ScenarioComponent: Sendable {
    /// Writes this component's contribution into `scenario`.
    func apply(to scenario: inout Scenario)
}

/// Builds the body of a ``Scenario``.
///
/// Every expression becomes a one-element array of components and blocks concatenate them, which keeps the
/// type checker's work linear in the number of lines (style.md §7.4).
@resultBuilder
public enum ScenarioBuilder {
    public static func buildExpression(_ component: some ScenarioComponent) -> [any ScenarioComponent] { [component] }
    public static func buildBlock(_ parts: [any ScenarioComponent]...) -> [any ScenarioComponent] { parts.flatMap { $0 } }
    public static func buildOptional(_ part: [any ScenarioComponent]?) -> [any ScenarioComponent] { part ?? [] }
    public static func buildEither(first part: [any ScenarioComponent]) -> [any ScenarioComponent] { part }
    public static func buildEither(second part: [any ScenarioComponent]) -> [any ScenarioComponent] { part }
    public static func buildArray(_ parts: [[any ScenarioComponent]]) -> [any ScenarioComponent] { parts.flatMap { $0 } }
}
