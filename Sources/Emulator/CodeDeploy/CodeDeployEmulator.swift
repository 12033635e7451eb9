import AWSModel
import BenchCore
import Synchronization

/// The in-process CodeDeploy emulator: deployments with typed targets, and the read operations bench drives
/// (`BatchGetDeploymentTargets`) or uses to check answers (`ListDeployments`, `ListDeploymentTargets`,
/// `GetDeploymentTarget`, `GetDeployment`).
///
/// Deployments come from the setup API (``createDeployment(platform:targetCount:context:)``), not from the
/// wire: the model's `CreateDeployment` needs applications, deployment groups and revisions that a load test has
/// no use for. A deployment's targets run their lifecycle events on the injected clock, so statuses move from
/// `Pending` through `InProgress` to `Succeeded` as time passes, the same way in every run with the same seed.
///
/// Server-side faults (``EmulatorFaults``) are applied by ``handle(_:context:)`` before anything else: a rate
/// limit answers `ThrottlingException` (400), a brownout `ServiceUnavailable` (503). The `extraBatchGetIds`
/// mutation (``EmulatorMutations``) breaks `BatchGetDeploymentTargets` on purpose.
///
/// Thread-safe: all state sits in one `Mutex`; reads copy the (immutable) deployment out and answer unlocked.
public final class CodeDeployEmulator: Sendable {
    struct State {
        var ids: IDGenerator
        var timing: SplitMix64
        var deployments: [String: StoredDeployment] = [:]
        /// Deployment ids in creation order: the order `ListDeployments` pages through.
        var order: [String] = []
        /// Application name → its deployment group names.
        var applications: [String: Set<String>] = [:]
    }

    let configuration: EmulatorConfiguration
    let clock: any BenchClock
    let ledger: Ledger
    let state: Mutex<State>
    private let faults: ServerFaultGate

    /// - Parameters:
    ///   - configuration: account, region, page size, faults and mutations.
    ///   - clock: the time deployments are created at, their lifecycle events and the faults run on.
    ///   - seed: fixes every generated id, lifecycle timing and fault decision.
    ///   - ledger: receives a `created` entry per deployment.
    public init(configuration: EmulatorConfiguration, clock: any BenchClock, seed: UInt64, ledger: Ledger) {
        self.configuration = configuration
        self.clock = clock
        self.ledger = ledger
        state = Mutex(State(
            ids: IDGenerator(seed: seed, stream: "codedeploy"),
            timing: SplitMix64(seed: seed).derived("codedeploy.timing")))
        faults = ServerFaultGate(configuration: configuration, service: .codeDeploy, clock: clock, seed: seed)
    }

    /// Answers one request, after the rate limit and brownout checks (which key their decisions on `context`).
    /// The operations here only read, so `context` is not recorded anywhere.
    public func handle(_ request: CodeDeployRequest, context: RequestContext) throws(ServiceError)
        -> CodeDeployResponse
    {
        try faults.admit(request.operationName, context: context)
        return switch request {
        case .batchGetDeploymentTargets(let input): .batchGetDeploymentTargets(try batchGetDeploymentTargets(input))
        case .listDeployments(let input): .listDeployments(try listDeployments(input))
        case .listDeploymentTargets(let input): .listDeploymentTargets(try listDeploymentTargets(input))
        case .getDeploymentTarget(let input): .getDeploymentTarget(try getDeploymentTarget(input))
        case .getDeployment(let input): .getDeployment(try getDeployment(input))
        }
    }

    /// The latency a transport should add to a request for `operation` now (nanoseconds; brownout windows).
    public func extraLatency(for operation: String) -> UInt64 { faults.extraLatency(for: operation) }

    /// The server-side faults injected so far.
    public var faultCounts: EmulatorFaultCounts { faults.counts }

    /// `BatchGetDeploymentTargets`: the requested targets, typed per the deployment's compute platform, in
    /// request order, each once even when the request repeats it.
    ///
    /// More than ``BatchGetDeploymentTargetsInput/maximumTargetIds`` ids (counted as sent, before duplicates are
    /// folded) is refused with `DeploymentTargetListSizeExceededException`. The model documents the limit of 25
    /// but names no error for it; that exception is the only size error the operation lists (its doc describes
    /// the one-target rule of ECS and Lambda), whereas `BatchLimitExceededException` is not listed for this
    /// operation, so a client's modeled-error handling would not expect it.
    ///
    /// The ids are checked in order; the first bad one decides the error: empty →
    /// `DeploymentTargetIdRequiredException`, not in the platform's format → `InvalidDeploymentTargetIdException`,
    /// not a target of this deployment → `DeploymentTargetDoesNotExistException`.
    ///
    /// Under the `extraBatchGetIds` mutation the answer also holds the deployment's first target (in creation
    /// order) that was not requested, if any.
    /// - Complexity: O(number of ids requested): one dictionary lookup each (plus O(targets) for the mutation).
    public func batchGetDeploymentTargets(_ input: BatchGetDeploymentTargetsInput) throws(ServiceError)
        -> BatchGetDeploymentTargetsOutput
    {
        let deployment = try storedDeployment(input.deploymentId)
        guard let ids = input.targetIds, !ids.isEmpty else {
            throw .codeDeploy(.deploymentTargetIdRequired, "targetIds must name at least one target")
        }
        let maximum = BatchGetDeploymentTargetsInput.maximumTargetIds
        guard ids.count <= maximum else {
            throw .codeDeploy(
                .deploymentTargetListSizeExceeded,
                "targetIds names \(ids.count) targets; at most \(maximum) are allowed per request")
        }
        let now = clock.now
        // The positions to answer, on the stack: an id named twice is answered once. At most 25, so a linear
        // scan of the positions costs less than hashing each id into a set.
        let answer = try withUnsafeTemporaryAllocation(of: Int.self, capacity: ids.count) {
            (seen: UnsafeMutableBufferPointer<Int>) throws(ServiceError) -> [DeploymentTarget] in
            var seenCount = 0
            for id in ids {
                let position = try Self.position(of: id, in: deployment)
                if seen[..<seenCount].contains(position) { continue }
                seen[seenCount] = position
                seenCount += 1
            }
            var answer = deployment.answers(at: seen[..<seenCount], at: now, clock: clock)
            if configuration.mutations.extraBatchGetIds,
                let extra = deployment.targets.indices.first(where: { !seen[..<seenCount].contains($0) })
            {
                answer.append(deployment.answer(at: extra, at: now, clock: clock))
            }
            return answer
        }
        return BatchGetDeploymentTargetsOutput(deploymentTargets: answer)
    }

    /// `GetDeploymentTarget`: one target, with the same checks as ``batchGetDeploymentTargets(_:)``.
    public func getDeploymentTarget(_ input: GetDeploymentTargetInput) throws(ServiceError)
        -> GetDeploymentTargetOutput
    {
        let deployment = try storedDeployment(input.deploymentId)
        let position = try Self.position(of: input.targetId ?? "", in: deployment)
        return GetDeploymentTargetOutput(deploymentTarget: deployment.answer(at: position, at: clock.now, clock: clock))
    }

    /// `GetDeployment`: the deployment's identity, status and per-state target counts at the current time.
    public func getDeployment(_ input: GetDeploymentInput) throws(ServiceError) -> GetDeploymentOutput {
        let deployment = try storedDeployment(input.deploymentId)
        return GetDeploymentOutput(deploymentInfo: deployment.info(at: clock.now, clock: clock))
    }

    /// `ListDeploymentTargets`: the deployment's target ids in creation order, `configuration.defaultPageSize` per
    /// page, optionally filtered by `TargetStatus` (statuses at the current time) and `ServerInstanceLabel`.
    ///
    /// A `nextToken` is valid only for the deployment that issued it; filters may change between pages.
    public func listDeploymentTargets(_ input: ListDeploymentTargetsInput) throws(ServiceError)
        -> ListDeploymentTargetsOutput
    {
        let deployment = try storedDeployment(input.deploymentId)
        let filter = try TargetFilter(input.targetFilters)
        let now = clock.now
        let page = try Self.page(
            token: input.nextToken, scope: deployment.id, count: deployment.targets.count,
            pageSize: configuration.defaultPageSize
        ) { position in
            filter.accepts(deployment.targets[position], at: now)
        }
        return ListDeploymentTargetsOutput(
            targetIds: page.positions.map { deployment.targets[$0].targetId }, nextToken: page.nextToken)
    }

    /// `ListDeployments`: deployment ids in creation order, `configuration.defaultPageSize` per page, optionally
    /// only those of one application's deployment group (both names or neither, as the model documents).
    public func listDeployments(_ input: ListDeploymentsInput) throws(ServiceError) -> ListDeploymentsOutput {
        let group = try deploymentGroupFilter(input)
        let (order, deployments) = state.withLock { ($0.order, $0.deployments) }
        let scope = group.map { "deployments/\($0.application)/\($0.group)" } ?? "deployments"
        let page = try Self.page(
            token: input.nextToken, scope: scope, count: order.count, pageSize: configuration.defaultPageSize
        ) { position in
            guard let group else { return true }
            let deployment = deployments[order[position]]
            return deployment?.applicationName == group.application && deployment?.deploymentGroupName == group.group
        }
        return ListDeploymentsOutput(deployments: page.positions.map { order[$0] }, nextToken: page.nextToken)
    }

    // MARK: - Checks shared by the operations

    /// The deployment `id` names, after the model's checks: present, well-formed, known.
    private func storedDeployment(_ id: String?) throws(ServiceError) -> StoredDeployment {
        guard let id, !id.isEmpty else { throw .codeDeploy(.deploymentIdRequired, "deploymentId is required") }
        guard CodeDeployIdentifier.isDeploymentId(id) else {
            throw .codeDeploy(
                .invalidDeploymentId,
                "deploymentId '\(Self.abbreviated(id))' is not valid: expected d- followed by 9 of [0-9A-Z]")
        }
        guard let deployment = state.withLock({ $0.deployments[id] }) else {
            throw .codeDeploy(.deploymentDoesNotExist, "Deployment \(id) does not exist")
        }
        return deployment
    }

    /// The position in `deployment.targets` of the target `id` names, after the checks: present, in the platform's
    /// format, a member.
    ///
    /// A member is looked up first: every stored id is in its platform's format (`CodeDeployTargetTests`), so only
    /// an id that is not a member is scanned for its format, to tell the two errors apart. Scanning every id first
    /// cost a batch read about a seventh of its time in the emulator.
    private static func position(of id: String, in deployment: StoredDeployment) throws(ServiceError) -> Int {
        if let position = deployment.positions[id] { return position }
        guard !id.isEmpty else { throw .codeDeploy(.deploymentTargetIdRequired, "targetId is required") }
        guard CodeDeployIdentifier.isTargetId(id, for: deployment.platform) else {
            throw .codeDeploy(
                .invalidDeploymentTargetId,
                "targetId '\(abbreviated(id))' is not valid for a \(deployment.platform.rawValue) deployment: "
                    + "expected \(CodeDeployIdentifier.targetIdFormat(for: deployment.platform))")
        }
        throw .codeDeploy(
            .deploymentTargetDoesNotExist, "The target ID \(id) does not belong to deployment \(deployment.id)")
    }

    /// The application and deployment group `ListDeployments` is restricted to, or `nil` for all deployments.
    private func deploymentGroupFilter(_ input: ListDeploymentsInput) throws(ServiceError)
        -> (application: String, group: String)?
    {
        switch (input.applicationName, input.deploymentGroupName) {
        case (nil, nil):
            return nil
        case (nil, .some):
            throw .codeDeploy(
                .applicationNameRequired, "applicationName is required when deploymentGroupName is set")
        case (.some, nil):
            throw .codeDeploy(
                .deploymentGroupNameRequired, "deploymentGroupName is required when applicationName is set")
        case (.some(let application), .some(let group)):
            try Self.checkName(application, field: "applicationName", code: .invalidApplicationName)
            try Self.checkName(group, field: "deploymentGroupName", code: .invalidDeploymentGroupName)
            let groups = state.withLock { $0.applications[application] }
            guard let groups else {
                throw .codeDeploy(.applicationDoesNotExist, "Application \(application) does not exist")
            }
            guard groups.contains(group) else {
                throw .codeDeploy(
                    .deploymentGroupDoesNotExist,
                    "Deployment group \(group) does not exist in application \(application)")
            }
            return (application, group)
        }
    }

    /// Application and deployment group names are 1-100 characters (the model's `min`/`max`).
    private static func checkName(_ name: String, field: String, code: CodeDeployErrorCode) throws(ServiceError) {
        guard (1...100).contains(name.count) else {
            throw .codeDeploy(code, "\(field) must be 1-100 characters long; it has \(name.count)")
        }
    }
}
