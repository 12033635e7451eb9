import AWSModel
import BenchCore
import Emulator

/// Runs a validated scenario: builds the endpoint, creates the fixtures, runs each phase in order, and returns
/// what it recorded, even when stopped part way.
public struct Runner: Sendable {
    public let scenario: Scenario
    let clock: any BenchClock
    let stop: StopSignal
    let transportOverride: (any Transport)?
    let progress: ProgressReporter?
    let intervalLog: IntervalLog?
    let abortMonitor: AbortMonitor?

    /// - Parameters:
    ///   - scenario: the scenario, with command-line overrides already applied.
    ///   - clock: the clock that schedules and measures (``SystemClock`` outside tests).
    ///   - stop: set it to stop scheduling; what was recorded is still returned.
    ///   - transport: a transport to use instead of the scenario's endpoint (tests).
    ///   - progress: prints the live status line, if given.
    ///   - intervalLog: receives `latency.csv` rows as intervals close, if given.
    ///   - abortMonitor: evaluates abort-on-fail thresholds during the phases and sets `stop` on a breach.
    public init(
        scenario: Scenario, clock: any BenchClock = SystemClock(), stop: StopSignal = StopSignal(),
        transport: (any Transport)? = nil, progress: ProgressReporter? = nil, intervalLog: IntervalLog? = nil,
        abortMonitor: AbortMonitor? = nil
    ) {
        self.intervalLog = intervalLog
        self.abortMonitor = abortMonitor
        self.scenario = scenario
        self.clock = clock
        self.stop = stop
        transportOverride = transport
        self.progress = progress
    }

    /// Validates, sets up and runs the scenario.
    /// - Throws: ``ScenarioValidationError`` before any traffic; ``SetupError`` when a fixture cannot be created.
    public func run() async throws -> RunResult {
        try scenario.validate()
        let startedAt = clock.now
        let emulator: Emulator? = scenario.endpoint.isEmbedded
            ? Emulator(configuration: scenario.emulator.configuration, clock: clock, seed: scenario.seed) : nil
        let transport: any Transport
        if let transportOverride {
            transport = transportOverride
        } else if let emulator {
            transport = EmbeddedTransport(emulator: emulator)
        } else {
            throw SetupError("endpoint \(scenario.endpoint): live HTTP endpoints are not supported by this build yet; use the embedded emulator")
        }
        var fixtures = ResolvedFixtures()
        let setup = SetupContext(transport: transport, emulator: emulator, clock: clock)
        for fixture in scenario.fixtures { try await fixture.create(using: setup, into: &fixtures) }

        var rowSink: (@Sendable ([IntervalRow]) -> Void)?
        if let intervalLog { rowSink = { rows in intervalLog.append(rows) } }
        let recorder = Recorder(
            phases: scenario.phases, origin: clock.now, intervalNanoseconds: scenario.intervalNanoseconds,
            rowSink: rowSink
        )
        abortMonitor?.start(scenario: scenario, recorder: recorder, clock: clock, stop: stop)
        defer { abortMonitor?.finish() }
        var sequenceBase: UInt64 = 0
        for (index, phase) in scenario.phases.enumerated() where !stop.isStopped {
            let issuer = OperationIssuer(
                phase: index, seed: scenario.seed, mix: phase.mix ?? scenario.defaultMix ?? .allOperations,
                fixtures: fixtures, transport: transport, clock: clock, recorder: recorder,
                sequenceBase: sequenceBase, phaseName: phase.name
            )
            let runner = PhaseRunner(
                phase: phase, index: index, issuer: issuer, clock: clock, recorder: recorder, stop: stop,
                maxInFlight: scenario.maxInFlight
            )
            progress?.phaseStarted(index: index, phase: phase, recorder: recorder, clock: clock)
            let issued = await runner.run()
            progress?.phaseEnded()
            sequenceBase += UInt64(issued)
        }
        return RunResult(
            scenario: scenario, phases: recorder.snapshot, startedAt: startedAt, finishedAt: clock.now,
            wallStart: clock.date(of: startedAt), interrupted: stop.isStopped, ledger: emulator?.ledger,
            timeline: recorder.timeline
        )
    }
}

extension EmulatorSettings {
    /// The emulator configuration these settings describe.
    var configuration: EmulatorConfiguration {
        var configuration = EmulatorConfiguration()
        configuration.cloudMapOperationDelayNanoseconds = cloudMapOperationDelay.nanosecondsClamped
        configuration.targetGroupQuota = targetGroupQuota
        configuration.targetsPerGroupQuota = targetsPerGroupQuota
        configuration.instancesPerServiceQuota = instancesPerServiceQuota
        return configuration
    }
}
