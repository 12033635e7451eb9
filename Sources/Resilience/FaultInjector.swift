import AWSModel
import BenchCore
import Synchronization

/// Which attempt of which logical call the fault layer is handling.
public struct FaultAttempt: Sendable, Hashable {
    /// The call's sequence number in the run (the coordinate fault decisions are keyed by).
    public var callSequence: UInt64
    /// The call's invocation id, for events.
    public var callId: String
    /// The 1-based attempt number.
    public var attempt: Int
    /// The phase the call runs in.
    public var phase: String?

    public init(callSequence: UInt64, callId: String, attempt: Int, phase: String? = nil) {
        self.callSequence = callSequence
        self.callId = callId
        self.attempt = attempt
        self.phase = phase
    }
}

/// What the fault layer made of one attempt.
public struct InjectedAttempt: Sendable {
    /// What the caller gets.
    public var result: AttemptResult
    /// When the request went out (or would have), after any injected latency.
    public var sentAt: Instant
    /// The faults injected into this attempt, in the order they took effect.
    public var faults: [FaultEvent]
}

/// The client-side fault layer: sits between the retry strategy and the transport and injects the faults of
/// a ``FaultPlan`` into attempts, logging an event for each.
///
/// Synthetic errors and resets never reach the transport; `lose-response` and `duplicate` do (the service
/// applies the request); latency is slept on the injected clock before the send. A delayed duplicate is
/// delivered in the background; ``waitForDelayedDuplicates()`` waits for those still in flight.
public final class FaultInjector: Sendable {
    public let plan: FaultPlan
    public let seed: UInt64
    /// The instant the run started (time windows count from it).
    public let runStart: Instant
    private let clock: any BenchClock
    private let transport: AttemptTransport
    private let onEvent: (@Sendable (FaultEvent) -> Void)?
    private let pending = Mutex<(next: UInt64, tasks: [UInt64: Task<Void, Never>])>((0, [:]))

    /// - Parameters:
    ///   - onEvent: called for every injected fault as it happens (the run's `faults.csv` writer).
    public init(
        plan: FaultPlan, seed: UInt64, clock: any BenchClock, runStart: Instant,
        transport: @escaping AttemptTransport, onEvent: (@Sendable (FaultEvent) -> Void)? = nil
    ) {
        self.plan = plan
        self.seed = seed
        self.clock = clock
        self.runStart = runStart
        self.transport = transport
        self.onEvent = onEvent
    }

    /// Carries one attempt through the faults that hit it and the transport.
    nonisolated(nonsending) public func send(
        _ request: AWSRequest, context: RequestContext, attempt: FaultAttempt
    ) async -> InjectedAttempt {
        // One reading for the plan's windows and, unless a latency fault sleeps first, the send time: nothing but
        // the plan's draws lies between them.
        let now = clock.now
        let hits = plan.hits(
            seed: seed, call: attempt.callSequence, attempt: attempt.attempt, request: request, phase: attempt.phase,
            elapsedSeconds: Double(now.nanoseconds(since: runStart)) / 1e9)
        var slept = false
        var events: [FaultEvent] = []
        func log(_ hit: FaultPlan.Hit, _ detail: String) {
            let event = FaultEvent(
                time: clock.now, operation: request.operationName, callId: attempt.callId, attempt: attempt.attempt,
                kind: hit.kind.name, detail: detail, faultIndex: hit.index)
            events.append(event)
            onEvent?(event)
        }
        var outcome: FaultPlan.Hit?
        for hit in hits {
            guard case .latency(let distribution) = hit.kind else {
                outcome = hit
                continue
            }
            log(hit, "\(distribution.detail): +\(hit.latencyNanoseconds / 1_000)us")
            do {
                try await clock.sleep(nanoseconds: hit.latencyNanoseconds)
                slept = true
            } catch {
                let failure = TransportFailure(
                    kind: TransportFailure.Kind.cancelled, detail: "cancelled", requestSent: false)
                return InjectedAttempt(result: .failure(failure), sentAt: clock.now, faults: events)
            }
        }
        let sentAt = slept ? clock.now : now
        guard let outcome else {
            return InjectedAttempt(result: await transport(request, context), sentAt: sentAt, faults: events)
        }
        let result = await apply(outcome, request: request, context: context, log: log)
        return InjectedAttempt(result: result, sentAt: sentAt, faults: events)
    }

    /// Applies the fault that decides the attempt's result.
    private func apply(
        _ hit: FaultPlan.Hit, request: AWSRequest, context: RequestContext,
        log: (FaultPlan.Hit, String) -> Void
    ) async -> AttemptResult {
        switch hit.kind {
        case .throttle, .conflict, .error5xx:
            guard let error = SyntheticErrors.answer(for: hit.kind, to: request) else {
                return await transport(request, context)
            }
            log(hit, "\(error.code) \(error.httpStatus)")
            return .serviceError(error)
        case .reset:
            log(hit, "reset before send")
            return .failure(
                TransportFailure(kind: TransportFailure.Kind.reset, detail: "injected reset", requestSent: false))
        case .loseResponse(let lost):
            let answer = await transport(request, context)
            log(hit, "applied (\(answer.summary)), answer replaced by \(lost.rawValue)")
            return .failure(TransportFailure(kind: lost.rawValue, detail: "injected lost answer", requestSent: true))
        case .duplicate(.concurrent):
            log(hit, "delivered twice, concurrently")
            // The second copy runs as a child task while this task sends the first: one task to create and
            // schedule per duplicate, not two.
            async let second = transport(request, context)
            let first = await transport(request, context)
            _ = await second
            return first
        case .duplicate(.afterDelay(let delay)):
            let answer = await transport(request, context)
            log(hit, "second copy \(delay / 1_000_000)ms after the answer")
            scheduleDuplicate(request, context: context, at: clock.now.advanced(by: delay))
            return answer
        case .latency:
            // Latency never decides the outcome (``FaultPlan/hits``); the case is here for exhaustiveness.
            return await transport(request, context)
        }
    }

    /// Delivers a copy of `request` at `deadline` in the background.
    private func scheduleDuplicate(_ request: AWSRequest, context: RequestContext, at deadline: Instant) {
        let clock = clock
        let transport = transport
        pending.withLock { state in
            let id = state.next
            state.next += 1
            state.tasks[id] = Task { [weak self] in
                if (try? await clock.sleep(until: deadline)) != nil { _ = await transport(request, context) }
                _ = self?.pending.withLock { $0.tasks.removeValue(forKey: id) }
            }
        }
    }

    /// Waits until every delayed duplicate scheduled so far has been delivered (or cancelled).
    public func waitForDelayedDuplicates() async {
        while let task = pending.withLock({ $0.tasks.first?.value }) {
            await task.value
        }
    }

    /// How many delayed duplicates are waiting to be delivered.
    public var pendingDuplicates: Int { pending.withLock { $0.tasks.count } }
}
