import AWSModel
import BenchCore
import Emulator

/// Fixes every random decision of a run: the same seed gives the same request sequence.
public struct Seed: ScenarioComponent {
    public let value: UInt64
    public init(_ value: UInt64) { self.value = value }
    public func apply(to scenario: inout Scenario) { scenario.seed = value }
}

/// Caps the number of logical operations in flight at once.
public struct MaxInFlight: ScenarioComponent {
    public let value: Int
    public init(_ value: Int) { self.value = value }
    public func apply(to scenario: inout Scenario) { scenario.maxInFlight = value }
}

/// Sets the per-request timeout; an attempt that takes longer ends with an unknown outcome.
public struct RequestTimeout: ScenarioComponent {
    public let duration: Duration
    public init(_ duration: Duration) { self.duration = duration }
    public func apply(to scenario: inout Scenario) { scenario.requestTimeoutNanoseconds = duration.nanosecondsClamped }
}

/// Turns the idempotency checker off (it is on by default): no `history.jsonl`, no emulator ledger (unless an
/// `Invariant` needs it), no read-back. For long soaks and throughput runs, whose memory and disk would otherwise
/// grow with every call: the checker's indexes are O(calls with a token) and the history about 1 KB per call.
///
///     CheckIdempotency(false)
public struct CheckIdempotency: ScenarioComponent {
    public let enabled: Bool
    public init(_ enabled: Bool) { self.enabled = enabled }
    public func apply(to scenario: inout Scenario) { scenario.checksIdempotency = enabled }
}

/// Settings of the embedded emulator that a scenario may change.
public struct EmulatorSettings: ScenarioComponent, Hashable {
    /// Cloud Map: how long an asynchronous operation runs (SUBMITTED, then PENDING, then SUCCESS).
    public var cloudMapOperationDelay: Duration = .milliseconds(20)
    /// VPC Lattice: target groups per account.
    public var targetGroupQuota: Int = 100_000
    /// VPC Lattice: targets per target group.
    public var targetsPerGroupQuota: Int = 100_000
    /// Cloud Map: instances per service.
    public var instancesPerServiceQuota: Int = 100_000
    /// Server-side faults (`ServerFaults { ... }`).
    public var faults = EmulatorFaults()
    /// Deliberately broken behaviours, for proving the checker (off by default).
    public var mutations = EmulatorMutations()

    public init(
        cloudMapOperationDelay: Duration = .milliseconds(20), targetGroupQuota: Int = 100_000,
        targetsPerGroupQuota: Int = 100_000, instancesPerServiceQuota: Int = 100_000,
        mutations: EmulatorMutations = EmulatorMutations()
    ) {
        self.mutations = mutations
        self.cloudMapOperationDelay = cloudMapOperationDelay
        self.targetGroupQuota = targetGroupQuota
        self.targetsPerGroupQuota = targetsPerGroupQuota
        self.instancesPerServiceQuota = instancesPerServiceQuota
    }

    public func apply(to scenario: inout Scenario) {
        var settings = self
        settings.faults = scenario.emulator.faults  // ServerFaults { } may come before or after
        scenario.emulator = settings
    }
}

extension EmulatorSettings {
    /// The emulator configuration these settings describe: what `bench run` gives the embedded emulator.
    public var configuration: EmulatorConfiguration {
        var configuration = EmulatorConfiguration()
        configuration.cloudMapOperationDelayNanoseconds = cloudMapOperationDelay.nanosecondsClamped
        configuration.targetGroupQuota = targetGroupQuota
        configuration.targetsPerGroupQuota = targetsPerGroupQuota
        configuration.instancesPerServiceQuota = instancesPerServiceQuota
        configuration.faults = faults
        configuration.mutations = mutations
        return configuration
    }
}

/// Sets the length of the intervals `latency.csv` reports (default 1 s; 10 ms ... 1 hour).
public struct ReportInterval: ScenarioComponent {
    public let duration: Duration
    public init(_ duration: Duration) { self.duration = duration }
    public func apply(to scenario: inout Scenario) { scenario.intervalNanoseconds = duration.nanosecondsClamped }
}

/// Sets how long a stopped run (Ctrl-C) waits for operations in flight before it cancels them and writes its
/// report (default 5 s; 0 ... 600 s).
public struct DrainTimeout: ScenarioComponent {
    public let duration: Duration
    public init(_ duration: Duration) { self.duration = duration }
    public func apply(to scenario: inout Scenario) { scenario.drainTimeoutNanoseconds = duration.nanosecondsClamped }
}
