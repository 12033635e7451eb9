import AWSModel
import BenchCore
import Emulator

/// Builds the body of a ``Mix``.
@resultBuilder
public enum MixBuilder {
    public static func buildExpression(_ workload: some Workload) -> [any Workload] { [workload] }
    public static func buildBlock(_ parts: [any Workload]...) -> [any Workload] { parts.flatMap { $0 } }
    public static func buildOptional(_ part: [any Workload]?) -> [any Workload] { part ?? [] }
    public static func buildEither(first part: [any Workload]) -> [any Workload] { part }
    public static func buildEither(second part: [any Workload]) -> [any Workload] { part }
}

/// A weighted choice of operations: each logical operation of a phase draws one workload with probability
/// proportional to its weight, from the seeded generator.
public struct Mix: ScenarioComponent, PhaseComponent {
    /// The workloads, in declaration order.
    public var workloads: [any Workload]

    public init(@MixBuilder _ content: () -> [any Workload]) {
        workloads = content()
    }

    init(workloads: [any Workload]) { self.workloads = workloads }

    /// An even mix of the four operations with their default parameters.
    public static var allOperations: Mix {
        Mix {
            RegisterTargets()
            CreateTargetGroup()
            BatchGetDeploymentTargets()
            RegisterInstance()
        }
    }

    /// The operation names ``allOperations`` holds: every operation a mix can draw.
    public static var operationNames: [String] { allOperations.workloads.map(\.operationName) }

    /// The operation names of this mix's workloads, in declaration order, each once.
    public var operationNames: [String] {
        var seen: Set<String> = []
        return workloads.map(\.operationName).filter { seen.insert($0).inserted }
    }

    /// This mix with only the workloads of `operations`; their weights keep their ratios.
    public func keeping(_ operations: Set<String>) -> Mix {
        Mix(workloads: workloads.filter { operations.contains($0.operationName) })
    }

    public func apply(to scenario: inout Scenario) { scenario.defaultMix = self }
    public func apply(to phase: inout Phase) { phase.mix = self }
}
