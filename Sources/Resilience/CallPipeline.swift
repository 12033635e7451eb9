import AWSModel
import BenchCore

/// Runs logical calls through token policy -> retry strategy -> fault layer -> transport on an injected clock,
/// and records each as a ``CallRecord``.
///
/// One pipeline serves one client: the strategy's quota and rate limiter are shared by its calls. Everything
/// random is derived from `seed` and the call's sequence number, so a seeded run replays exactly however
/// calls interleave.
public struct CallPipeline: Sendable {
    /// Carries one attempt through the fault layer (or straight to the transport). Like
    /// ``call(_:sequence:phase:intendedStart:)`` and the layers under it, it runs on its caller's executor: no
    /// executor check at each layer of every call.
    public typealias Send =
        nonisolated(nonsending) @Sendable (AWSRequest, RequestContext, FaultAttempt) async -> InjectedAttempt

    public let strategy: any RetryStrategy
    public let tokens: TokenPolicy
    public let seed: UInt64
    private let clock: any BenchClock
    private let send: Send

    /// A pipeline whose attempts go through `faults`.
    public init(
        strategy: any RetryStrategy, tokens: TokenPolicy = .stablePerCall, clock: any BenchClock, seed: UInt64,
        faults: FaultInjector
    ) {
        self.init(strategy: strategy, tokens: tokens, clock: clock, seed: seed) { request, context, attempt in
            await faults.send(request, context: context, attempt: attempt)
        }
    }

    /// A pipeline without faults: attempts go straight to `transport`.
    public init(
        strategy: any RetryStrategy, tokens: TokenPolicy = .stablePerCall, clock: any BenchClock, seed: UInt64,
        transport: @escaping AttemptTransport
    ) {
        self.init(strategy: strategy, tokens: tokens, clock: clock, seed: seed) { request, context, _ in
            // The send time is read before the transport runs: after it, it would be the answer's time.
            let sentAt = clock.now
            return InjectedAttempt(result: await transport(request, context), sentAt: sentAt, faults: [])
        }
    }

    private init(
        strategy: any RetryStrategy, tokens: TokenPolicy, clock: any BenchClock, seed: UInt64, send: @escaping Send
    ) {
        self.strategy = strategy
        self.tokens = tokens
        self.clock = clock
        self.seed = seed
        self.send = send
    }

    /// Runs one logical call to the end (success or give-up) and returns its record.
    /// - Parameters:
    ///   - sequence: the call's sequence number in the run, unique per call (keys every random decision).
    ///   - phase: the phase it runs in (for fault windows and reports).
    ///   - intendedStart: when the scheduler meant it to start; defaults to now.
    nonisolated(nonsending) public func call(
        _ request: AWSRequest, sequence: UInt64, phase: String? = nil, intendedStart: Instant? = nil
    ) async -> CallRecord {
        var identity = SeedMix.generator(seed, sequence, 0, RandomStream.identity)
        var jitter = SeedMix.generator(seed, sequence, 0, RandomStream.retry)
        let invocationId = UUIDText.make(&identity)
        let start = clock.now
        var attempts: [AttemptRecord] = []
        var quotaHeld = 0
        var backoff: UInt64 = 0
        var totalBackoff: UInt64 = 0
        while true {
            let number = attempts.count + 1
            let (record, result) = await attempt(
                number, of: request, sequence: sequence, invocationId: invocationId,
                requestId: UUIDText.make(&identity), phase: phase, backoff: backoff,
                intended: number == 1 ? start : nil)
            // The end is read first, so that the record moves into the list rather than being copied into it (six
            // retains and releases a call, counted with `scripts/count-calls.sh`).
            let end = record.end
            attempts.append(record)
            var decision = RetryDecision.giveUp(.cancelled)
            if result.transportFailure?.kind != TransportFailure.Kind.cancelled && !Task.isCancelled {
                let context = RetryContext(
                    service: request.service, operation: request.operationName, attempt: number, result: result,
                    elapsedNanoseconds: end.nanoseconds(since: start), now: end, quotaHeld: quotaHeld)
                decision = strategy.decide(context, random: &jitter)
            }
            if case .retry(let delay, let acquired) = decision {
                if (try? await clock.sleep(until: end.advanced(by: delay))) != nil {
                    quotaHeld = acquired
                    backoff = delay
                    totalBackoff &+= delay
                    continue
                }
                decision = .giveUp(.cancelled)
            }
            let reason: GiveUpReason? = if case .giveUp(let reason) = decision { reason } else { nil }
            return CallRecord(
                sequence: sequence, invocationId: invocationId, service: request.service,
                operation: request.operationName, token: attempts.first?.token, phase: phase,
                intendedStart: intendedStart ?? start, start: start, end: clock.now, attempts: attempts,
                outcome: Self.outcome(of: attempts, final: result), giveUpReason: reason,
                backoffNanoseconds: totalBackoff, finalResult: result)
        }
    }

    /// Makes attempt `number`: waits for the rate limiter, sets the token, sends through the fault layer.
    /// `intended` is when it is due, when the caller has just read the clock (the first attempt is due when the call
    /// starts); `nil` reads it.
    nonisolated(nonsending) private func attempt(
        _ number: Int, of request: AWSRequest, sequence: UInt64, invocationId: String, requestId: String,
        phase: String?, backoff: UInt64, intended: Instant?
    ) async -> (AttemptRecord, AttemptResult) {
        let intended = intended ?? clock.now
        let limiterWait = strategy.admit(at: intended)
        var token: String?
        let result: AttemptResult
        var sentAt = intended
        var faults: [FaultEvent] = []
        // No rate limiter wait (the usual case): no sleep, so no suspension and no clock reading, but a cancelled
        // call still stops here, as a sleep would have stopped it.
        var admitted = !Task.isCancelled
        if limiterWait > 0 { admitted = (try? await clock.sleep(until: intended.advanced(by: limiterWait))) != nil }
        if !admitted {
            result = .failure(
                TransportFailure(kind: TransportFailure.Kind.cancelled, detail: "cancelled", requestSent: false))
        } else {
            var attemptRequest = request
            if request.acceptsIdempotencyToken {
                let context = TokenPolicy.TokenContext(
                    callSequence: sequence, attempt: number, operation: request.operationName,
                    requestToken: request.idempotencyToken)
                token = tokens.token(for: context, seed: seed)
                attemptRequest = request.withIdempotencyToken(token)
            }
            let context = RequestContext(requestId: requestId, invocationId: invocationId, attempt: number)
            let injected = await send(
                attemptRequest, context,
                FaultAttempt(callSequence: sequence, callId: invocationId, attempt: number, phase: phase))
            (result, sentAt, faults) = (injected.result, injected.sentAt, injected.faults)
        }
        let record = AttemptRecord(
            number: number, token: token, requestId: requestId, backoffNanoseconds: backoff,
            intendedSend: intended, actualSend: sentAt, end: clock.now, limiterWaitNanoseconds: limiterWait,
            summary: result.summary, httpStatus: result.serviceError?.httpStatus, errorCode: result.errorCode,
            failureKind: result.transportFailure?.kind, failureAfterSend: result.transportFailure?.requestSent ?? false,
            faults: faults)
        return (record, result)
    }

    /// `ok` on success; `unknown` if any attempt went out and lost its answer; else `fail`.
    static func outcome(of attempts: [AttemptRecord], final: AttemptResult) -> CallOutcome {
        if final.isSuccess { return .ok }
        return attempts.contains(where: \.failureAfterSend) ? .unknown : .fail
    }
}
