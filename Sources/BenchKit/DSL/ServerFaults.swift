import BenchCore
import Emulator

/// Something in a `ServerFaults { ... }` block: a fault of the embedded emulator itself.
public protocol ServerFaultComponent: Sendable {
    func apply(to faults: inout EmulatorFaults)
}

/// Builds the body of ``ServerFaults``.
@resultBuilder
public enum ServerFaultBuilder {
    public static func buildExpression(_ component: some ServerFaultComponent) -> [any ServerFaultComponent] { [component] }
    public static func buildBlock(_ parts: [any ServerFaultComponent]...) -> [any ServerFaultComponent] { parts.flatMap { $0 } }
}

/// Faults of the service itself (the embedded emulator), as opposed to the client-side `Faults`: the requests really
/// are refused or slowed by the endpoint, so every client, retry strategy and checker sees a real misbehaving service.
///
///     ServerFaults {
///         RateLimit(.registerTargets, perSecond: 100, burst: 20)
///         Brownout(seconds: 10...20, errorRate: 0.3, latency: .milliseconds(50))
///         PartialFailures(0.05)
///     }
public struct ServerFaults: ScenarioComponent {
    public let components: [any ServerFaultComponent]
    public init(@ServerFaultBuilder _ content: () -> [any ServerFaultComponent]) { components = content() }
    public func apply(to scenario: inout Scenario) {
        for component in components { component.apply(to: &scenario.emulator.faults) }
    }
}

/// A token bucket in front of one operation: past it, the service's real throttling error (VPC Lattice
/// `ThrottlingException` 429 with `Retry-After`, Cloud Map `RequestLimitExceeded`, CodeDeploy `ThrottlingException`).
public struct RateLimit: ServerFaultComponent {
    public let operation: APIOperation
    public let perSecond: Double
    public let burst: Int
    public init(_ operation: APIOperation, perSecond: Double, burst: Int = 1) {
        self.operation = operation
        self.perSecond = perSecond
        self.burst = burst
    }
    public func apply(to faults: inout EmulatorFaults) {
        faults.rateLimits[operation.rawValue] = EmulatorFaults.RateLimit(rate: perSecond, burst: burst)
    }
}

/// A window (seconds since the emulator started) in which a fraction of requests fail with a 5xx and/or every
/// request is slowed by `latency`.
public struct Brownout: ServerFaultComponent {
    public let brownout: EmulatorFaults.Brownout
    public init(seconds: ClosedRange<Double>, errorRate: Double = 0, latency: Duration = .zero, only: [APIOperation] = []) {
        brownout = EmulatorFaults.Brownout(
            from: seconds.lowerBound, to: seconds.upperBound, errorFraction: errorRate,
            extraLatencyNanoseconds: latency.nanosecondsClamped, operations: Set(only.map(\.rawValue)))
    }
    public func apply(to faults: inout EmulatorFaults) { faults.brownouts.append(brownout) }
}

/// A fraction of otherwise valid RegisterTargets targets answered in `unsuccessful` (`InternalFailure`) and not stored.
public struct PartialFailures: ServerFaultComponent {
    public let fraction: Double
    public init(_ fraction: Double) { self.fraction = fraction }
    public func apply(to faults: inout EmulatorFaults) { faults.registerTargetsFailureFraction = fraction }
}
