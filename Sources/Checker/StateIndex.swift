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
        var invocationId: CheckKey?
        var requestId: String?
    }

    /// A Cloud Map operation.
    struct Operation {
        var token: String?
        var invocationId: CheckKey?
        /// `service|instance`, ledger only.
        var instance: CheckKey?
        var submitted: UInt64?
        var completed: UInt64?
        /// `SUCCESS`, `FAIL`, or a status still in flight.
        var status: String?
    }

    /// Whether attribution (tokens, calls, times) is known: true for a ledger.
    var attributed = false
    var groups: [CheckKey: Group] = [:]
    var groupsByToken: [CheckKey: [String]] = [:]
    var groupsByInvocation: [CheckKey: [String]] = [:]
    var groupsByName: [CheckKey: [String]] = [:]
    /// Registered targets at the end, as `group|key`.
    var targets: Set<CheckKey> = []
    /// Target groups whose targets are known.
    var targetGroupsRead: Set<String> = []
    /// Targets that were deregistered at some point (`group|key`).
    var deregisteredTargets: Set<CheckKey> = []
    /// Ledger registrations made by calls: (invocation, `group|key`), and the keys each request registered.
    var registrations: [(invocation: CheckKey, key: CheckKey)] = []
    var registeredByRequest: [CheckKey: [CheckKey]] = [:]
    var registeringInvocations: Set<CheckKey> = []
    /// Instances at the end: `service|instance` -> ``InstanceDigest``.
    var instances: [CheckKey: String] = [:]
    var servicesRead: Set<String> = []
    var deregisteredInstances: Set<CheckKey> = []
    var operations: [CheckKey: Operation] = [:]
    /// Whether operation statuses are known (a ledger, or a dump that read them).
    var operationsRead = false
    /// RegisterInstance operation ids by token and by invocation (ledger), and by instance in submission order.
    var operationsByToken: [CheckKey: [CheckKey]] = [:]
    var operationsByInvocation: [CheckKey: [CheckKey]] = [:]
    var operationsByInstance: [CheckKey: [CheckKey]] = [:]
    /// Deployments: target type and target ids.
    var deployments: [CheckKey: (type: String?, targets: Set<CheckKey>)] = [:]

    /// Indexes `ledger` (in ledger order) and the deployments of `readBack`.
    init(ledger: [LedgerEntry], readBack: ReadBackDump?) {
        attributed = true
        operationsRead = true
        var lastInstance: (key: CheckKey, requestId: String)?
        for entry in ledger { index(entry, lastInstance: &lastInstance) }
        if let readBack { indexDeployments(readBack) }
    }

    /// Indexes a read-back dump (final state, no attribution).
    init(readBack: ReadBackDump) {
        for group in readBack.targetGroups ?? [] {
            groups[CheckKey(group.id)] = Group(arn: group.arn, name: group.name)
            if let name = group.name { groupsByName[CheckKey(name), default: []].append(group.id) }
        }
        for (group, keys) in readBack.targets ?? [:] {
            targetGroupsRead.insert(group)
            for key in keys { targets.insert(CheckKey(group, key)) }
        }
        for (service, list) in readBack.instances ?? [:] {
            servicesRead.insert(service)
            for instance in list { instances[CheckKey(service, instance.id)] = instance.attributesDigest }
        }
        operationsRead = readBack.operations != nil
        for (id, status) in readBack.operations ?? [:] { operations[CheckKey(id)] = Operation(status: status) }
        indexDeployments(readBack)
    }

    private mutating func indexDeployments(_ readBack: ReadBackDump) {
        for deployment in readBack.deployments {
            deployments[CheckKey(deployment.id)] = (deployment.targetType, Set(deployment.targetIds.lazy.map(CheckKey.init)))
        }
    }

    private mutating func index(_ entry: LedgerEntry, lastInstance: inout (key: CheckKey, requestId: String)?) {
        let time = entry.time.nanoseconds
        switch (entry.resourceType, entry.change) {
        case ("TargetGroup", .created):
            let invocation = entry.invocationId.map(CheckKey.init)
            groups[CheckKey(entry.resourceId)] = Group(
                token: entry.token, invocationId: invocation, requestId: entry.requestId)
            if let token = entry.token { groupsByToken[CheckKey(token), default: []].append(entry.resourceId) }
            if let invocation { groupsByInvocation[invocation, default: []].append(entry.resourceId) }
        case ("Target", .registered):
            let key = CheckKey(entry.parentId ?? "", entry.resourceId)
            targets.insert(key)
            if let invocation = entry.invocationId.map(CheckKey.init) {
                registrations.append((invocation, key))
                registeredByRequest[CheckKey(entry.requestId), default: []].append(key)
                registeringInvocations.insert(invocation)
            }
        case ("Target", .deregistered):
            let key = CheckKey(entry.parentId ?? "", entry.resourceId)
            targets.remove(key)
            deregisteredTargets.insert(key)
        case ("Instance", .registered), ("Instance", .updated):
            let key = CheckKey(entry.parentId ?? "", entry.resourceId)
            instances[key] = entry.parameterDigest ?? ""
            lastInstance = (key, entry.requestId)
        case ("Instance", .deregistered):
            let key = CheckKey(entry.parentId ?? "", entry.resourceId)
            instances[key] = nil
            deregisteredInstances.insert(key)
            lastInstance = (key, entry.requestId)
        case ("Operation", .operationSubmitted):
            // The instance change and its operation are appended together under the emulator's lock.
            let instance = lastInstance.flatMap { $0.requestId == entry.requestId ? $0.key : nil }
            lastInstance = nil
            let id = CheckKey(entry.resourceId)
            let invocation = entry.invocationId.map(CheckKey.init)
            operations[id] = Operation(
                token: entry.token, invocationId: invocation, instance: instance, submitted: time, status: "SUBMITTED")
            guard entry.operation == "RegisterInstance" else { return }
            if let token = entry.token { operationsByToken[CheckKey(token), default: []].append(id) }
            if let invocation { operationsByInvocation[invocation, default: []].append(id) }
            if let instance { operationsByInstance[instance, default: []].append(id) }
        case ("Operation", .operationSucceeded), ("Operation", .operationFailed):
            let id = CheckKey(entry.resourceId)
            operations[id]?.completed = time
            operations[id]?.status = entry.change == .operationSucceeded ? "SUCCESS" : "FAIL"
        default:
            break
        }
    }

    /// Whether an operation other than one of `token` was in flight on `instance` at some point in
    /// `[from, to]`. Operations complete in submission order (the emulator's delay is fixed), so the scan walks
    /// back from the last one submitted by `to` and stops at the first that completed before `from`.
    /// - Complexity: O(operations on the instance overlapping the window) after an O(log n) search.
    func otherOperationInFlight(on instance: CheckKey, token: String?, from: UInt64, to: UInt64) -> Bool {
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
