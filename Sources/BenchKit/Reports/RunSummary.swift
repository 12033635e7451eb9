import AWSModel
import BenchCore
import Emulator
import Foundation

/// The machine-readable result of a run, written as `summary.json`. Its layout is documented in
/// `docs/report-schema.md`; ``schema`` changes whenever a field changes meaning or goes away.
public struct RunSummary: Sendable, Codable, Hashable {
    /// Latency percentiles in milliseconds.
    public struct Latency: Sendable, Codable, Hashable {
        public var p50: Double, p90: Double, p99: Double, p999: Double, max: Double, mean: Double

        init(_ histogram: Histogram) {
            func ms(_ ns: UInt64) -> Double { (Double(ns) / 1_000).rounded() / 1_000 }
            let empty = histogram.totalCount == 0
            p50 = empty ? 0 : ms(histogram.valueAtPercentile(50))
            p90 = empty ? 0 : ms(histogram.valueAtPercentile(90))
            p99 = empty ? 0 : ms(histogram.valueAtPercentile(99))
            p999 = empty ? 0 : ms(histogram.valueAtPercentile(99.9))
            max = empty ? 0 : ms(histogram.max)
            mean = empty ? 0 : (histogram.mean / 1_000).rounded() / 1_000
        }
    }

    /// The corrected and raw latency histograms of one operation, in nanoseconds.
    public struct Histograms: Sendable, Codable, Hashable {
        public var corrected: Histogram
        public var raw: Histogram
    }

    /// What the retry layer did for one operation's calls.
    public struct Calls: Sendable, Codable, Hashable {
        /// Calls by Jepsen outcome over all their attempts: `ok`, `fail` (definitely not applied), `unknown`.
        public var outcomes: [String: Int]
        /// Attempts made in all.
        public var attempts: Int
        /// Calls by number of attempts (`"1"`, `"2"`, ...).
        public var attemptsPerCall: [String: Int]
        /// Attempts per call: 1 without retries.
        public var retryAmplification: Double
        /// Time spent sleeping in backoff, in seconds.
        public var backoffSeconds: Double
        /// Calls that ran out of budget, by reason (`maxAttempts`, `quotaExhausted`, `cancelled`).
        public var giveUps: [String: Int]
        /// Latency of each attempt, from its send to its answer.
        public var attemptLatency: Latency

        init(_ stats: OperationStats) {
            outcomes = stats.callOutcomes
            attempts = stats.attempts
            attemptsPerCall = Dictionary(uniqueKeysWithValues: stats.attemptsPerCall.map { ("\($0.key)", $0.value) })
            retryAmplification = stats.count > 0 ? Double(stats.attempts) / Double(stats.count) : 0
            backoffSeconds = Double(stats.backoffNanoseconds) / 1e9
            giveUps = stats.giveUps
            attemptLatency = Latency(stats.attemptLatency)
        }
    }

    /// One operation's counts and latency.
    public struct Operation: Sendable, Codable, Hashable {
        public var count: Int
        public var ok: Int
        /// Answers with a modeled error, by error code.
        public var errors: [String: Int]
        /// Operations with no answer (timeout, reset), whose effect is unknown.
        public var unknown: Int
        /// Latency from the intended send time (coordinated-omission corrected).
        public var corrected: Latency
        /// Latency from the actual send.
        public var raw: Latency
        /// Corrected latency per outcome: `ok`, each error code, `unknown`.
        public var byOutcome: [String: Latency]
        /// Attempts, retries, backoff and give-ups.
        public var calls: Calls
        /// The full histograms (nanoseconds), in the compact form documented in `docs/report-schema.md`, so runs
        /// can be merged losslessly later.
        public var histograms: Histograms

        init(_ stats: OperationStats) {
            count = stats.count
            ok = stats.ok
            errors = stats.errors
            unknown = stats.unknown
            corrected = Latency(stats.corrected)
            raw = Latency(stats.raw)
            byOutcome = stats.byOutcome.mapValues(Latency.init)
            calls = Calls(stats)
            histograms = Histograms(corrected: stats.corrected, raw: stats.raw)
        }
    }

    /// One phase.
    public struct PhaseSummary: Sendable, Codable, Hashable {
        public var name: String
        public var executor: String
        /// `open` (arrival rate) or `closed` (concurrency or iterations).
        public var model: String
        public var elapsedSeconds: Double
        /// The mean target rate over the phase, for open models.
        public var targetRate: Double?
        /// Completed operations per second of elapsed time (throughput).
        public var achievedRate: Double
        /// Operations that succeeded per second of elapsed time.
        public var goodput: Double
        public var plannedOperations: Int?
        public var issued: Int
        public var completed: Int
        public var lateStarts: Int
        public var dropped: Int
        /// Actual minus intended send time, for open models.
        public var scheduleLag: Latency?
        /// CPU seconds the whole process (user and system, every thread) spent during the phase: the load
        /// generator, and with the embedded emulator the emulator too. Absent in summaries written before it.
        public var cpuSeconds: Double?
        /// ``cpuSeconds`` per completed operation, in microseconds: what one logical operation costs this process.
        /// At full speed in a closed model it bounds the rate: cores / this = operations per second.
        public var cpuMicrosecondsPerOperation: Double?
        public var operations: [String: Operation]
    }

    /// The idempotency checker's result (absent until a run has a checker).
    public struct Idempotency: Sendable, Codable, Hashable {
        /// Violations found, over every invariant.
        public var violations: Int
        /// Each invariant the checker verified, with its evidence; the gate lists each in `junit.xml`.
        public var invariants: [InvariantResult]

        public init(violations: Int, invariants: [InvariantResult]) {
            self.violations = violations
            self.invariants = invariants
        }
    }

    /// The format of this file: `bench.summary/<major>`.
    public var schema = "bench.summary/1"
    public var scenario: String
    public var seed: UInt64
    public var endpoint: String
    public var startedAt: Date
    public var elapsedSeconds: Double
    /// Whether the run was stopped before its phases were done (Ctrl-C, SIGTERM).
    public var interrupted: Bool
    public var phases: [PhaseSummary]
    /// Every phase added up, per operation.
    public var totals: [String: Operation]
    /// The retry strategy and token policy under test, and what the strategy's shared state saw.
    public var retry: Retry
    /// Injected client-side faults by kind (`faults.csv` lists each one).
    public var faults: [String: Int]

    /// The retry layer of the run.
    public struct Retry: Sendable, Codable, Hashable {
        public var strategy: String
        public var tokens: String
        /// Times the retry quota refused a retry.
        public var quotaExhaustionEvents: Int
        /// Sends the adaptive rate limiter delayed.
        public var limiterDelayedSends: Int
    }
    /// The scenario file the run came from (absolute path), so that `bench compare --confirm` can rerun it.
    public var scenarioFile: String?
    /// The run's command-line flags (without `--out`), so that a rerun uses the same overrides.
    public var arguments: [String]?
    /// The idempotency checker's result, when the run was checked.
    public var idempotency: Idempotency?
    /// Why the run was not checked, when the checker could not read the endpoint's state back.
    public var idempotencyUnchecked: String?
    /// The gate's verdict: each threshold and invariant with its outcome, when the scenario declares any.
    public var gate: GateVerdict?
    /// What the load generator's process used (CPU, peak memory, startup time), when run by `bench run`.
    public var resources: ProcessResources?

    init(_ result: RunResult) {
        scenario = result.scenario.name
        seed = result.scenario.seed
        endpoint = result.scenario.endpoint.description
        startedAt = result.wallStart
        elapsedSeconds = Double(result.finishedAt.nanoseconds(since: result.startedAt)) / 1e9
        interrupted = result.interrupted
        var totalStats: [String: OperationStats] = [:]
        phases = result.phases.map { stats in
            let elapsed = stats.startedAt.flatMap { start in stats.endedAt.map { $0.nanoseconds(since: start) } } ?? 0
            let seconds = Double(elapsed) / 1e9
            let completed = stats.operations.values.reduce(0) { $0 + $1.count }
            for (name, operation) in stats.operations { totalStats[name, default: OperationStats()].merge(operation) }
            let open = stats.executor.isOpenModel
            let planned = stats.executor.plannedNanoseconds.map { Double($0) / 1e9 }
            return PhaseSummary(
                name: stats.name, executor: stats.executor.description, model: open ? "open" : "closed",
                elapsedSeconds: seconds,
                targetRate: open ? stats.executor.plannedOperations.flatMap { ops in planned.map { Double(ops) / $0 } } : nil,
                achievedRate: seconds > 0 ? Double(completed) / seconds : 0,
                goodput: seconds > 0 ? Double(stats.operations.values.reduce(0) { $0 + $1.ok }) / seconds : 0,
                plannedOperations: stats.executor.plannedOperations, issued: stats.issued, completed: completed,
                lateStarts: stats.lateStarts, dropped: stats.dropped,
                scheduleLag: open ? Latency(stats.scheduleLag) : nil,
                cpuSeconds: stats.cpuSeconds,
                cpuMicrosecondsPerOperation:
                    completed > 0 ? stats.cpuSeconds.map { $0 * 1e6 / Double(completed) } : nil,
                operations: stats.operations.mapValues(Operation.init)
            )
        }
        totals = totalStats.mapValues(Operation.init)
        retry = Retry(
            strategy: result.retryStrategy, tokens: result.tokenPolicy,
            quotaExhaustionEvents: result.retryStatistics.quotaExhaustionEvents,
            limiterDelayedSends: result.retryStatistics.limiterDelayedSends)
        faults = result.faultCounts
        idempotency = result.idempotency.map(Idempotency.init)
        idempotencyUnchecked = result.idempotencyUnchecked
    }

    /// The summary as pretty, key-sorted JSON.
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return try encoder.encode(self)
    }
}
