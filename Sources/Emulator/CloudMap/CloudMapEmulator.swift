import AWSModel
import BenchCore
import Synchronization

/// An in-process AWS Cloud Map (`servicediscovery`) for the operations bench drives and reads back.
///
/// It validates what botocore leaves to the server (lengths, patterns, the attribute rules), honours
/// `CreatorRequestId` idempotency, runs asynchronous operations on the injected clock (`SUBMITTED` for the
/// first half of ``EmulatorConfiguration/cloudMapOperationDelayNanoseconds``, `PENDING` for the second,
/// `SUCCESS` after) and answers `DuplicateRequest` while an operation on the same instance is in flight.
/// Every state change goes to the ``Ledger``.
///
/// Choices the model leaves open:
/// - A `CreatorRequestId` reused with other parameters is refused with `InvalidInput` and changes nothing.
///   Tokens are scoped per API operation and account-wide (not per service), and stay used for the life of
///   the emulator: replaying a `RegisterInstance` token after its instance was deregistered answers the
///   original operation id and does not register it again.
/// - The token check comes before the in-flight check: a retry of an accepted request is answered with its
///   own operation id, never with `DuplicateRequest`.
/// - State changes at submission: the instance is registered, updated or removed, and the namespace exists,
///   when the operation is submitted; the operation's status only reports progress.
/// - Ledger: `registered`/`updated`/`deregistered` for the instance (parent: the service), `created` for
///   namespaces and services, `operationSubmitted` at submission and `operationSucceeded` timed at completion.
///   Completions are appended lazily, at the start of the next request after they happen (or on ``settle()``),
///   which keeps the ledger in time order without timers.
/// - Field validation runs before any look-up (a bad field is `InvalidInput` even for an unknown service);
///   only the attribute rules, which depend on the namespace type, run after the service look-up.
///
/// Server-side faults (``EmulatorFaults``) are applied by ``handle(_:context:)`` before anything else: a rate
/// limit answers `RequestLimitExceeded` (400), a brownout `ServiceUnavailable` (503). The `ignoreCreatorRequestId`
/// mutation (``EmulatorMutations``) breaks `RegisterInstance` idempotency on purpose.
///
/// Thread-safe: all state sits behind one `Mutex`; deterministic for a seed and a request sequence.
public final class CloudMapEmulator: Sendable {
    private let state: Mutex<CloudMapState>
    private let faults: ServerFaultGate

    /// - Parameters:
    ///   - configuration: account, region, instance quota, operation delay, page size, faults and mutations.
    ///   - clock: the source of every timestamp, of the operation timeline and of the fault timeline.
    ///   - seed: seeds the ids (`ns-`/`srv-` + 16 of `[a-z0-9]`, operation ids, generated tokens) and the faults.
    ///   - ledger: receives every state change.
    public init(configuration: EmulatorConfiguration, clock: any BenchClock, seed: UInt64, ledger: Ledger) {
        state = Mutex(CloudMapState(configuration: configuration, clock: clock, seed: seed, ledger: ledger))
        faults = ServerFaultGate(configuration: configuration, service: .cloudMap, clock: clock, seed: seed)
    }

    /// Handles one request of any operation, after the rate limit and brownout checks.
    public func handle(_ request: CloudMapRequest, context: RequestContext) throws(ServiceError) -> CloudMapResponse {
        try faults.admit(request.operationName, context: context)
        return switch request {
        case .registerInstance(let input): .registerInstance(try registerInstance(input, context: context))
        case .deregisterInstance(let input): .deregisterInstance(try deregisterInstance(input, context: context))
        case .getOperation(let input): .getOperation(try getOperation(input))
        case .listOperations(let input): .listOperations(try listOperations(input))
        case .getInstance(let input): .getInstance(try getInstance(input))
        case .listInstances(let input): .listInstances(try listInstances(input))
        case .createHttpNamespace(let input): .createHttpNamespace(try createHttpNamespace(input, context: context))
        case .getNamespace(let input): .getNamespace(try getNamespace(input))
        case .createService(let input): .createService(try createService(input, context: context))
        case .getService(let input): .getService(try getService(input))
        }
    }

    /// The latency a transport should add to a request for `operation` now (nanoseconds; brownout windows).
    public func extraLatency(for operation: String) -> UInt64 { faults.extraLatency(for: operation) }

    /// The server-side faults injected so far.
    public var faultCounts: EmulatorFaultCounts { faults.counts }

    /// `RegisterInstance`: registers or updates an instance; answers the operation id.
    public func registerInstance(
        _ input: RegisterInstanceInput, context: RequestContext = RequestContext()
    ) throws(ServiceError) -> RegisterInstanceOutput {
        try withState { (state: inout CloudMapState) throws(ServiceError) in
            try state.registerInstance(input, context: context)
        }
    }

    /// `DeregisterInstance`: removes an instance; answers the operation id.
    public func deregisterInstance(
        _ input: DeregisterInstanceInput, context: RequestContext = RequestContext()
    ) throws(ServiceError) -> DeregisterInstanceOutput {
        try withState { (state: inout CloudMapState) throws(ServiceError) in
            try state.deregisterInstance(input, context: context)
        }
    }

    /// `GetOperation`.
    public func getOperation(_ input: GetOperationInput) throws(ServiceError) -> GetOperationOutput {
        try withState { (state: inout CloudMapState) throws(ServiceError) in try state.getOperation(input) }
    }

    /// `ListOperations`.
    public func listOperations(_ input: ListOperationsInput) throws(ServiceError) -> ListOperationsOutput {
        try withState { (state: inout CloudMapState) throws(ServiceError) in try state.listOperations(input) }
    }

    /// `GetInstance`.
    public func getInstance(_ input: GetInstanceInput) throws(ServiceError) -> GetInstanceOutput {
        try withState { (state: inout CloudMapState) throws(ServiceError) in try state.getInstance(input) }
    }

    /// `ListInstances`.
    public func listInstances(_ input: ListInstancesInput) throws(ServiceError) -> ListInstancesOutput {
        try withState { (state: inout CloudMapState) throws(ServiceError) in try state.listInstances(input) }
    }

    /// `CreateHttpNamespace`: creates a namespace; answers the `CREATE_NAMESPACE` operation id.
    public func createHttpNamespace(
        _ input: CreateHttpNamespaceInput, context: RequestContext = RequestContext()
    ) throws(ServiceError) -> CreateHttpNamespaceOutput {
        try withState { (state: inout CloudMapState) throws(ServiceError) in
            try state.createHttpNamespace(input, context: context)
        }
    }

    /// `GetNamespace`.
    public func getNamespace(_ input: GetNamespaceInput) throws(ServiceError) -> GetNamespaceOutput {
        try withState { (state: inout CloudMapState) throws(ServiceError) in try state.getNamespace(input) }
    }

    /// `CreateService`: creates a service synchronously.
    public func createService(
        _ input: CreateServiceInput, context: RequestContext = RequestContext()
    ) throws(ServiceError) -> CreateServiceOutput {
        try withState { (state: inout CloudMapState) throws(ServiceError) in
            try state.createService(input, context: context)
        }
    }

    /// `GetService`.
    public func getService(_ input: GetServiceInput) throws(ServiceError) -> GetServiceOutput {
        try withState { (state: inout CloudMapState) throws(ServiceError) in try state.getService(input) }
    }

    /// Appends `operationSucceeded` for every operation completed by now. Every request does this first;
    /// call it before reading the ledger at the end of a run.
    public func settle() {
        state.withLock { $0.settle(now: $0.clock.now) }
    }

    /// Runs `body` under the lock, after settling the operations completed by now.
    private func withState<Result: Sendable>(
        _ body: (inout CloudMapState) throws(ServiceError) -> Result
    ) throws(ServiceError) -> Result {
        try state.withLock { (state: inout sending CloudMapState) throws(ServiceError) -> Result in
            state.settle(now: state.clock.now)
            return try body(&state)
        }
    }
}
