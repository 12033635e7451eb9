import BenchCore
import Emulator

/// The state the history is checked against, indexed by the keys the invariants look up: built from the
/// embedded emulator's ledger (with full attribution: which token, call and attempt caused each change) or
/// from a read-back dump (final state only), plus the dump's deployments in both cases.
/// - Complexity: O(ledger entries + read-back items) to build; O(1) per look-up.
struct StateIndex {
    /// A target group that exists.
    struct Group {
        var arn: String?
        var name: String?
        /// Ledger only: what created it.
        var token: String?
        var invocationId: String?
        var requestId: String?
    }

    /// A Cloud Map operation.
    struct Operation {
        var id: String
        var token: String?
        var invocationId: String?
        /// `service|instance`, ledger only.
        var instance: String?
        var submitted: UInt64?
        var completed: UInt64?
        /// `SUCCESS`, `FAIL`, or a status still in flight.
        var status: String?
    }

    /// Whether attribution (tokens, calls, times) is known: true for a ledger.
    var attributed = false
    var groups: [String: Group] = [:]
    var groupsByToken: [String: [String]] = [:]
    var groupsByInvocation: [String: [String]] = [:]
    var groupsByName: [String: [String]] = [:]
    /// Registered targets at the end, as `group|key`.
    var targets: Set<String> = []
    /// Target groups whose targets are known.
    var targetGroupsRead: Set<String> = []
    /// Targets that were deregistered at some point (`group|key`).
    var deregisteredTargets: Set<String> = []
    /// Ledger registrations made by calls: (invocation, `group|key`), and the keys each request registered.
    var registrations: [(invocation: String, key: String)] = []
    var registeredByRequest: [String: [String]] = [:]
    var registeringInvocations: Set<String> = []
    /// Instances at the end: `service|instance` -> ``InstanceDigest``.
    var instances: [String: String] = [:]
    var servicesRead: Set<String> = []
    var deregisteredInstances: Set<String> = []
    var operations: [String: Operation] = [:]
    /// Whether operation statuses are known (a ledger, or a dump that read them).
    var operationsRead = false
    /// RegisterInstance operation ids by token and by invocation (ledger), and by instance in submission order.
    var operationsByToken: [String: [String]] = [:]
    var operationsByInvocation: [String: [String]] = [:]
    var operationsByInstance: [String: [String]] = [:]
    /// Deployments: target type and target ids.
    var deployments: [String: (type: String?, targets: Set<String>)] = [:]

    static func key(_ parent: String, _ child: String) -> String { parent + "|" + child }

    /// Indexes `ledger` (in ledger order) and the deployments of `readBack`.
    init(ledger: [LedgerEntry], readBack: ReadBackDump?) {
        attributed = true
        operationsRead = true
        var lastInstance: (key: String, requestId: String)?
        for entry in ledger { index(entry, lastInstance: &lastInstance) }
        if let readBack { indexDeployments(readBack) }
    }

    /// Indexes a read-back dump (final state, no attribution).
    init(readBack: ReadBackDump) {
        for group in readBack.targetGroups ?? [] {
            groups[group.id] = Group(arn: group.arn, name: group.name)
            if let name = group.name { groupsByName[name, default: []].append(group.id) }
        }
        for (group, keys) in readBack.targets ?? [:] {
            targetGroupsRead.insert(group)
            for key in keys { targets.insert(Self.key(group, key)) }
        }
        for (service, list) in readBack.instances ?? [:] {
            servicesRead.insert(service)
            for instance in list { instances[Self.key(service, instance.id)] = instance.attributesDigest }
        }
        operationsRead = readBack.operations != nil
        for (id, status) in readBack.operations ?? [:] { operations[id] = Operation(id: id, status: status) }
        indexDeployments(readBack)
    }

    private mutating func indexDeployments(_ readBack: ReadBackDump) {
        for deployment in readBack.deployments {
            deployments[deployment.id] = (deployment.targetType, Set(deployment.targetIds))
        }
    }

    private mutating func index(_ entry: LedgerEntry, lastInstance: inout (key: String, requestId: String)?) {
        let time = entry.time.nanoseconds
        switch (entry.resourceType, entry.change) {
        case ("TargetGroup", .created):
            groups[entry.resourceId] = Group(
                token: entry.token, invocationId: entry.invocationId, requestId: entry.requestId)
            if let token = entry.token { groupsByToken[token, default: []].append(entry.resourceId) }
            if let invocation = entry.invocationId {
                groupsByInvocation[invocation, default: []].append(entry.resourceId)
            }
        case ("Target", .registered):
            let key = Self.key(entry.parentId ?? "", entry.resourceId)
            targets.insert(key)
            if let invocation = entry.invocationId {
                registrations.append((invocation, key))
                registeredByRequest[entry.requestId, default: []].append(key)
                registeringInvocations.insert(invocation)
            }
        case ("Target", .deregistered):
            let key = Self.key(entry.parentId ?? "", entry.resourceId)
            targets.remove(key)
            deregisteredTargets.insert(key)
        case ("Instance", .registered), ("Instance", .updated):
            let key = Self.key(entry.parentId ?? "", entry.resourceId)
            instances[key] = entry.parameterDigest ?? ""
            lastInstance = (key, entry.requestId)
        case ("Instance", .deregistered):
            let key = Self.key(entry.parentId ?? "", entry.resourceId)
            instances[key] = nil
            deregisteredInstances.insert(key)
            lastInstance = (key, entry.requestId)
        case ("Operation", .operationSubmitted):
            // The instance change and its operation are appended together under the emulator's lock.
            let instance = lastInstance.flatMap { $0.requestId == entry.requestId ? $0.key : nil }
            lastInstance = nil
            operations[entry.resourceId] = Operation(
                id: entry.resourceId, token: entry.token, invocationId: entry.invocationId, instance: instance,
                submitted: time, status: "SUBMITTED")
            guard entry.operation == "RegisterInstance" else { return }
            if let token = entry.token { operationsByToken[token, default: []].append(entry.resourceId) }
            if let invocation = entry.invocationId {
                operationsByInvocation[invocation, default: []].append(entry.resourceId)
            }
            if let instance { operationsByInstance[instance, default: []].append(entry.resourceId) }
        case ("Operation", .operationSucceeded), ("Operation", .operationFailed):
            operations[entry.resourceId]?.completed = time
            operations[entry.resourceId]?.status = entry.change == .operationSucceeded ? "SUCCESS" : "FAIL"
        default:
            break
        }
    }

    /// Whether an operation other than one of `token` was in flight on `instance` at some point in
    /// `[from, to]`. Operations complete in submission order (the emulator's delay is fixed), so the scan walks
    /// back from the last one submitted by `to` and stops at the first that completed before `from`.
    /// - Complexity: O(operations on the instance overlapping the window) after an O(log n) search.
    func otherOperationInFlight(on instance: String, token: String?, from: UInt64, to: UInt64) -> Bool {
        guard let list = operationsByInstance[instance] else { return false }
        var low = 0
        var high = list.count
        while low < high {
            let mid = (low + high) / 2
            if (operations[list[mid]]?.submitted ?? 0) <= to { low = mid + 1 } else { high = mid }
        }
        var index = low - 1
        while index >= 0, let operation = operations[list[index]] {
            let completed = operation.completed ?? .max
            if completed <= from { return false }
            if operation.token != token { return true }
            index -= 1
        }
        return false
    }
}
