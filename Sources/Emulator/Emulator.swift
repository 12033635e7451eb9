import AWSModel
import BenchCore

/// The in-process emulator of VPC Lattice, Cloud Map and CodeDeploy, sharing one clock, one seed and one
/// ledger. Thread-safe; deterministic for a given seed and clock when calls arrive in the same order.
///
/// Server-side faults and mutation modes come from ``EmulatorConfiguration/faults`` and
/// ``EmulatorConfiguration/mutations``; brownout windows are timed from the clock's `now` at creation.
public final class Emulator: Sendable {
    public let lattice: LatticeEmulator
    public let cloudMap: CloudMapEmulator
    public let codeDeploy: CodeDeployEmulator
    /// Every state change of all three services, in the order they took effect.
    public let ledger: Ledger

    public init(configuration: EmulatorConfiguration = .init(), clock: any BenchClock, seed: UInt64) {
        let ledger = Ledger(recording: configuration.recordsLedger)
        self.ledger = ledger
        lattice = LatticeEmulator(configuration: configuration, clock: clock, seed: seed, ledger: ledger)
        cloudMap = CloudMapEmulator(configuration: configuration, clock: clock, seed: seed, ledger: ledger)
        codeDeploy = CodeDeployEmulator(configuration: configuration, clock: clock, seed: seed, ledger: ledger)
    }

    /// Answers one request. - Complexity: that of the operation (O(1) or O(batch) for the load operations).
    public func handle(_ request: AWSRequest, context: RequestContext) throws(ServiceError) -> AWSResponse {
        switch request {
        case .lattice(let request): .lattice(try lattice.handle(request, context: context))
        case .cloudMap(let request): .cloudMap(try cloudMap.handle(request, context: context))
        case .codeDeploy(let request): .codeDeploy(try codeDeploy.handle(request, context: context))
        }
    }

    /// The latency (nanoseconds) a transport should add to `request` now, from the active brownout windows.
    ///
    /// The emulator answers synchronously and never sleeps, so latency is data: a transport asks this before
    /// ``handle(_:context:)`` and sleeps that long on its injected clock first. 0 when no window is active.
    public func extraLatency(for request: AWSRequest) -> UInt64 {
        switch request {
        case .lattice: lattice.extraLatency(for: request.operationName)
        case .cloudMap: cloudMap.extraLatency(for: request.operationName)
        case .codeDeploy: codeDeploy.extraLatency(for: request.operationName)
        }
    }

    /// The server-side faults injected so far by all three services: the truth a checker's findings are
    /// compared with (it includes the registrations the `dropAcknowledgedRegistrations` mutation hid).
    public var faultCounts: EmulatorFaultCounts {
        lattice.faultCounts + cloudMap.faultCounts + codeDeploy.faultCounts
    }
}
