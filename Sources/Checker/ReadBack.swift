import AWSModel
import Emulator
import Resilience

/// Reads the state a run left through the read-back APIs, paginated, after the load has ended: the source of
/// truth for live endpoints (`ListTargetGroups`, `ListTargets`, `ListInstances`, `ListOperations`,
/// `ListDeploymentTargets`, `GetDeploymentTarget`), and for the deployments of embedded runs.
public struct ReadBack: Sendable {
    /// Sends one read request (no retries beyond the transport's own).
    public typealias Send = @Sendable (AWSRequest) async -> AttemptResult

    /// What to read: the resources the history touched. Fill it with ``add(_:)`` over the history.
    public struct Scope: Sendable, Hashable {
        /// Whether to list every target group (the history created some).
        public var targetGroups = false
        public var targetGroupIds: Set<String> = []
        public var serviceIds: Set<String> = []
        public var deploymentIds: Set<String> = []
        /// Whether the ledger covers everything but the deployments (an embedded run).
        public var deploymentsOnly = false

        public init(deploymentsOnly: Bool = false) { self.deploymentsOnly = deploymentsOnly }

        /// Notes what `record` touched. O(1).
        public mutating func add(_ record: HistoryRecord) {
            add(operation: record.operation, resource: record.subject.resource)
        }

        /// Notes what a call of `operation` on `resource` (its subject's) touched. O(1).
        public mutating func add(operation: String, resource: String?) {
            guard let resource else {
                if operation == "CreateTargetGroup" { targetGroups = true }
                return
            }
            switch operation {
            case "RegisterTargets", "DeregisterTargets": targetGroupIds.insert(resource)
            case "RegisterInstance": serviceIds.insert(resource)
            case "BatchGetDeploymentTargets": deploymentIds.insert(resource)
            default: break
            }
        }

        /// Notes everything `other` touched as well. O(size of `other`).
        public mutating func formUnion(_ other: Scope) {
            targetGroups = targetGroups || other.targetGroups
            targetGroupIds.formUnion(other.targetGroupIds)
            serviceIds.formUnion(other.serviceIds)
            deploymentIds.formUnion(other.deploymentIds)
        }
    }

    /// The most pages read per listing, so that a misbehaving endpoint cannot loop forever.
    public static let pageLimit = 100_000

    let send: Send

    public init(send: @escaping Send) { self.send = send }

    /// Reads everything `scope` names.
    /// - Throws: ``CheckerError`` naming the read that failed.
    public func collect(_ scope: Scope) async throws -> ReadBackDump {
        var dump = ReadBackDump()
        for id in scope.deploymentIds.sorted() { dump.deployments.append(try await deployment(id)) }
        guard !scope.deploymentsOnly else { return dump }
        if scope.targetGroups {
            dump.targetGroups = try await pages("ListTargetGroups") { token in
                guard case .lattice(.listTargetGroups(let output)) = try await read(
                    .lattice(.listTargetGroups(ListTargetGroupsInput(nextToken: token))))
                else { return ([], nil) }
                let groups = (output.items ?? []).compactMap { group -> ReadBackDump.Group? in
                    group.id.map { ReadBackDump.Group(id: $0, arn: group.arn, name: group.name) }
                }
                return (groups, output.nextToken)
            }
        }
        var targets: [String: [String]] = [:]
        for group in scope.targetGroupIds.sorted() {
            targets[group] = try await pages("ListTargets \(group)") { token in
                guard case .lattice(.listTargets(let output)) = try await read(
                    .lattice(.listTargets(ListTargetsInput(targetGroupIdentifier: group, nextToken: token))))
                else { return ([], nil) }
                let keys = output.items.compactMap { item in item.id.map { TargetRef.key(id: $0, port: item.port) } }
                return (keys, output.nextToken)
            }
        }
        dump.targets = targets
        var instances: [String: [ReadBackDump.Instance]] = [:]
        var operations: [String: String] = [:]
        for service in scope.serviceIds.sorted() {
            instances[service] = try await pages("ListInstances \(service)") { token -> ([ReadBackDump.Instance], String?) in
                guard case .cloudMap(.listInstances(let output)) = try await read(
                    .cloudMap(.listInstances(ListInstancesInput(serviceId: service, nextToken: token))))
                else { return ([], nil) }
                return (output.instances.map {
                    .init(id: $0.id, attributesDigest: InstanceDigest.of(
                        serviceId: service, instanceId: $0.id, attributes: $0.attributes ?? [:]))
                }, output.nextToken)
            }
            let filter = CloudMap.OperationFilter(name: CloudMap.OperationFilterName.serviceId, values: [service])
            let listed: [(String, String)] = try await pages("ListOperations \(service)") { token in
                guard case .cloudMap(.listOperations(let output)) = try await read(
                    .cloudMap(.listOperations(ListOperationsInput(nextToken: token, filters: [filter]))))
                else { return ([], nil) }
                return (output.operations.map { ($0.id, $0.status) }, output.nextToken)
            }
            for (id, status) in listed { operations[id] = status }
        }
        dump.instances = instances
        dump.operations = operations
        return dump
    }

    /// A deployment's target ids, and the type of its targets (read from its first target).
    private func deployment(_ id: String) async throws -> ReadBackDump.Deployment {
        let ids: [String] = try await pages("ListDeploymentTargets \(id)") { token in
            guard case .codeDeploy(.listDeploymentTargets(let output)) = try await read(
                .codeDeploy(.listDeploymentTargets(ListDeploymentTargetsInput(deploymentId: id, nextToken: token))))
            else { return ([], nil) }
            return (output.targetIds ?? [], output.nextToken)
        }
        var type: String?
        if let first = ids.first,
            case .codeDeploy(.getDeploymentTarget(let output)) = try await read(
                .codeDeploy(.getDeploymentTarget(GetDeploymentTargetInput(deploymentId: id, targetId: first))))
        {
            type = output.deploymentTarget?.deploymentTargetType
        }
        return ReadBackDump.Deployment(id: id, targetType: type, targetIds: ids)
    }

    /// Follows `nextToken` until the last page (at most ``pageLimit`` pages).
    private func pages<Item>(
        _ what: String, _ page: (String?) async throws -> ([Item], String?)
    ) async throws -> [Item] {
        var items: [Item] = []
        var token: String?
        for _ in 0..<Self.pageLimit {
            let (batch, next) = try await page(token)
            items += batch
            guard let next else { return items }
            token = next
        }
        throw CheckerError("\(what): still paging after \(Self.pageLimit) pages")
    }

    /// One read; an error answer or a lost answer is a ``CheckerError``.
    private func read(_ request: AWSRequest) async throws -> AWSResponse {
        switch await send(request) {
        case .response(let response): return response
        case .serviceError(let error): throw CheckerError("read-back \(request.operationName): \(error)")
        case .failure(let failure): throw CheckerError("read-back \(request.operationName): \(failure.kind)")
        }
    }
}
