import AWSModel
import BenchCore
import Emulator
import Resilience

/// A setup step that failed; the run stops before any load with this message.
public struct SetupError: Error, Sendable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// What fixtures use to create their resources: the run's transport, and the embedded emulator when there is one.
public struct SetupContext: Sendable {
    let transport: any Transport
    /// The in-process emulator, when the endpoint is embedded (deployments are seeded through it).
    public let emulator: Emulator?
    let clock: any BenchClock

    /// Sends one setup request and returns its answer; an error answer or a lost answer is a ``SetupError``
    /// that says which step failed.
    public func send(_ request: AWSRequest, what: String) async throws -> AWSResponse {
        switch await transport.send(request, context: RequestContext(requestId: "setup")) {
        case .response(let response): return response
        case .serviceError(let error): throw SetupError("\(what): \(error.code): \(error.message)")
        case .failure(let failure): throw SetupError("\(what): \(failure)")
        }
    }

    /// Waits for a Cloud Map namespace operation to succeed and returns the namespace id (bounded: 600 polls).
    func namespaceId(ofOperation operationId: String, namespace: String) async throws -> String {
        for _ in 0..<600 {
            let answer = try await send(
                .cloudMap(.getOperation(GetOperationInput(operationId: operationId))), what: "poll namespace \(namespace)"
            )
            if case .cloudMap(.getOperation(let output)) = answer {
                let operation = output.operation
                if operation.status == "FAIL" {
                    throw SetupError("create namespace \(namespace): operation failed: \(operation.errorMessage ?? "")")
                }
                if let id = operation.targets?["NAMESPACE"] { return id }
            }
            try await clock.sleep(nanoseconds: 50_000_000)
        }
        throw SetupError("create namespace \(namespace): no namespace id after 600 polls")
    }

    /// Every deployment id the endpoint lists, following `nextToken` (bounded: 10,000 pages).
    func listDeployments() async throws -> [String] {
        var ids: [String] = []
        var token: String?
        for _ in 0..<10_000 {
            let answer = try await send(
                .codeDeploy(.listDeployments(ListDeploymentsInput(nextToken: token))), what: "list deployments")
            guard case .codeDeploy(.listDeployments(let output)) = answer else { break }
            ids += output.deployments ?? []
            token = output.nextToken
            if token == nil { break }
        }
        return ids
    }

    /// Every target id of a deployment, following `nextToken` (bounded: 10,000 pages).
    func listDeploymentTargets(_ deploymentId: String) async throws -> [String] {
        var ids: [String] = []
        var token: String?
        for _ in 0..<10_000 {
            let input = ListDeploymentTargetsInput(deploymentId: deploymentId, nextToken: token)
            let answer = try await send(.codeDeploy(.listDeploymentTargets(input)), what: "list targets of \(deploymentId)")
            guard case .codeDeploy(.listDeploymentTargets(let output)) = answer else { break }
            ids += output.targetIds ?? []
            token = output.nextToken
            if token == nil { return ids }
        }
        return ids
    }
}

extension SetupContext {
    /// A context that creates fixtures in `emulator`, as a run against the embedded endpoint does: for programs
    /// that drive the call pipeline themselves with a scenario's fixtures and workloads
    /// (`scripts/perf/parts/`, run by `scripts/bench-part.sh`).
    public init(emulator: Emulator, clock: any BenchClock) {
        self.init(transport: EmbeddedTransport(emulator: emulator, clock: clock), emulator: emulator, clock: clock)
    }
}
