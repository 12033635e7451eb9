import AWSModel
import BenchCore
import Emulator
import Testing

/// A Cloud Map emulator on a manual clock with one HTTP namespace and one service, as a scenario's setup
/// would create them.
struct CloudMapFixture {
    static let delay: UInt64 = 20_000_000

    let clock = ManualClock()
    let ledger = Ledger()
    let emulator: CloudMapEmulator
    let namespaceId: String
    let serviceId: String

    init(seed: UInt64 = 1, configure: (inout EmulatorConfiguration) -> Void = { _ in }) throws {
        var configuration = EmulatorConfiguration()
        configuration.cloudMapOperationDelayNanoseconds = Self.delay
        configure(&configuration)
        emulator = CloudMapEmulator(configuration: configuration, clock: clock, seed: seed, ledger: ledger)
        let operation = try emulator.createHttpNamespace(
            CreateHttpNamespaceInput(name: "bench.local", creatorRequestId: "ns-1"))
        let namespace = try emulator.getOperation(GetOperationInput(operationId: operation.operationId)).operation
        namespaceId = try #require(namespace.targets?[CloudMap.OperationTargetType.namespace])
        serviceId = try emulator.createService(
            CreateServiceInput(name: "api", namespaceId: namespaceId, creatorRequestId: "svc-1")
        ).service.id
    }

    /// Registers `instanceId` in the fixture's service and answers the operation id.
    @discardableResult
    func register(
        _ instanceId: String, token: String? = nil, attributes: [String: String] = ["AWS_INSTANCE_IPV4": "10.0.0.1"]
    ) throws(ServiceError) -> String {
        try emulator.registerInstance(
            RegisterInstanceInput(
                serviceId: serviceId, instanceId: instanceId, creatorRequestId: token, attributes: attributes)
        ).operationId
    }

    /// The status of an operation now.
    func status(_ operationId: String) throws -> String {
        try emulator.getOperation(GetOperationInput(operationId: operationId)).operation.status
    }

    /// Moves the clock past the completion of every operation submitted so far.
    func finishOperations() { clock.advance(by: Self.delay) }

    /// The ledger entries with `change`.
    func entries(_ change: LedgerEntry.Change) -> [LedgerEntry] { ledger.snapshot.filter { $0.change == change } }
}

/// The `ServiceError` `body` throws, or `nil` when it succeeds (any other error is a test failure).
func serviceError(sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void) -> ServiceError? {
    do {
        try body()
        return nil
    } catch let error as ServiceError {
        return error
    } catch {
        Issue.record("unexpected \(error)", sourceLocation: sourceLocation)
        return nil
    }
}

/// Expects `body` to throw a `code` error (HTTP 400) whose message contains `fragment`.
func expectError(
    _ code: String, containing fragment: String? = nil, sourceLocation: SourceLocation = #_sourceLocation,
    _ body: () throws -> Void
) {
    guard let error = serviceError(sourceLocation: sourceLocation, body) else {
        Issue.record("expected \(code), got success", sourceLocation: sourceLocation)
        return
    }
    #expect(error.code == code, "\(error)", sourceLocation: sourceLocation)
    #expect(error.httpStatus == 400, sourceLocation: sourceLocation)
    if let fragment {
        #expect(error.message.contains(fragment), "\(error.message)", sourceLocation: sourceLocation)
    }
}

/// Whether `value` is `prefix` followed by `count` of `[a-z0-9]`.
func isId(_ value: String, prefix: String, count: Int) -> Bool {
    guard value.hasPrefix(prefix) else { return false }
    let rest = value.utf8.dropFirst(prefix.utf8.count)
    return rest.count == count && rest.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x7A) }
}

/// Whether `value` looks like a real Cloud Map operation id: 32 of `[a-z0-9]`, `-`, 8 of `[a-z0-9]`.
func isOperationId(_ value: String) -> Bool {
    let parts = value.split(separator: "-", omittingEmptySubsequences: false)
    return parts.count == 2 && isId(String(parts[0]), prefix: "", count: 32)
        && isId(String(parts[1]), prefix: "", count: 8)
}
