import AWSModel
import BenchCore
import Checker
import Emulator
import Resilience
import Foundation

/// Runs a validated scenario: builds the endpoint, creates the fixtures, runs each phase in order, and returns
/// what it recorded, even when stopped part way.
public struct Runner: Sendable {
    public let scenario: Scenario
    let clock: any BenchClock
    let stop: StopSignal
    let transportOverride: (any Transport)?
    let progress: ProgressReporter?
    let intervalLog: IntervalLog?
    let faultLog: FaultLog?
    let abortMonitor: AbortMonitor?
    /// The run folder to stream `history.jsonl` into and to check afterwards, if the run is checked.
    let checkFolder: URL?

    /// - Parameters:
    ///   - scenario: the scenario, with command-line overrides already applied.
    ///   - clock: the clock that schedules and measures (``SystemClock`` outside tests).
    ///   - stop: set it to stop scheduling; what was recorded is still returned.
    ///   - transport: a transport to use instead of the scenario's endpoint (tests).
    ///   - progress: prints the live status line, if given.
    ///   - intervalLog: receives `latency.csv` rows as intervals close, if given.
    ///   - faultLog: receives every injected fault (`faults.csv`), if given; otherwise faults are only counted.
    ///   - abortMonitor: evaluates abort-on-fail thresholds during the phases and sets `stop` on a breach.
    ///   - checkFolder: streams `history.jsonl` there and runs the idempotency checker after the load, unless the
    ///     scenario turned the checker off (`CheckIdempotency(false)`).
    public init(
        scenario: Scenario, clock: any BenchClock = SystemClock(), stop: StopSignal = StopSignal(),
        transport: (any Transport)? = nil, progress: ProgressReporter? = nil, intervalLog: IntervalLog? = nil,
        faultLog: FaultLog? = nil, abortMonitor: AbortMonitor? = nil, checkFolder: URL? = nil
    ) {
        self.checkFolder = checkFolder
        self.intervalLog = intervalLog
        self.faultLog = faultLog
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
        var configuration = scenario.emulator.configuration
        configuration.recordsLedger = scenario.checksIdempotency || !scenario.invariants.isEmpty
        let emulator: Emulator? = scenario.endpoint.isEmbedded
            ? Emulator(configuration: configuration, clock: clock, seed: scenario.seed) : nil
        let transport: any Transport
        if let transportOverride {
            transport = transportOverride
        } else if let emulator {
            transport = EmbeddedTransport(emulator: emulator, clock: clock)
        } else if case .http(_, let region) = scenario.endpoint.kind {
            let credentials = try Runner.credentials()
            var byURL: [String: any Transport] = [:]
            var byService: [AWSService: any Transport] = [:]
            for service in AWSService.allCases {
                let url = scenario.endpoint.url(for: service)!
                if byURL[url] == nil {
                    byURL[url] = try liveTransport(url: url, region: region, credentials: credentials)
                }
                byService[service] = byURL[url]
            }
            transport = byURL.count == 1 ? byURL.values.first! : ServiceRoutingTransport(transports: byService)
        } else {
            throw SetupError("endpoint \(scenario.endpoint) is not supported")
        }
        var fixtures = ResolvedFixtures()
        let setup = SetupContext(transport: transport, emulator: emulator, clock: clock)
        for fixture in scenario.fixtures { try await fixture.create(using: setup, into: &fixtures) }

        var rowSink: (@Sendable ([IntervalRow]) -> Void)?
        if let intervalLog { rowSink = { rows in intervalLog.append(rows) } }
        let origin = clock.now
        let recorder = Recorder(
            phases: scenario.phases, origin: origin, intervalNanoseconds: scenario.intervalNanoseconds,
            rowSink: rowSink
        )
        let faultLog = try self.faultLog ?? FaultLog(folder: nil)
        let strategy = scenario.retry.makeStrategy(clock: clock)
        let send: AttemptTransport = { request, context in await transport.send(request, context: context) }
        let injector = scenario.faults.faults.isEmpty ? nil : FaultInjector(
            plan: scenario.faults, seed: scenario.seed, clock: clock, runStart: origin, transport: send,
            onEvent: { event in faultLog.record(event, origin: origin) })
        let pipeline = if let injector {
            CallPipeline(strategy: strategy, tokens: scenario.tokens, clock: clock, seed: scenario.seed, faults: injector)
        } else {
            CallPipeline(strategy: strategy, tokens: scenario.tokens, clock: clock, seed: scenario.seed, transport: send)
        }
        abortMonitor?.start(scenario: scenario, recorder: recorder, clock: clock, stop: stop)
        defer { abortMonitor?.finish() }
        let checkFolder = scenario.checksIdempotency ? checkFolder : nil
        let history = try checkFolder.map {
            try HistoryLog(url: $0.appendingPathComponent(IdempotencyCheck.historyFile))
        }
        var sequenceBase: UInt64 = 0
        for (index, phase) in scenario.phases.enumerated() where !stop.isStopped {
            let issuer = OperationIssuer(
                phase: index, seed: scenario.seed, mix: phase.mix ?? scenario.defaultMix ?? .allOperations,
                fixtures: fixtures, pipeline: pipeline, clock: clock, recorder: recorder,
                sequenceBase: sequenceBase, phaseName: phase.name, history: history
            )
            let runner = PhaseRunner(
                phase: phase, index: index, issuer: issuer, clock: clock, recorder: recorder, stop: stop,
                maxInFlight: scenario.maxInFlight, drainTimeoutNanoseconds: scenario.drainTimeoutNanoseconds
            )
            progress?.phaseStarted(index: index, phase: phase, recorder: recorder, clock: clock)
            let issued = await runner.run()
            progress?.phaseEnded()
            sequenceBase += UInt64(issued)
        }
        if !stop.isStopped { await injector?.waitForDelayedDuplicates() }
        var idempotency: IdempotencyReport?
        var uncheckedReason = scenario.checksIdempotency
            ? nil : "the idempotency checker was turned off (CheckIdempotency(false) or --no-check)"
        if let history, let checkFolder {
            let scope = try history.close()
            progress?.checkStarted(calls: history.count)
            defer { progress?.checkEnded() }
            do {
                idempotency = try await IdempotencyCheck.afterRun(
                    folder: checkFolder, scope: scope, emulator: emulator, transport: transport, clock: clock,
                    operationDelay: scenario.emulator.configuration.cloudMapOperationDelayNanoseconds)
            } catch let error as CheckerError {
                // A live endpoint may not implement a read-back API (moto has no ListTargets): the load and every
                // other report stand; the check is reported as not done, and a gate on it as not measured.
                uncheckedReason = error.description
            }
        }
        var result = RunResult(
            scenario: scenario, phases: recorder.snapshot, startedAt: startedAt, finishedAt: clock.now,
            wallStart: clock.date(of: startedAt), interrupted: stop.isStopped, ledger: emulator?.ledger,
            timeline: recorder.timeline, retryStrategy: strategy.name, retryStatistics: strategy.statistics,
            faultCounts: faultLog.counts, faultSpans: faultLog.spans, tokenPolicy: scenario.tokens.name
        )
        result.idempotency = idempotency
        result.idempotencyUnchecked = uncheckedReason
        return result
    }
}

extension Runner {
    /// The transport for one live endpoint URL: the epoll HTTP/1.1 client for `http://`, URLSession for `https://`.
    func liveTransport(url: String, region: String, credentials: AWSCredentials) throws -> any Transport {
        let timeout = scenario.requestTimeoutNanoseconds, connections = min(scenario.maxInFlight, 256)
        switch try EndpointURL.parse(url).scheme {
        case .http:
            return try HTTPTransport(
                url: url, region: region, credentials: credentials, clock: clock, timeoutNanoseconds: timeout,
                maxConnections: connections)
        case .https:
            return try URLSessionTransport(
                url: url, region: region, credentials: credentials, clock: clock, timeoutNanoseconds: timeout,
                maxConnections: connections)
        }
    }

    /// The keys live requests are signed with: `AWS_ACCESS_KEY_ID`/`AWS_SECRET_ACCESS_KEY`/`AWS_SESSION_TOKEN`, else
    /// the shared credentials file (`AWS_PROFILE`), else placeholder keys that moto and `bench serve` accept.
    static func credentials() throws -> AWSCredentials {
        do {
            if let found = try AWSCredentials.resolve(environment: ProcessInfo.processInfo.environment) { return found }
        } catch {
            throw SetupError("credentials: \(error)")
        }
        return AWSCredentials(accessKeyId: "bench", secretAccessKey: "bench-placeholder-secret")
    }
}
