import AWSModel
import BenchCore
import Emulator

/// Issues one logical operation: draws its workload and parameters from the seed and the operation's index,
/// sends it, and records the outcome with its intended and actual send times.
struct OperationIssuer: Sendable {
    let phase: Int
    let phaseSeed: SplitMix64
    let workloads: [any Workload]
    /// Running sums of the workloads' weights, for an O(log n) weighted draw.
    let cumulativeWeights: [UInt64]
    let fixtures: ResolvedFixtures
    let transport: any Transport
    let clock: any BenchClock
    let recorder: Recorder
    /// The run-wide sequence number of this phase's operation 0.
    let sequenceBase: UInt64

    init(
        phase: Int, seed: UInt64, mix: Mix, fixtures: ResolvedFixtures, transport: any Transport,
        clock: any BenchClock, recorder: Recorder, sequenceBase: UInt64, phaseName: String
    ) {
        self.phase = phase
        phaseSeed = SplitMix64(seed: seed).derived("phase:\(phaseName)")
        workloads = mix.workloads
        var total: UInt64 = 0
        cumulativeWeights = mix.workloads.map { total += UInt64($0.weight); return total }
        self.fixtures = fixtures
        self.transport = transport
        self.clock = clock
        self.recorder = recorder
        self.sequenceBase = sequenceBase
    }

    /// The request of operation `index` of this phase. Deterministic in (seed, phase, index).
    func request(at index: Int) -> (workload: any Workload, request: AWSRequest) {
        var random = phaseSeed
        random = SplitMix64(seed: random.next() ^ (UInt64(index) &* 0x9E37_79B9_7F4A_7C15))
        let draw = random.next() % cumulativeWeights[cumulativeWeights.count - 1]
        var low = 0, high = cumulativeWeights.count - 1
        while low < high {
            let mid = (low + high) / 2
            if cumulativeWeights[mid] > draw { high = mid } else { low = mid + 1 }
        }
        let workload = workloads[low]
        var context = GenerationContext(random: random, fixtures: fixtures, sequence: sequenceBase + UInt64(index))
        return (workload, workload.makeRequest(&context))
    }

    /// Generates, sends and records operation `index`, intended to start at `intended`.
    func issue(index: Int, intended: Instant, openModel: Bool) async {
        let (workload, request) = request(at: index)
        let sent = clock.now
        recorder.started(phase: phase, lagNanoseconds: sent.nanoseconds(since: intended), openModel: openModel)
        let context = RequestContext(requestId: "\(sequenceBase + UInt64(index))-1", attempt: 1)
        let result = await transport.send(request, context: context)
        recorder.completed(
            phase: phase, operation: workload.operationName, outcome: CallOutcome(result),
            intended: intended, sent: sent, finished: clock.now
        )
    }
}
