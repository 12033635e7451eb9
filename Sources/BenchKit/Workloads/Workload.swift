import AWSModel
import BenchCore
import Emulator

/// One kind of logical operation in a ``Mix``, with the seeded generator of its parameters.
///
/// A workload turns an operation index into a request: the same seed and index always give the same request,
/// whichever worker issues it, so a seeded run replays exactly.
public protocol Workload: Sendable {
    /// The API operation, e.g. `RegisterTargets` (the key of its counters and histograms).
    var operationName: String { get }
    /// Relative weight in the mix (1 by default).
    var weight: Int { get set }
    /// Fraction of requests, in `0...1`, generated deliberately invalid (each must be refused by the endpoint).
    var invalidFraction: Double { get set }
    /// The fixture this workload draws its targets from, checked before any traffic.
    var requirement: FixtureRequirement { get }
    /// Problems with this workload's own parameters; `path` names it in messages (e.g. `phases[1].mix[0]`).
    func validate(at path: String) -> [ValidationIssue]
    /// The request for one logical operation.
    func makeRequest(_ context: inout GenerationContext) -> AWSRequest
}

extension Workload {
    /// This workload with relative weight `weight` in its mix.
    public func weight(_ weight: Int) -> Self {
        var copy = self
        copy.weight = weight
        return copy
    }

    /// This workload generating `fraction` of its requests deliberately invalid (to test validation paths).
    public func invalid(_ fraction: Double) -> Self {
        var copy = self
        copy.invalidFraction = fraction
        return copy
    }

    /// Checks of the parameters every workload has.
    func validateCommon(at path: String) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        if weight < 1 || weight > 1_000_000 {
            issues.append(.init(path: "\(path).weight", message: "must be in 1...1000000 (got \(weight))"))
        }
        if !(0...1).contains(invalidFraction) {
            issues.append(.init(path: "\(path).invalid", message: "must be a fraction in 0...1 (got \(invalidFraction))"))
        }
        return issues
    }
}

/// Which setup fixture a workload needs.
public enum FixtureRequirement: Sendable, Hashable {
    case none
    case targetGroup(TargetGroupKind)
    case cloudMapService
    case deployment
}
