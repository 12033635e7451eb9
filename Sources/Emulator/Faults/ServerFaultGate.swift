import AWSModel
import BenchCore
import Synchronization

/// One service's server-side faults (``EmulatorFaults``) and seeded mutation decisions, applied at its front door.
///
/// Thread-safe: the token buckets and the fault counts sit behind one `Mutex` (O(1) critical sections); the
/// counter that keys requests without a request id is an `Atomic`.
final class ServerFaultGate: Sendable {
    /// A brownout window converted to the emulator clock.
    private struct Window: Sendable {
        let start: Instant
        let end: Instant
        let brownout: EmulatorFaults.Brownout
    }

    private struct State {
        var buckets: [String: TokenBucket]
        var counts = EmulatorFaultCounts()
    }

    private let service: AWSService
    private let clock: any BenchClock
    private let windows: [Window]
    /// Whether any operation has a rate limit: without one, ``admit(_:context:)`` takes no lock (it runs on every
    /// request, from every worker).
    private let rateLimited: Bool
    private let state: Mutex<State>
    private let unidentifiedRequests = Atomic<UInt64>(0)
    private let brownoutDice: FaultDice
    private let failureDice: FaultDice
    private let dropDice: FaultDice
    /// ``EmulatorFaults/registerTargetsFailureFraction``.
    let registerTargetsFailureFraction: Double
    /// ``EmulatorMutations/dropAcknowledgedRegistrations``.
    let dropFraction: Double

    /// - Parameters:
    ///   - configuration: the faults and mutations to apply.
    ///   - service: which service's error shapes to answer with.
    ///   - clock: the time rate limits refill on and brownout windows are measured on, from its `now` at creation.
    ///   - seed: fixes every seeded decision.
    init(configuration: EmulatorConfiguration, service: AWSService, clock: any BenchClock, seed: UInt64) {
        let origin = clock.now
        self.service = service
        self.clock = clock
        windows = configuration.faults.brownouts.map {
            Window(start: origin.advanced(bySeconds: $0.from), end: origin.advanced(bySeconds: $0.to), brownout: $0)
        }
        rateLimited = !configuration.faults.rateLimits.isEmpty
        state = Mutex(State(buckets: configuration.faults.rateLimits.mapValues(TokenBucket.init)))
        let stream = "faults.\(service.rawValue)"
        brownoutDice = FaultDice(seed: seed, stream: stream + ".brownout")
        failureDice = FaultDice(seed: seed, stream: stream + ".partial")
        dropDice = FaultDice(seed: seed, stream: stream + ".drop")
        registerTargetsFailureFraction = configuration.faults.registerTargetsFailureFraction
        dropFraction = configuration.mutations.dropAcknowledgedRegistrations
    }

    /// Whether ``failsTarget(_:request:)`` or ``dropsTarget(_:request:)`` can ever say yes (else a caller need not
    /// draw a ``requestKey(_:)``, which would advance the counter of requests without an id).
    var decidesTargets: Bool { registerTargetsFailureFraction > 0 || dropFraction > 0 }

    /// The faults injected so far.
    var counts: EmulatorFaultCounts { state.withLock { $0.counts } }

    /// The front door, run before any validation: takes a token of `operation`'s rate limit, then draws the
    /// brownout decision. Throws the service's throttling or 5xx error; a refused request changes nothing else.
    /// - Complexity: O(1) and no clock read when the scenario has neither rate limits nor brownouts.
    func admit(_ operation: String, context: RequestContext) throws(ServiceError) {
        guard rateLimited || !windows.isEmpty else { return }
        let now = clock.now
        let wait: UInt64? = !rateLimited ? nil : state.withLock { state in
            guard let wait = state.buckets[operation]?.take(at: now) else { return nil }
            state.counts.throttled += 1
            return wait
        }
        if let wait { throw throttlingError(operation, wait: wait) }
        let fraction = active(operation, at: now).map(\.errorFraction).max() ?? 0
        if brownoutDice.hits(fraction, operation + "|" + requestKey(context)) {
            state.withLock { $0.counts.brownoutErrors += 1 }
            throw unavailableError(operation)
        }
    }

    /// The latency the transport should add to a request for `operation` now: the largest of the active
    /// brownout windows' latencies, or 0.
    func extraLatency(for operation: String) -> UInt64 {
        guard !windows.isEmpty else { return 0 }
        return active(operation, at: clock.now).map(\.extraLatencyNanoseconds).max() ?? 0
    }

    /// The key that fixes a request's seeded decisions: its request id and attempt, or, for a request without
    /// an id, the next value of a per-service counter (then the decisions follow the order of arrival).
    func requestKey(_ context: RequestContext) -> String {
        if !context.requestId.isEmpty { return "\(context.requestId)#\(context.attempt)" }
        return "#\(unidentifiedRequests.wrappingAdd(1, ordering: .relaxed).newValue)"
    }

    /// Whether the partial-failure fault fails `target` of the request keyed `key`; counts it when it does.
    func failsTarget(_ target: @autoclosure () -> String, request key: String) -> Bool {
        decide(failureDice, registerTargetsFailureFraction, key, target, count: \.partialFailures)
    }

    /// Whether the drop mutation drops `target` of the request keyed `key`; counts it when it does.
    func dropsTarget(_ target: @autoclosure () -> String, request key: String) -> Bool {
        decide(dropDice, dropFraction, key, target, count: \.droppedRegistrations)
    }

    /// Draws for `request|target` (the key is built only when the fault is on; see ``FaultDice/hits(_:_:)``).
    private func decide(
        _ dice: FaultDice, _ fraction: Double, _ request: String, _ target: () -> String,
        count: WritableKeyPath<EmulatorFaultCounts, Int>
    ) -> Bool {
        guard dice.hits(fraction, request + "|" + target()) else { return false }
        state.withLock { $0.counts[keyPath: count] += 1 }
        return true
    }

    /// The brownouts covering `operation` at `now`.
    private func active(_ operation: String, at now: Instant) -> some Sequence<EmulatorFaults.Brownout> {
        windows.lazy.filter { $0.start <= now && now < $0.end && $0.brownout.covers(operation) }.map(\.brownout)
    }

    /// The service's throttling error; `wait` (nanoseconds until a token) becomes Lattice's `Retry-After`,
    /// rounded up to whole seconds and at least 1.
    private func throttlingError(_ operation: String, wait: UInt64) -> ServiceError {
        let message = "Rate exceeded for \(operation)"
        switch service {
        case .vpcLattice:
            let seconds = wait / 1_000_000_000 + (wait % 1_000_000_000 == 0 ? 0 : 1)
            return .latticeThrottling(
                message, retryAfterSeconds: max(1, Int(clamping: seconds)), serviceCode: LatticeValues.serviceCode,
                quotaCode: LatticeQuotaCode.requestRate(operation))
        case .cloudMap:
            return .requestLimitExceeded(message)
        case .codeDeploy:
            return .codeDeploy(.throttling, message)
        }
    }

    /// The service's brownout error: Lattice's modeled `InternalServerException` (500); Cloud Map and CodeDeploy
    /// model no 5xx, so they answer the AWS-wide `ServiceUnavailable` (503), which every botocore retry mode retries.
    private func unavailableError(_ operation: String) -> ServiceError {
        let message = "\(operation) is temporarily unavailable; please retry"
        switch service {
        case .vpcLattice: return .latticeInternal(message)
        case .cloudMap, .codeDeploy: return ServiceError(code: "ServiceUnavailable", httpStatus: 503, message: message)
        }
    }
}

extension Instant {
    /// This instant plus `seconds`, clamped to the representable range (a negative or NaN offset adds nothing).
    fileprivate func advanced(bySeconds seconds: Double) -> Instant {
        let nanoseconds = seconds * 1e9
        guard nanoseconds > 0 else { return self }
        guard nanoseconds < Double(UInt64.max - self.nanoseconds) else { return Instant(nanoseconds: .max) }
        return advanced(by: UInt64(nanoseconds))
    }
}
