import AWSModel
import BenchCore
import Testing

@testable import BenchKit
@testable import Resilience  // CallRecord's memberwise initializer

/// `Recorder.Batch`: a closed-model worker's completions reach the recorder in batches. What the recorder reports
/// must not depend on how they were batched, and nothing may wait in a batch once the worker has recorded it.
@Suite struct RecorderBatchTests {
    /// Call number `step`, ending `spacing` after the one before: answered, refused or lost, after 1-3 attempts.
    static func call(_ step: Int, spacing: UInt64 = 37_000_000) -> CallRecord {
        let end = Instant(nanoseconds: UInt64(step) * spacing)
        let attempts = 1 + step % 3
        let attempt = AttemptRecord(
            number: 1, token: nil, requestId: "r\(step)", backoffNanoseconds: 0, intendedSend: end,
            actualSend: Instant(nanoseconds: end.nanoseconds(since: .zero) / 2), end: end, limiterWaitNanoseconds: 0,
            summary: "", httpStatus: nil, errorCode: nil, failureKind: nil, failureAfterSend: false, faults: [])
        let results: [AttemptResult] = [
            .response(.cloudMap(.registerInstance(RegisterInstanceOutput(operationId: "o")))),
            .serviceError(.invalidInput("refused")),
            .failure(TransportFailure(kind: "timeout", detail: "", requestSent: true)),
        ]
        let outcomes: [CallOutcome] = [.ok, .fail, .unknown]
        return CallRecord(
            sequence: UInt64(step), invocationId: "i\(step)", service: .cloudMap,
            operation: step % 4 == 0 ? "RegisterInstance" : "RegisterTargets", token: nil, phase: "p",
            intendedStart: .zero, start: Instant(nanoseconds: 1), end: end,
            attempts: Array(repeating: attempt, count: attempts), outcome: outcomes[step % 3], giveUpReason: nil,
            backoffNanoseconds: UInt64(step), finalResult: results[step % 3])
    }

    static func recorder() -> Recorder {
        let scenario = Scenario("batch") { Phase("p", .iterations(130, concurrency: 2)) }
        let recorder = Recorder(phases: scenario.phases, processCPUSeconds: { 0 })
        recorder.phaseStarted(0, at: .zero)
        return recorder
    }

    /// The same 130 calls, 37 ms apart over five 1-second intervals, one by one and in batches (of 7 at 1 ms apart,
    /// of up to 7 within 10 ms otherwise, and the last one short): the same phase totals, per-operation histograms
    /// and retry counts, the same live totals, and the same `latency.csv` rows.
    @Test(arguments: [1_000_000, 37_000_000] as [UInt64])
    func batchesRecordWhatOneByOneRecords(spacing: UInt64) {
        let single = Self.recorder()
        let batched = Self.recorder()
        var batchOfOne = Recorder.Batch(capacity: 1)  // recorded as each call completes
        var batch = Recorder.Batch(capacity: 7)
        for step in 0..<130 {
            let call = Self.call(step, spacing: spacing)
            single.started()
            batched.started()
            single.completed(phase: 0, call: call, intended: .zero, lagNanoseconds: nil, into: &batchOfOne)
            batched.completed(phase: 0, call: call, intended: .zero, lagNanoseconds: nil, into: &batch)
        }
        batched.record(&batch)
        for recorder in [single, batched] { recorder.phaseEnded(0, at: Instant(nanoseconds: 5_000_000_000), dropped: 0) }

        let (one, many) = (single.snapshot[0], batched.snapshot[0])
        #expect(one.issued == 130)
        #expect(many.issued == one.issued)
        #expect(Set(many.operations.keys) == ["RegisterInstance", "RegisterTargets"])
        for (name, expected) in one.operations {
            let stats = many.operations[name]
            #expect(stats?.corrected == expected.corrected, "\(name)")
            #expect(stats?.raw == expected.raw, "\(name)")
            #expect(stats?.callOutcomes == expected.callOutcomes, "\(name)")
            #expect(stats?.attemptsPerCall == expected.attemptsPerCall, "\(name)")
            #expect(stats?.backoffNanoseconds == expected.backoffNanoseconds, "\(name)")
        }
        #expect(batched.live == single.live)
        #expect(batched.live.completed == 130 && batched.live.inFlight == 0)
        #expect(batched.live.errors == 43 && batched.live.unknown == 43)
        #expect(single.timeline.count >= (spacing > 1_000_000 ? 10 : 2))  // two operations, one or five intervals
        #expect(batched.timeline == single.timeline)
    }

    /// Completions 1 ms apart wait in the batch until it is full; `record` takes the rest and empties it.
    @Test func aBatchIsRecordedWhenFullOrWhenTheWorkerStops() {
        let recorder = Self.recorder()
        var batch = Recorder.Batch(capacity: 3)
        func complete(_ step: Int) {
            recorder.started()
            recorder.completed(
                phase: 0, call: Self.call(step, spacing: 1_000_000), intended: .zero, lagNanoseconds: nil, into: &batch)
        }
        complete(0)
        complete(1)
        #expect(recorder.live.completed == 0 && recorder.live.inFlight == 2)
        #expect(recorder.snapshot[0].issued == 0)
        complete(2)
        #expect(recorder.live.completed == 3 && recorder.live.inFlight == 0)
        #expect(recorder.snapshot[0].issued == 3)
        complete(3)
        #expect(recorder.snapshot[0].issued == 3)
        recorder.record(&batch)
        #expect(recorder.snapshot[0].issued == 4 && recorder.live.completed == 4)
        recorder.record(&batch)  // empty now: nothing is recorded twice
        #expect(recorder.snapshot[0].issued == 4 && recorder.live.completed == 4)
    }

    /// A closed-model worker's batch reserves little room up front and grows: it still holds its operations until
    /// it is full, past that first room, and then records them all at once.
    @Test func aClosedWorkersBatchGrowsPastItsFirstRoomUntilFull() {
        let recorder = Self.recorder()
        let capacity = Recorder.Batch.closedWorkerCapacity
        #expect(capacity > Recorder.Batch.initialReservation)
        var batch = Recorder.Batch(capacity: capacity)
        for step in 0..<capacity {  // 1 us apart: all within 10 ms
            recorder.started()
            recorder.completed(
                phase: 0, call: Self.call(step, spacing: 1_000), intended: .zero, lagNanoseconds: nil, into: &batch)
            let expected = step == capacity - 1 ? capacity : 0
            #expect(recorder.snapshot[0].issued == expected, "after \(step + 1) calls")
        }
        #expect(recorder.live.completed == capacity && recorder.live.inFlight == 0)
    }

    /// Slow calls are recorded as they complete: a batch whose operations span 10 ms is recorded though not full.
    @Test func aBatchOlderThanTenMillisecondsIsRecorded() {
        let recorder = Self.recorder()
        var batch = Recorder.Batch(capacity: 100)
        for (step, expected) in [(0, 0), (9, 0), (10, 3), (11, 3), (25, 5)] {  // ends at 0, 9, 10, 11 and 25 ms
            recorder.started()
            recorder.completed(
                phase: 0, call: Self.call(step, spacing: 1_000_000), intended: .zero, lagNanoseconds: nil, into: &batch)
            #expect(recorder.snapshot[0].issued == expected, "after the call ending at \(step) ms")
        }
    }
}
