import AWSModel
import BenchCore
import Synchronization
import Testing

@testable import Resilience

/// The whole chain: token policy -> retry strategy -> fault layer -> transport.
@Suite("Call pipeline")
struct CallPipelineTests {
    /// A pipeline with `plan` in front of an always-successful transport that counts deliveries.
    struct Rig {
        let clock = ManualClock()
        let transport = ScriptedTransport([Fixtures.ok])
        let events = EventLog()
        let injector: FaultInjector
        let pipeline: CallPipeline

        init(
            _ plan: FaultPlan, strategy: any RetryStrategy = StandardRetryStrategy(),
            tokens: TokenPolicy = .stablePerCall, seed: UInt64 = 1
        ) {
            injector = FaultInjector(
                plan: plan, seed: seed, clock: clock, runStart: .zero, transport: transport.transport,
                onEvent: events.append)
            pipeline = CallPipeline(strategy: strategy, tokens: tokens, clock: clock, seed: seed, faults: injector)
        }

        func call(_ request: AWSRequest = Fixtures.createTargetGroup, sequence: UInt64 = 0) async -> CallRecord {
            let pipeline = pipeline
            return await clock.run { await pipeline.call(request, sequence: sequence, phase: "steady") }
        }
    }

    /// Collects fault events as the injector reports them.
    final class EventLog: Sendable {
        private let events = Mutex<[FaultEvent]>([])
        @Sendable func append(_ event: FaultEvent) { events.withLock { $0.append(event) } }
        var all: [FaultEvent] { events.withLock { $0 } }
    }

    /// A seed under which `plan` hits attempt 1 of call 0 and not attempt 2.
    static func seedHittingOnlyTheFirstAttempt(_ plan: FaultPlan) -> UInt64 {
        (1...1_000).first { seed in
            func hit(_ attempt: Int) -> Bool {
                !plan.hits(
                    seed: UInt64(seed), call: 0, attempt: attempt, request: Fixtures.createTargetGroup,
                    phase: nil, elapsedSeconds: 0
                ).isEmpty
            }
            return hit(1) && !hit(2)
        }.map(UInt64.init) ?? 0
    }

    static let loseHalf = FaultPlan([Fault(.loseResponse(.timeout), probability: 0.5)])

    @Test func lostAnswerRetriedWithTheSameTokenUnderStableTokens() async {
        let rig = Rig(Self.loseHalf, seed: Self.seedHittingOnlyTheFirstAttempt(Self.loseHalf))
        let record = await rig.call()
        #expect(record.outcome == .ok)
        #expect(record.attemptCount == 2)
        #expect(rig.transport.count == 2)  // applied by attempt 1, answered by attempt 2
        let tokens = rig.transport.tokens
        #expect(tokens[0] != nil && tokens[0] == tokens[1])
        #expect(record.token == tokens[0])
        #expect(record.attempts[0].failureKind == "timeout" && record.attempts[0].failureAfterSend)
        #expect(record.attempts[0].faults.map(\.kind) == ["lose-response"])
        #expect(rig.events.all.count == 1)
    }

    @Test func lostAnswerRetriedWithANewTokenUnderFreshTokens() async {
        let rig = Rig(Self.loseHalf, tokens: .freshPerAttempt, seed: Self.seedHittingOnlyTheFirstAttempt(Self.loseHalf))
        let record = await rig.call()
        #expect(record.outcome == .ok)
        let tokens = rig.transport.tokens
        #expect(tokens.count == 2)
        #expect(tokens[0] != tokens[1])
        #expect(record.attempts.map(\.token) == tokens)
    }

    @Test func alwaysLostAnswersLeaveTheOutcomeUnknown() async {
        let rig = Rig(FaultPlan([Fault(.loseResponse(.reset))]))
        let record = await rig.call()
        #expect(record.attemptCount == 3 && rig.transport.count == 3)
        #expect(Set(rig.transport.tokens).count == 1)
        #expect(record.outcome == .unknown && record.giveUpReason == .maxAttempts)
        #expect(record.finalResult.transportFailure?.kind == "reset")
    }

    @Test func resetBeforeSendAppliesNothing() async {
        let rig = Rig(FaultPlan([Fault(.reset)]), strategy: NoRetryStrategy())
        let record = await rig.call()
        #expect(rig.transport.count == 0)
        #expect(record.outcome == .fail)
        #expect(record.attempts[0].failureKind == "reset" && !record.attempts[0].failureAfterSend)
    }

    @Test func syntheticThrottleNeverReachesTheTransport() async {
        let rig = Rig(FaultPlan([Fault(.throttle(retryAfterSeconds: 2))]))
        let record = await rig.call()
        #expect(rig.transport.count == 0)
        #expect(record.attemptCount == 3)
        #expect(record.attempts.allSatisfy { $0.httpStatus == 429 && $0.errorCode == "ThrottlingException" })
        #expect(record.outcome == .fail && record.giveUpReason == .maxAttempts)
    }

    @Test func concurrentDuplicateDeliversTwice() async {
        let rig = Rig(FaultPlan([Fault(.duplicate(.concurrent))]), strategy: NoRetryStrategy())
        let record = await rig.call()
        #expect(record.outcome == .ok)
        #expect(rig.transport.count == 2)
        #expect(Set(rig.transport.tokens).count == 1)
    }

    @Test func delayedDuplicateArrivesAfterTheCaller() async {
        let rig = Rig(
            FaultPlan([Fault(.duplicate(.afterDelay(nanoseconds: 500_000_000)))]), strategy: NoRetryStrategy())
        let record = await rig.call()
        #expect(record.outcome == .ok)
        #expect(rig.transport.count == 1)
        #expect(rig.injector.pendingDuplicates == 1)
        await rig.clock.run { await rig.injector.waitForDelayedDuplicates() }
        #expect(rig.transport.count == 2)
        #expect(rig.clock.now.nanoseconds >= 500_000_000)
        #expect(Set(rig.transport.tokens).count == 1)
    }

    @Test func latencyDelaysTheActualSend() async {
        let rig = Rig(FaultPlan([Fault(.latency(.fixed(nanoseconds: 30_000_000)))]))
        let record = await rig.call()
        let attempt = record.attempts[0]
        #expect(attempt.actualSend.nanoseconds(since: attempt.intendedSend) == 30_000_000)
        #expect(attempt.faults.map(\.kind) == ["latency"])
        #expect(record.outcome == .ok)
    }

    @Test func faultsReplayWhateverOrderCallsRunIn() async {
        let plan = FaultPlanTests.mixedPlan
        func signature(_ events: [FaultEvent]) -> Set<String> {
            Set(events.map { "\($0.callId)/\($0.attempt)/\($0.kind)/\($0.faultIndex)" })
        }
        let sequential = Rig(plan, seed: 11)
        for sequence in 0..<60 { _ = await sequential.call(sequence: UInt64(sequence)) }
        let concurrent = Rig(plan, seed: 11)
        let pipeline = concurrent.pipeline
        await concurrent.clock.run {
            await withTaskGroup(of: Void.self) { group in
                for sequence in (0..<60).reversed() {
                    group.addTask { _ = await pipeline.call(Fixtures.createTargetGroup, sequence: UInt64(sequence)) }
                }
            }
        }
        let first = signature(sequential.events.all)
        #expect(!first.isEmpty)
        #expect(first == signature(concurrent.events.all))
    }

    @Test func suppliedTokensAndParameterDigests() async {
        let rig = Rig(
            FaultPlan([Fault(.error5xx(.unavailable))]), tokens: .supplied { "call\($0.callSequence)-try\($0.attempt)" }
        )
        let record = await rig.call(sequence: 4)
        #expect(record.attempts.map(\.token) == ["call4-try1", "call4-try2", "call4-try3"])
        #expect(record.attempts.allSatisfy { $0.errorCode == "503" })
        let tokenless = Fixtures.createTargetGroup
        #expect(
            tokenless.withIdempotencyToken("a").parameterDigest == tokenless.withIdempotencyToken("b").parameterDigest)
        let other = AWSRequest.lattice(.createTargetGroup(CreateTargetGroupInput(name: "tg-b", type: "IP")))
        #expect(other.parameterDigest != tokenless.parameterDigest)
        #expect(Fixtures.batchGet.withIdempotencyToken("x") == Fixtures.batchGet)
        #expect(!Fixtures.batchGet.acceptsIdempotencyToken)
    }

    @Test func callerTokenIsKeptByStablePolicy() async {
        let rig = Rig(FaultPlan([Fault(.error5xx(.internal))]))
        let record = await rig.call(Fixtures.createTargetGroup.withIdempotencyToken("mine"))
        #expect(rig.transport.count == 0)
        #expect(record.attempts.map(\.token) == ["mine", "mine", "mine"])
    }

    @Test func sameSeedSameRecord() async {
        func run() async -> [String] {
            let rig = Rig(FaultPlanTests.mixedPlan, seed: 5)
            var lines: [String] = []
            for sequence in 0..<20 {
                let record = await rig.call(sequence: UInt64(sequence))
                lines.append(
                    "\(record.invocationId) \(record.attempts.map { "\($0.summary)@\($0.backoffNanoseconds)" })")
            }
            return lines
        }
        #expect(await run() == run())
    }
}

/// The pipeline without a fault layer stamps each attempt's send before the transport runs, so raw latency
/// (answer minus send) is the transport's time and the checker sees when the request reached the endpoint.
@Suite("Call pipeline without faults")
struct FaultFreePipelineTests {
    @Test func actualSendIsBeforeTheTransportAnswers() async {
        let clock = ManualClock()
        let pipeline = CallPipeline(strategy: NoRetryStrategy(), clock: clock, seed: 1) { _, _ in
            try? await clock.sleep(nanoseconds: 5_000_000)  // the endpoint takes 5 ms
            return Fixtures.ok
        }
        let record = await clock.run { await pipeline.call(Fixtures.createTargetGroup, sequence: 0) }
        let attempt = try! #require(record.attempts.first)
        #expect(attempt.actualSend == .zero)
        #expect(attempt.end.nanoseconds(since: attempt.actualSend) == 5_000_000)
    }
}

/// A call whose task is cancelled sends nothing: with no rate limiter wait there is no sleep to notice it, so the
/// attempt checks for it itself, and gives up as cancelled, its request never sent.
@Suite("Call pipeline, cancelled")
struct CancelledCallTests {
    @Test func aCancelledCallSendsNothing() async {
        let transport = ScriptedTransport([Fixtures.ok])
        let pipeline = CallPipeline(
            strategy: StandardRetryStrategy(), clock: SystemClock(), seed: 1, transport: transport.transport)
        let record = await Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return await pipeline.call(Fixtures.createTargetGroup, sequence: 0)
        }.value
        #expect(transport.count == 0)
        #expect(record.attempts.map(\.failureKind) == [TransportFailure.Kind.cancelled])
        #expect(record.attempts.first?.failureAfterSend == false)
        #expect(record.giveUpReason == .cancelled)
        #expect(record.outcome == .fail)
    }
}
