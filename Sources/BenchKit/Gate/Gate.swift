import AWSModel
import BenchCore
import Emulator

/// One line of a `Gate { }` body: a threshold or an invariant.
public enum GateEntry: Sendable {
    case threshold(Threshold)
    case invariant(Invariant)
}

/// Builds the body of a ``Gate``.
@resultBuilder
public enum GateBuilder {
    public static func buildExpression(_ threshold: Threshold) -> [GateEntry] { [.threshold(threshold)] }
    public static func buildExpression(_ invariant: Invariant) -> [GateEntry] { [.invariant(invariant)] }
    public static func buildBlock(_ parts: [GateEntry]...) -> [GateEntry] { parts.flatMap { $0 } }
    public static func buildOptional(_ part: [GateEntry]?) -> [GateEntry] { part ?? [] }
    public static func buildEither(first part: [GateEntry]) -> [GateEntry] { part }
    public static func buildEither(second part: [GateEntry]) -> [GateEntry] { part }
    public static func buildArray(_ parts: [[GateEntry]]) -> [GateEntry] { parts.flatMap { $0 } }
}

/// The pass/fail criteria of a run: thresholds on its metrics and invariants over its result.
///
///     Gate(abortOnFailAfter: .seconds(10)) {
///         ResponseTime(.p99, of: .registerTargets) < .milliseconds(50)
///         ErrorRate() < 0.01
///         IdempotencyViolations() == 0
///         RetryAmplification() < 1.3
///     }
///
/// A breached threshold exits with code 3 (4 for correctness metrics); a violated invariant with code 4.
/// With `abortOnFailAfter`, every threshold of this block is also evaluated while the run goes, and the first
/// breach seen after the grace period stops it (k6's `abortOnFail` with `delayAbortEval`).
public struct Gate: ScenarioComponent {
    public var thresholds: [Threshold] = []
    public var invariants: [Invariant] = []

    public init(abortOnFailAfter grace: Duration? = nil, @GateBuilder _ content: () -> [GateEntry]) {
        for entry in content() {
            switch entry {
            case .threshold(let threshold):
                thresholds.append(grace.map { threshold.abortOnFail(after: $0) } ?? threshold)
            case .invariant(let invariant):
                invariants.append(invariant)
            }
        }
    }

    public func apply(to scenario: inout Scenario) {
        scenario.thresholds += thresholds
        scenario.invariants += invariants
    }
}
