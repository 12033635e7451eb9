import AWSModel
import BenchCore
import Emulator
import Testing

/// A whole ``Emulator`` on a manual clock, driven through `handle` (the front door where faults apply), with
/// set-up shortcuts that call the services directly (so that set-up never meets a fault).
struct FaultsFixture {
    let clock = ManualClock()
    let emulator: Emulator

    init(seed: UInt64 = 11, configure: (inout EmulatorConfiguration) -> Void = { _ in }) {
        var configuration = EmulatorConfiguration()
        configure(&configuration)
        emulator = Emulator(configuration: configuration, clock: clock, seed: seed)
    }

    /// Sends `request` as attempt `attempt` of request id `id`.
    @discardableResult
    func send(_ request: AWSRequest, id: String = "", attempt: Int = 1) throws(ServiceError) -> AWSResponse {
        try emulator.handle(request, context: RequestContext(requestId: id, attempt: attempt))
    }

    /// The error `request` is answered with, or `nil` on success.
    func error(_ request: AWSRequest, id: String = "", attempt: Int = 1) -> ServiceError? {
        serviceError { () throws(ServiceError) in try send(request, id: id, attempt: attempt) }
    }

    /// Moves the clock to `seconds` after the emulator's creation.
    func at(seconds: Double) {
        clock.advance(to: Instant(nanoseconds: UInt64(seconds * 1e9)))
    }

    /// Creates an IP target group directly and returns its id.
    func group(_ name: String = "web") throws -> String {
        try #require(emulator.lattice.createTargetGroup(ipGroupInput(name: name)).id)
    }

    /// `RegisterTargets` through the front door.
    func register(
        _ group: String, _ targets: [Target], id: String = "", attempt: Int = 1
    ) throws -> RegisterTargetsOutput {
        let request = AWSRequest.lattice(
            .registerTargets(RegisterTargetsInput(targetGroupIdentifier: group, targets: targets)))
        guard case .lattice(.registerTargets(let output)) = try send(request, id: id, attempt: attempt) else {
            throw FixtureError.unexpectedResponse
        }
        return output
    }

    /// Every target of `group`, read directly.
    func registered(_ group: String) throws -> Set<String> {
        Set(try emulator.lattice.listedIds(group))
    }

    /// A Cloud Map service (in a new HTTP namespace), created directly; returns its id.
    func cloudMapService() throws -> String {
        let operation = try emulator.cloudMap.createHttpNamespace(CreateHttpNamespaceInput(name: "bench.local"))
        let namespace = try emulator.cloudMap.getOperation(GetOperationInput(operationId: operation.operationId))
        let namespaceId = try #require(namespace.operation.targets?[CloudMap.OperationTargetType.namespace])
        return try emulator.cloudMap.createService(CreateServiceInput(name: "api", namespaceId: namespaceId)).service.id
    }

    /// The ledger entries with `change`.
    func entries(_ change: LedgerEntry.Change) -> [LedgerEntry] {
        emulator.ledger.snapshot.filter { $0.change == change }
    }
}

enum FixtureError: Error { case unexpectedResponse }

/// `count` distinct IPv4 targets on port 80.
func ipTargets(_ count: Int, from first: Int = 0) -> [Target] {
    (first..<first + count).map { Target(id: "10.0.\($0 / 256).\($0 % 256)", port: 80) }
}

/// Requests that always pass validation, one per service.
enum CheapRequest {
    static let listGroups = AWSRequest.lattice(.listTargetGroups(ListTargetGroupsInput()))
    static let listDeployments = AWSRequest.codeDeploy(.listDeployments(ListDeploymentsInput()))
    static func getService(_ id: String) -> AWSRequest { .cloudMap(.getService(GetServiceInput(id: id))) }
}
