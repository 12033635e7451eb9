import AWSModel
import BenchCore
import Emulator
import Resilience

/// A client-side fault in a `Faults { ... }` block, with the modifiers every fault has.
public protocol FaultComponent: Sendable {
    /// The fault this component describes.
    var fault: Fault { get set }
}

extension FaultComponent {
    /// Only while the phase named `phase` runs.
    public func during(_ phase: String) -> Self {
        var copy = self
        copy.fault.window = .phase(phase)
        return copy
    }

    /// Only between `seconds.lowerBound` and `seconds.upperBound` seconds after the run started.
    public func between(seconds: ClosedRange<Double>) -> Self {
        var copy = self
        copy.fault.window = .seconds(from: seconds.lowerBound, to: seconds.upperBound)
        return copy
    }

    /// Only on these operations.
    public func only(_ operations: APIOperation...) -> Self {
        var copy = self
        copy.fault.operations = Set(operations.map(\.rawValue))
        return copy
    }
}

/// The operations bench drives, by their API names (for fault filters and thresholds).
public enum APIOperation: String, Sendable, Hashable, CaseIterable {
    case createTargetGroup = "CreateTargetGroup"
    case registerTargets = "RegisterTargets"
    case registerInstance = "RegisterInstance"
    case batchGetDeploymentTargets = "BatchGetDeploymentTargets"
}

/// Builds the body of ``Faults``.
@resultBuilder
public enum FaultBuilder {
    public static func buildExpression(_ component: some FaultComponent) -> [Fault] { [component.fault] }
    public static func buildBlock(_ parts: [Fault]...) -> [Fault] { parts.flatMap { $0 } }
    public static func buildOptional(_ part: [Fault]?) -> [Fault] { part ?? [] }
    public static func buildEither(first part: [Fault]) -> [Fault] { part }
    public static func buildEither(second part: [Fault]) -> [Fault] { part }
}

/// Client-side faults: each attempt of each call draws, from the seed, whether each fault hits it.
///
///     Faults {
///         Throttle(0.05).during("storm")
///         LoseResponseAfterApply(0.02)
///         DuplicateRequest(0.02)
///         Conflict(0.01).only(.createTargetGroup)
///         Latency(.lognormal(median: .milliseconds(2), p99: .milliseconds(40)))
///     }
public struct Faults: ScenarioComponent {
    public let faults: [Fault]
    public init(@FaultBuilder _ content: () -> [Fault]) { faults = content() }
    public func apply(to scenario: inout Scenario) { scenario.faults.faults += faults }
}

/// A synthetic throttle in the exact wire shape of the service: VPC Lattice `ThrottlingException` 429 with an
/// integer `Retry-After`, Cloud Map `RequestLimitExceeded` 400, CodeDeploy `ThrottlingException` 400. Not applied.
public struct Throttle: FaultComponent {
    public var fault: Fault
    public init(_ probability: Double, retryAfterSeconds: Int = 1) {
        fault = Fault(.throttle(retryAfterSeconds: retryAfterSeconds), probability: probability)
    }
}

/// A synthetic `ConflictException` (409) on VPC Lattice creates. Not applied.
public struct Conflict: FaultComponent {
    public var fault: Fault
    public init(_ probability: Double) { fault = Fault(.conflict, probability: probability) }
}

/// A synthetic server error: `InternalServerException` 500, a bare 503, or a 502 with an empty or HTML body.
public struct ServerError: FaultComponent {
    public var fault: Fault
    public init(_ probability: Double, _ variant: FaultKind.ServerErrorVariant = .internal) {
        fault = Fault(.error5xx(variant), probability: probability)
    }
}

/// The identical request (same token, same body) delivered twice: at once, or again after `after`.
public struct DuplicateRequest: FaultComponent {
    public var fault: Fault
    public init(_ probability: Double, after delay: Duration? = nil) {
        let mode: FaultKind.DuplicateMode = delay.map { .afterDelay(nanoseconds: $0.nanosecondsClamped) } ?? .concurrent
        fault = Fault(.duplicate(mode), probability: probability)
    }
}

/// The request reaches the endpoint and takes effect; the client sees a timeout or a reset instead of the answer.
public struct LoseResponseAfterApply: FaultComponent {
    public var fault: Fault
    public init(_ probability: Double, as lost: FaultKind.LostAnswer = .timeout) {
        fault = Fault(.loseResponse(lost), probability: probability)
    }
}

/// Latency added before the request is sent.
public struct Latency: FaultComponent {
    public var fault: Fault
    public init(_ distribution: LatencyDistribution, probability: Double = 1) {
        fault = Fault(.latency(distribution), probability: probability)
    }
}

/// The connection resets before anything is sent: definitely not applied.
public struct ResetBeforeSend: FaultComponent {
    public var fault: Fault
    public init(_ probability: Double) { fault = Fault(.reset, probability: probability) }
}

extension LatencyDistribution {
    /// Always `duration`.
    public static func fixed(_ duration: Duration) -> LatencyDistribution {
        .fixed(nanoseconds: duration.nanosecondsClamped)
    }

    /// Uniform between the bounds.
    public static func uniform(_ range: ClosedRange<Duration>) -> LatencyDistribution {
        .uniform(minNanoseconds: range.lowerBound.nanosecondsClamped, maxNanoseconds: range.upperBound.nanosecondsClamped)
    }

    /// Lognormal with the given median and 99th percentile.
    public static func lognormal(median: Duration, p99: Duration) -> LatencyDistribution {
        .lognormal(medianNanoseconds: median.nanosecondsClamped, p99Nanoseconds: p99.nanosecondsClamped)
    }

    /// A stall: the request waits `duration` before it goes out.
    public static func stall(_ duration: Duration) -> LatencyDistribution {
        .stall(nanoseconds: duration.nanosecondsClamped)
    }
}

/// The retry strategy under test: `.none`, `.legacy()`, `.standard`, `.standard2026`, `.adaptive`, or `.custom`.
public struct Retry: ScenarioComponent {
    public let mode: RetryMode
    public init(_ mode: RetryMode) { self.mode = mode }
    public func apply(to scenario: inout Scenario) { scenario.retry = mode }
}

/// How idempotency tokens are filled in: `.stablePerCall` (like botocore), `.freshPerAttempt` (the classic bug),
/// or `.supplied { context in ... }`.
public struct Tokens: ScenarioComponent {
    public let policy: TokenPolicy
    public init(_ policy: TokenPolicy) { self.policy = policy }
    public func apply(to scenario: inout Scenario) { scenario.tokens = policy }
}
