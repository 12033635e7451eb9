import AWSModel
import BenchCore
import Synchronization

/// The in-process VPC Lattice: target groups and their targets, with the model's validation, its error shapes,
/// `clientToken` idempotency, quotas, and a ledger entry for every state change.
///
/// Thread-safe: the groups and their indexes sit behind one `Mutex`, each group's targets behind their own
/// (``TargetTable``), so target calls on different groups run side by side. Input checks run before any lock is
/// taken; the critical sections are O(1) for target-group calls and for finding a group, and O(batch) under the
/// group's lock for target calls (listing copies the group's matching targets and sorts them outside it).
/// Deterministic for a given seed and clock: ids come from `IDGenerator(seed:stream: "lattice")` and timestamps from
/// the injected clock.
///
/// Choices the wire facts leave open:
/// - A repeated `clientToken` with other parameters is a `ConflictException` whose `resourceId` is the group the
///   token created; a name already used (by another token or none) is a `ConflictException` naming that group.
/// - Targets are listed with status `HEALTHY` (the emulator runs no health checks).
/// - A `ListTargets` filter target without a port matches that id on every port.
/// - Deregistering a target that is not registered succeeds (the operation is idempotent) and changes nothing.
///
/// Server-side faults (``EmulatorFaults``) are applied by ``handle(_:context:)`` before anything else, except the
/// partial `RegisterTargets` failures, which ``registerTargets(_:context:)`` applies per target. The mutations
/// `ignoreClientToken` and `dropAcknowledgedRegistrations` (``EmulatorMutations``) break the service on purpose.
public final class LatticeEmulator: Sendable {
    private let configuration: EmulatorConfiguration
    private let clock: any BenchClock
    private let ledger: Ledger
    private let state: Mutex<LatticeState>
    private let faults: ServerFaultGate
    /// A target group's ARN up to its id: made once, so that each creation appends the id instead of interpolating
    /// the region and account again.
    private let targetGroupARNPrefix: String

    /// - Parameters:
    ///   - configuration: account, region, quotas, faults and mutations.
    ///   - clock: the source of `createdAt`, of the ledger's times and of the fault timeline (from its `now` here).
    ///   - seed: fixes the generated ids and the fault decisions.
    ///   - ledger: where state changes are recorded.
    public init(configuration: EmulatorConfiguration, clock: any BenchClock, seed: UInt64, ledger: Ledger) {
        self.configuration = configuration
        self.clock = clock
        self.ledger = ledger
        state = Mutex(LatticeState(seed: seed))
        faults = ServerFaultGate(configuration: configuration, service: .vpcLattice, clock: clock, seed: seed)
        targetGroupARNPrefix = "arn:aws:vpc-lattice:\(configuration.region):\(configuration.account):targetgroup/"
    }

    /// Answers one request. Rate limits and brownouts are checked first, before validation, as at the real
    /// front door: a refused request is answered `ThrottlingException` (429) or `InternalServerException` (500)
    /// and changes nothing.
    public func handle(_ request: LatticeRequest, context: RequestContext) throws(ServiceError) -> LatticeResponse {
        try faults.admit(request.operationName, context: context)
        return switch request {
        case .createTargetGroup(let input): .createTargetGroup(try createTargetGroup(input, context: context))
        case .registerTargets(let input): .registerTargets(try registerTargets(input, context: context))
        case .deregisterTargets(let input): .deregisterTargets(try deregisterTargets(input, context: context))
        case .getTargetGroup(let input): .getTargetGroup(try getTargetGroup(input, context: context))
        case .listTargetGroups(let input): .listTargetGroups(try listTargetGroups(input, context: context))
        case .listTargets(let input): .listTargets(try listTargets(input, context: context))
        }
    }

    /// The latency a transport should add to a request for `operation` now (nanoseconds; brownout windows).
    /// The emulator answers synchronously, so the transport sleeps this long on its clock before asking.
    public func extraLatency(for operation: String) -> UInt64 { faults.extraLatency(for: operation) }

    /// The server-side faults injected so far, including those the answers hide (dropped registrations).
    public var faultCounts: EmulatorFaultCounts { faults.counts }

    // MARK: Target groups

    /// `CreateTargetGroup`: validates, honours `clientToken`, enforces name uniqueness and the group quota.
    ///
    /// The same token with the same parameters gets the original answer and changes nothing (no ledger entry);
    /// the same token with other parameters is a `ConflictException` and creates nothing. Under the
    /// `ignoreClientToken` mutation every call creates a group, and a reused token also skips the name check.
    public func createTargetGroup(
        _ input: CreateTargetGroupInput, context: RequestContext = RequestContext()
    ) throws(ServiceError) -> CreateTargetGroupOutput {
        let config = try TargetGroupValidation.validate(input)
        let parameters = TargetGroupParameters(input)
        // Only the ledger reads the digest: a ledger that keeps nothing (`--no-check`) is not given one to drop.
        let digest = ledger.isRecording ? parameters.digest : nil
        return try state.withLock { (state) throws(ServiceError) -> CreateTargetGroupOutput in
            let ignoresToken = configuration.mutations.ignoreClientToken
            let tokenIndex = input.clientToken.flatMap { state.indexByToken[$0] }  // one look-up, for both uses
            let isTokenRetry = tokenIndex != nil
            if !ignoresToken, let token = input.clientToken, let index = tokenIndex {
                let existing = state.groups[index]
                guard existing.parameters == parameters else {
                    throw .latticeConflict(
                        "clientToken '\(token)' was already used with different parameters (target group "
                            + "\(existing.id))",
                        resourceId: existing.id, resourceType: LatticeValues.targetGroupResourceType)
                }
                return existing.createOutput
            }
            if !(ignoresToken && isTokenRetry), let index = state.indexByName[input.name] {
                let existing = state.groups[index]
                throw .latticeConflict(
                    "A target group named '\(input.name)' already exists (\(existing.id))",
                    resourceId: existing.id, resourceType: LatticeValues.targetGroupResourceType)
            }
            guard state.groups.count < configuration.targetGroupQuota else {
                throw .latticeQuotaExceeded(
                    "Target groups per account quota of \(configuration.targetGroupQuota) reached",
                    resourceType: LatticeValues.targetGroupResourceType, quotaCode: LatticeQuotaCode.targetGroups)
            }
            let id = state.newTargetGroupID()
            let now = clock.now
            let date = clock.date(of: now)
            let record = TargetGroupRecord(
                sequence: UInt64(state.groups.count), id: id,
                arn: targetGroupARNPrefix + id,
                name: input.name, type: input.type, config: config, createdAt: date, lastUpdatedAt: date,
                parameters: parameters, clientToken: input.clientToken)
            let output = record.createOutput  // before the record moves into the list
            let index = state.groups.count
            state.groups.append(record)
            state.indexByID[id] = index
            state.indexByName[input.name] = index
            if let token = input.clientToken, !isTokenRetry { state.indexByToken[token] = index }
            if let digest {
                ledger.append(
                    LedgerEntry(
                        time: now, service: .vpcLattice, operation: LatticeOperation.createTargetGroup.rawValue,
                        change: .created, resourceType: "TargetGroup", resourceId: id, token: input.clientToken,
                        parameterDigest: digest, context: context))
            }
            return output
        }
    }

    /// `GetTargetGroup` by id or ARN.
    public func getTargetGroup(
        _ input: GetTargetGroupInput, context: RequestContext = RequestContext()
    ) throws(ServiceError) -> GetTargetGroupOutput {
        let identifier = try Self.parseIdentifier(input.targetGroupIdentifier)
        return try state.withLock { (state) throws(ServiceError) -> GetTargetGroupOutput in
            state.groups[try Self.index(of: identifier, in: state)].getOutput
        }
    }

    /// `ListTargetGroups` in creation order, optionally filtered by VPC and type.
    /// - Complexity: O(groups after the cursor) inside the lock.
    public func listTargetGroups(
        _ input: ListTargetGroupsInput, context: RequestContext = RequestContext()
    ) throws(ServiceError) -> ListTargetGroupsOutput {
        var violations = FieldViolations()
        violations.checkRange(input.maxResults, "maxResults", 1...100)
        if let vpc = input.vpcIdentifier, !LatticeSyntax.isVPCIdentifier(vpc) {
            violations.add("vpcIdentifier", "must be 'vpc-' followed by 8 or 17 of [0-9a-z], got '\(vpc)'")
        }
        violations.checkEnum(input.targetGroupType, "targetGroupType", LatticeValues.TargetGroupType.all)
        try violations.throwIfAny()
        let scope = LatticePageToken.scope(.listTargetGroups, [input.vpcIdentifier, input.targetGroupType])
        let start = try LatticePageToken.position(of: input.nextToken, scope: scope)
        let limit = pageSize(input.maxResults)
        let (items, next) = state.withLock { state -> ([TargetGroupSummary], UInt64?) in
            var items: [TargetGroupSummary] = []
            for record in state.groups.dropFirst(Int(clamping: start)) {
                if let vpc = input.vpcIdentifier, record.config.vpcIdentifier != vpc { continue }
                if let type = input.targetGroupType, record.type != type { continue }
                if items.count == limit { return (items, record.sequence) }
                items.append(record.summary)
            }
            return (items, nil)
        }
        return ListTargetGroupsOutput(
            items: items, nextToken: next.map { LatticePageToken(scope: scope, position: $0).encoded })
    }

    // MARK: Targets

    /// `RegisterTargets`: each valid new target is registered (ledger `registered`); a target already there
    /// succeeds without a change; invalid targets, a second target of a `LAMBDA` group and targets past the
    /// per-group quota go to `unsuccessful` (see ``LatticeFailureCode``). Partial success is still a success.
    ///
    /// Faults: a valid target hit by the partial-failure fault goes to `unsuccessful` as `InternalFailure` and
    /// changes nothing; a new target hit by the drop mutation is answered in `successful` but not stored.
    public func registerTargets(
        _ input: RegisterTargetsInput, context: RequestContext = RequestContext()
    ) throws(ServiceError) -> RegisterTargetsOutput {
        let (group, table, checks) = try prepareBatch(input.targetGroupIdentifier, input.targets)
        let quota = configuration.targetsPerGroupQuota
        let requestKey = faults.decidesTargets ? faults.requestKey(context) : ""
        return table.withLock { table -> RegisterTargetsOutput in
            let now = clock.now
            var successful: [Target] = []
            successful.reserveCapacity(checks.count)  // one allocation, not one per doubling
            var unsuccessful: [TargetFailure] = []
            for check in checks {
                guard case .valid(let key) = check else {
                    if case .invalid(let failure) = check { unsuccessful.append(failure) }
                    continue
                }
                if faults.failsTarget(key.ledgerID, request: requestKey) {
                    unsuccessful.append(
                        Self.failure(key, LatticeFailureCode.internalFailure, "Internal failure; retry the target"))
                    continue
                }
                if table.targets[key] != nil {
                    successful.append(key.target)
                } else if group.type == LatticeValues.TargetGroupType.lambda,
                    let held = table.targets.first(where: { _ in true })?.key
                {
                    unsuccessful.append(
                        Self.failure(
                            key, LatticeFailureCode.lambdaTargetLimitExceeded,
                            "A LAMBDA target group holds one target and already holds '\(held.id)'"))
                } else if table.targets.count >= quota {
                    unsuccessful.append(
                        Self.failure(
                            key, LatticeFailureCode.serviceQuotaExceeded,
                            "Targets per target group quota of \(quota) reached"))
                } else if faults.dropsTarget(key.ledgerID, request: requestKey) {
                    successful.append(key.target)
                } else {
                    table.targets[key] = table.nextSequence
                    table.nextSequence += 1
                    recordTargetChange(.registered, .registerTargets, key, group: group.id, at: now, context)
                    successful.append(key.target)
                }
            }
            return RegisterTargetsOutput(successful: successful, unsuccessful: unsuccessful)
        }
    }

    /// `DeregisterTargets`: removes each valid target that is registered (ledger `deregistered`); one that is
    /// not registered succeeds without a change; invalid targets go to `unsuccessful`.
    public func deregisterTargets(
        _ input: DeregisterTargetsInput, context: RequestContext = RequestContext()
    ) throws(ServiceError) -> DeregisterTargetsOutput {
        let (group, table, checks) = try prepareBatch(input.targetGroupIdentifier, input.targets)
        return table.withLock { table -> DeregisterTargetsOutput in
            let now = clock.now
            var successful: [Target] = []
            successful.reserveCapacity(checks.count)
            var unsuccessful: [TargetFailure] = []
            for check in checks {
                switch check {
                case .invalid(let failure):
                    unsuccessful.append(failure)
                case .valid(let key):
                    if table.targets.removeValue(forKey: key) != nil {
                        recordTargetChange(.deregistered, .deregisterTargets, key, group: group.id, at: now, context)
                    }
                    successful.append(key.target)
                }
            }
            return DeregisterTargetsOutput(successful: successful, unsuccessful: unsuccessful)
        }
    }

    /// `ListTargets` in registration order, optionally only the given targets (at most 20).
    /// - Complexity: O(targets in the group) inside the lock, then O(m log m) outside it for the m matches.
    public func listTargets(
        _ input: ListTargetsInput, context: RequestContext = RequestContext()
    ) throws(ServiceError) -> ListTargetsOutput {
        let identifier = try Self.parseIdentifier(input.targetGroupIdentifier)
        var violations = FieldViolations()
        violations.checkRange(input.maxResults, "maxResults", 1...100)
        let filter = input.targets ?? []
        violations.checkCount(filter.count, "targets", 0...20)
        for (position, target) in filter.enumerated() {
            violations.checkRange(target.port, "targets[\(position)].port", 1...65535)
        }
        try violations.throwIfAny()
        let scope = LatticePageToken.scope(
            .listTargets, [identifier.id] + filter.map { TargetKey(id: $0.id, port: $0.port).ledgerID })
        let start = try LatticePageToken.position(of: input.nextToken, scope: scope)
        let limit = pageSize(input.maxResults)
        let exact = Set(filter.filter { $0.port != nil }.map { TargetKey(id: $0.id, port: $0.port) })
        let anyPort = Set(filter.filter { $0.port == nil }.map(\.id))
        let table = try state.withLock { (state) throws(ServiceError) -> TargetTable in
            state.groups[try Self.index(of: identifier, in: state)].targets
        }
        let matches = table.withLock { table -> [(key: TargetKey, sequence: UInt64)] in
            table.targets.compactMap { key, sequence in
                guard sequence >= start, filter.isEmpty || exact.contains(key) || anyPort.contains(key.id) else {
                    return nil
                }
                return (key, sequence)
            }
        }.sorted { $0.sequence < $1.sequence }
        let items = matches.prefix(limit).map {
            TargetSummary(id: $0.key.id, port: $0.key.port, status: LatticeValues.TargetStatus.healthy)
        }
        let next = matches.count > limit ? LatticePageToken(scope: scope, position: matches[limit].sequence) : nil
        return ListTargetsOutput(items: items, nextToken: next?.encoded)
    }

    // MARK: Helpers

    /// The page size: `maxResults`, else the configured default (never above the model's 100).
    private func pageSize(_ maxResults: Int?) -> Int {
        maxResults ?? min(max(configuration.defaultPageSize, 1), 100)
    }

    /// The shared front half of register and deregister: checks the identifier and the batch size, finds the
    /// group (the only step under the state lock), and checks each target outside any lock.
    /// - Returns: the group's shape, its targets' table, and one check per target.
    private func prepareBatch(
        _ identifier: String, _ targets: [Target]
    ) throws(ServiceError) -> (TargetGroupShape, TargetTable, [TargetValidation.Check]) {
        let identifier = try Self.parseIdentifier(identifier)
        var violations = FieldViolations()
        violations.checkCount(targets.count, "targets", 1...100)
        try violations.throwIfAny()
        let (group, table) = try state.withLock { (state) throws(ServiceError) -> (TargetGroupShape, TargetTable) in
            let index = try Self.index(of: identifier, in: state)
            return (state.groups[index].shape, state.groups[index].targets)
        }
        return (group, table, targets.map { TargetValidation.check($0, in: group) })
    }

    /// Appends a target's registration or deregistration to the ledger (called with the group's table lock held, so
    /// that a target's entries are in the order its changes took effect). A ledger that keeps nothing is asked first,
    /// so that the target's `id:port` is not built for nothing.
    private func recordTargetChange(
        _ change: LedgerEntry.Change, _ operation: LatticeOperation, _ key: TargetKey, group: String,
        at time: Instant, _ context: RequestContext
    ) {
        guard ledger.isRecording else { return }
        ledger.append(
            LedgerEntry(
                time: time, service: .vpcLattice, operation: operation.rawValue, change: change,
                resourceType: "Target", resourceId: key.ledgerID, parentId: group, context: context))
    }

    private static func failure(_ key: TargetKey, _ code: String, _ message: String) -> TargetFailure {
        TargetFailure(id: key.id, port: key.port, failureCode: code, failureMessage: message)
    }

    /// Checks `targetGroupIdentifier` (17-2048 characters, a target group id or ARN).
    private static func parseIdentifier(_ identifier: String) throws(ServiceError) -> LatticeSyntax.Identifier {
        guard identifier.hasUnicodeScalarCount(in: 17...2048) else {
            throw FieldViolations.error(
                "targetGroupIdentifier", "must be 17-2048 characters long, got \(identifier.unicodeScalars.count)")
        }
        guard let parsed = LatticeSyntax.targetGroupIdentifier(identifier) else {
            throw FieldViolations.error(
                "targetGroupIdentifier", "must be a target group id ('tg-' followed by 17 of [0-9a-z]) or ARN")
        }
        return parsed
    }

    /// The index of the identified group. An ARN must be the group's own ARN (same partition, region and
    /// account); otherwise the group is not found.
    private static func index(
        of identifier: LatticeSyntax.Identifier, in state: LatticeState
    ) throws(ServiceError) -> Int {
        if let index = state.indexByID[identifier.id] {
            guard case .arn(let arn, _) = identifier else { return index }
            if state.groups[index].arn == arn { return index }
        }
        throw .latticeNotFound(
            "Target group '\(identifier.text)' not found", resourceId: identifier.text,
            resourceType: LatticeValues.targetGroupResourceType)
    }
}
