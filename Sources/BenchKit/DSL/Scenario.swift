import Resilience
import AWSModel
import BenchCore
import Emulator

/// A complete load and chaos scenario: where to send traffic, what to set up first, and the phases of load.
///
/// A scenario file declares one, and `bench run` does the rest:
///
///     import BenchKit
///
///     let scenario = Scenario("smoke") {
///         Seed(42)
///         Setup {
///             TargetGroups(4, type: .ip)
///             CloudMapService(namespace: "bench.local", name: "api")
///             Deployment(targets: 100)
///         }
///         Phase("steady", .constantRate(200, for: .seconds(5))) {
///             Mix {
///                 RegisterTargets(batch: 1...10).weight(4)
///                 CreateTargetGroup().weight(1)
///                 BatchGetDeploymentTargets(ids: 25).weight(3)
///                 RegisterInstance(attributes: 4).weight(2)
///             }
///         }
///     }
///
/// Values are `Sendable` and the scenario is checked by ``validate()`` before any traffic is sent.
public struct Scenario: Sendable {
    /// The scenario's name (used for the report folder).
    public var name: String
    /// Where requests go. Defaults to the in-process emulator.
    public var endpoint: Endpoint = .embedded
    /// The seed of every random decision in the run.
    public var seed: UInt64 = 1
    /// Resources created before the first phase.
    public var fixtures: [any Fixture] = []
    /// The phases of load, run in order.
    public var phases: [Phase] = []
    /// The mix used by phases that do not declare their own.
    public var defaultMix: Mix?
    /// The most logical operations in flight at once (open-model phases wait for a slot; their lateness counts
    /// in the corrected latency).
    public var maxInFlight: Int = 1_024
    /// Per-request timeout in nanoseconds: an attempt that takes longer has an unknown outcome.
    public var requestTimeoutNanoseconds: UInt64 = 10_000_000_000
    /// How long an interrupted or finished run waits for in-flight operations before it writes its reports.
    public var drainTimeoutNanoseconds: UInt64 = 5_000_000_000
    /// The length of one `latency.csv` interval.
    public var intervalNanoseconds: UInt64 = 1_000_000_000
    /// Client-side faults, injected between the retry strategy and the transport.
    public var faults = FaultPlan()
    /// The retry strategy under test. `.none` by default, so every answer is counted as the endpoint gave it.
    public var retry: RetryMode = .none
    /// How idempotency tokens are filled in across the attempts of a call.
    public var tokens: TokenPolicy = .stablePerCall
    /// Settings of the embedded emulator (quotas, asynchronous operation delay).
    public var emulator = EmulatorSettings()
    /// Whether the run streams `history.jsonl` and checks idempotency afterwards (on by default).
    public var checksIdempotency = true
    /// Pass/fail bounds on the run's metrics, from `Gate { }` blocks and `--threshold` flags.
    public var thresholds: [Threshold] = []
    /// Correctness properties checked over the finished run, from `Gate { }` blocks.
    public var invariants: [Invariant] = []

    /// Builds a scenario from its components.
    public init(_ name: String, @ScenarioBuilder _ content: () -> [any ScenarioComponent]) {
        self.name = name
        for component in content() { component.apply(to: &self) }
    }
}
