import AWSModel
import BenchCore
import Checker
import Emulator
import Resilience

/// Issues one logical operation: draws its workload and parameters from the seed and the operation's index,
/// sends it, and records the outcome with its intended and actual send times.
struct OperationIssuer: Sendable {
    let phase: Int
    let phaseSeed: SplitMix64
    private(set) var workloads: [any Workload]
    /// Running sums of the workloads' weights, for an O(log n) weighted draw.
    private(set) var cumulativeWeights: [UInt64]
    private(set) var fixtures: ResolvedFixtures
    /// Token policy, retry strategy and fault layer in front of the transport.
    let pipeline: CallPipeline
    let phaseName: String
    let clock: any BenchClock
    let recorder: Recorder
    /// The run-wide sequence number of this phase's operation 0.
    let sequenceBase: UInt64
    /// Receives every completed call as a `history.jsonl` line, when the run is checked.
    let history: HistoryLog?

    init(
        phase: Int, seed: UInt64, mix: Mix, fixtures: ResolvedFixtures, pipeline: CallPipeline,
        clock: any BenchClock, recorder: Recorder, sequenceBase: UInt64, phaseName: String,
        history: HistoryLog? = nil
    ) {
        self.history = history
        self.phaseName = phaseName
        self.phase = phase
        phaseSeed = SplitMix64(seed: seed).derived("phase:\(phaseName)")
        workloads = mix.workloads
        var total: UInt64 = 0
        cumulativeWeights = mix.workloads.map { total += UInt64($0.weight); return total }
        self.fixtures = fixtures
        self.pipeline = pipeline
        self.clock = clock
        self.recorder = recorder
        self.sequenceBase = sequenceBase
    }

    /// This issuer for one closed-model worker: the same requests for the same indices, made from fixtures, a mix
    /// and weights that share no storage with any other worker's, so that the reference counting of making a request
    /// stays in the worker's core (``ResolvedFixtures/unshared()``).
    /// - Complexity: O(total size of the fixtures).
    func forWorker() -> OperationIssuer {
        var copy = self
        copy.fixtures = fixtures.unshared()
        copy.workloads = workloads.map { Self.boxed($0) }
        copy.cumulativeWeights = cumulativeWeights.map { $0 }
        return copy
    }

    /// `workload` in a new existential box (copying an `any Workload` shares its box).
    private static func boxed<W: Workload>(_ workload: W) -> any Workload { workload }

    /// The request of operation `index` of this phase. Deterministic in (seed, phase, index).
    func request(at index: Int) -> AWSRequest {
        var random = phaseSeed
        random = SplitMix64(seed: random.next() ^ (UInt64(index) &* 0x9E37_79B9_7F4A_7C15))
        let draw = random.next() % cumulativeWeights[cumulativeWeights.count - 1]
        var low = 0, high = cumulativeWeights.count - 1
        while low < high {
            let mid = (low + high) / 2
            if cumulativeWeights[mid] > draw { high = mid } else { low = mid + 1 }
        }
        var context = GenerationContext(random: random, fixtures: fixtures, sequence: sequenceBase + UInt64(index))
        return workloads[low].makeRequest(&context)
    }

    /// What one worker gathers between hand-overs: its calls' figures for the recorder (``Recorder/Batch``) and,
    /// when the run is checked, their history lines (``HistoryLog/Batch``).
    struct Batch: Sendable {
        var recorder: Recorder.Batch
        /// `nil`: each call's line is appended as it completes (an open model's calls, each on a task of its own).
        var history: HistoryLog.Batch?

        /// A closed-model worker's batch.
        static func closedWorker() -> Batch {
            Batch(recorder: Recorder.Batch(capacity: Recorder.Batch.closedWorkerCapacity), history: HistoryLog.Batch())
        }

        /// One open-model call's batch: recorded and written as it completes.
        static func single() -> Batch { Batch(recorder: Recorder.Batch(capacity: 1), history: nil) }
    }

    /// Hands over what `batch` gathered: a worker calls this when it stops, so that nothing it completed is left
    /// out of its phase or of the history.
    func flush(_ batch: inout Batch) {
        recorder.record(&batch.recorder)
        if let history, batch.history != nil { history.flush(&batch.history!) }
    }

    /// Generates operation `index`, runs it through the pipeline (token policy, retries, faults, transport),
    /// and records the call, intended to start at `intended`, through `batch`.
    /// Runs on its caller's executor (``Transport`` says why).
    nonisolated(nonsending) func issue(
        index: Int, intended: Instant, openModel: Bool, batch: inout Batch
    ) async {
        let request = request(at: index)
        // A closed model's operation is due when it starts: no lag, and no clock read for one.
        let lag = openModel ? clock.now.nanoseconds(since: intended) : nil
        recorder.started()
        let call = await pipeline.call(
            request, sequence: sequenceBase + UInt64(index), phase: phaseName, intendedStart: intended)
        recorder.completed(phase: phase, call: call, intended: intended, lagNanoseconds: lag, into: &batch.recorder)
        guard let history else { return }
        if batch.history != nil {
            history.append(call, request: request, into: &batch.history!)
        } else {
            history.append(call, request: request)
        }
    }
}
