import AWSModel
import BenchCore
import Checker
import Emulator
import Foundation
import Resilience
import Synchronization

/// Runs a seeded mix of the four operations through the real call pipeline (faults, retries, token policy)
/// against the embedded emulator on a manual clock, and keeps the history the checker reads.
struct CheckerRig {
    let clock = ManualClock()
    let emulator: Emulator
    let pipeline: CallPipeline
    let groupId: String
    let serviceId: String
    let deploymentId: String
    let deploymentTargets: [String]
    let seed: UInt64

    init(
        seed: UInt64, faults: FaultPlan = FaultPlan(), tokens: TokenPolicy = .stablePerCall,
        mutate: (inout EmulatorMutations) -> Void = { _ in }
    ) throws {
        var configuration = EmulatorConfiguration()
        mutate(&configuration.mutations)
        self.seed = seed
        let emulator = Emulator(configuration: configuration, clock: clock, seed: seed)
        self.emulator = emulator
        groupId = try emulator.lattice.createTargetGroup(
            CreateTargetGroupInput(
                name: "fixture", type: "IP",
                config: TargetGroupConfig(port: 80, protocol: "HTTP", vpcIdentifier: "vpc-0123456789abcdef0"))
        ).id ?? ""
        let namespaceOperation = try emulator.cloudMap.createHttpNamespace(CreateHttpNamespaceInput(name: "bench"))
        clock.advance(by: 1_000_000_000)
        let namespace = try emulator.cloudMap.getOperation(
            GetOperationInput(operationId: namespaceOperation.operationId)
        ).operation.targets?[CloudMap.OperationTargetType.namespace] ?? ""
        serviceId = try emulator.cloudMap.createService(CreateServiceInput(name: "api", namespaceId: namespace))
            .service.id
        deploymentId = emulator.codeDeploy.createDeployment(platform: .server, targetCount: 40, context: RequestContext())
        deploymentTargets = try emulator.codeDeploy.listDeploymentTargets(
            ListDeploymentTargetsInput(deploymentId: deploymentId)
        ).targetIds ?? []
        let send: AttemptTransport = { request, context in
            do throws(ServiceError) {
                return .response(try emulator.handle(request, context: context))
            } catch {
                return .serviceError(error)
            }
        }
        let injector = FaultInjector(plan: faults, seed: seed, clock: clock, runStart: clock.now, transport: send)
        pipeline = CallPipeline(
            strategy: StandardRetryStrategy(), tokens: tokens, clock: clock, seed: seed, faults: injector)
    }

    /// The request of call `index`: a seeded choice among the four operations (`only` restricts it).
    func request(_ index: Int, only: String?) -> AWSRequest {
        var random = SplitMix64(seed: seed).derived("call:\(index)")
        let operations = ["CreateTargetGroup", "RegisterTargets", "RegisterInstance", "BatchGetDeploymentTargets"]
        switch only ?? operations[Int(random.next() % 4)] {
        case "CreateTargetGroup":
            return .lattice(.createTargetGroup(CreateTargetGroupInput(
                name: "bench-\(index)", type: "IP",
                config: TargetGroupConfig(port: 80, protocol: "HTTP", vpcIdentifier: "vpc-0123456789abcdef0"))))
        case "RegisterTargets":
            let targets = (0..<(1 + Int(random.next() % 10))).map { _ in
                Target(id: "10.0.\(random.next() % 200).\(random.next() % 250)", port: 80)
            }
            return .lattice(.registerTargets(RegisterTargetsInput(targetGroupIdentifier: groupId, targets: targets)))
        case "RegisterInstance":
            let slot = random.next() % 20
            return .cloudMap(.registerInstance(RegisterInstanceInput(
                serviceId: serviceId, instanceId: "instance-\(slot)",
                attributes: ["AWS_INSTANCE_IPV4": "10.1.0.\(slot)", "call": "\(index)"])))
        default:
            let count = 1 + Int(random.next() % 25)
            let ids = (0..<count).map { _ in deploymentTargets[Int(random.next() % UInt64(deploymentTargets.count))] }
            return .codeDeploy(.batchGetDeploymentTargets(
                BatchGetDeploymentTargetsInput(deploymentId: deploymentId, targetIds: ids)))
        }
    }

    /// Runs `calls` calls one after another, 5 ms apart, and returns their history lines as the run's history
    /// log receives them.
    func runLines(calls: Int, only: String? = nil) async -> [HistoryLine] {
        var lines: [HistoryLine] = []
        for index in 0..<calls {
            let request = request(index, only: only)
            let pipeline = pipeline
            let call = await clock.run { await pipeline.call(request, sequence: UInt64(index)) }
            lines.append(HistoryLine(call, request: request))
            clock.advance(by: 5_000_000)
        }
        return lines
    }

    /// Runs `calls` calls as ``runLines(calls:only:)`` does and returns their lines as the checker reads them.
    func run(calls: Int, only: String? = nil) async -> [HistoryRecord] {
        await runLines(calls: calls, only: only).compactMap(HistoryLineTests.record)
    }

    /// Checks `records` against the ledger (after every operation has completed) and the deployments read back.
    func check(_ records: [HistoryRecord]) async throws -> IdempotencyReport {
        clock.advance(by: 1_000_000_000)
        emulator.cloudMap.settle()
        var scope = ReadBack.Scope(deploymentsOnly: true)
        records.forEach { scope.add($0) }
        let dump = try await ReadBack(send: transport).collect(scope)
        return try IdempotencyChecker(records: records, ledger: emulator.ledger.snapshot, readBack: dump).check()
    }

    /// Checks `records` as for a live endpoint: read-backs only, no ledger.
    func checkByReadBack(_ records: [HistoryRecord]) async throws -> IdempotencyReport {
        clock.advance(by: 1_000_000_000)
        var scope = ReadBack.Scope()
        records.forEach { scope.add($0) }
        let dump = try await ReadBack(send: transport).collect(scope)
        return try IdempotencyChecker(records: records, ledger: nil, readBack: dump).check()
    }

    /// Read requests straight to the emulator.
    var transport: ReadBack.Send {
        let emulator = emulator
        return { request in
            do throws(ServiceError) {
                return .response(try emulator.handle(request, context: RequestContext(requestId: "readback")))
            } catch {
                return .serviceError(error)
            }
        }
    }
}


extension IdempotencyReport {
    /// The violation count of invariant `name`.
    func violations(of name: InvariantName) -> Int {
        invariants.first { $0.name == name.rawValue }?.violations ?? 0
    }
}
