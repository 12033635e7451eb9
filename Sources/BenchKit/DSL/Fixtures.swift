import AWSModel
import BenchCore
import Emulator
import Foundation

/// `count` VPC Lattice target groups of one type, for `RegisterTargets` to register into.
public struct TargetGroups: Fixture {
    public let count: Int
    public let type: TargetGroupKind

    public init(_ count: Int, type: TargetGroupKind = .ip) {
        self.count = count
        self.type = type
    }

    public func validate(at path: String, endpoint: Endpoint) -> [ValidationIssue] {
        (1...1_000).contains(count) ? [] : [.init(path: "\(path).count", message: "must be in 1...1000 (got \(count))")]
    }

    public func create(using setup: SetupContext, into fixtures: inout ResolvedFixtures) async throws {
        for index in 0..<count {
            let name = "setup-\(type.rawValue.lowercased())-\(fixtures.targetGroupCount + 1)-\(index)"
            let input = CreateTargetGroupInput(
                name: name, type: type.rawValue, config: type.configuration(vpc: "vpc-0123456789abcdef0"),
                clientToken: "setup-\(name)"
            )
            let response = try await setup.send(.lattice(.createTargetGroup(input)), what: "create target group \(name)")
            guard case .lattice(.createTargetGroup(let output)) = response, let id = output.id else {
                throw SetupError("create target group \(name): the answer carried no id")
            }
            fixtures.addTargetGroup(ResolvedTargetGroup(id: id, arn: output.arn ?? id, kind: type))
        }
    }
}

/// A Cloud Map HTTP namespace and a service in it, for `RegisterInstance`.
public struct CloudMapService: Fixture {
    public let namespace: String
    public let name: String

    public init(namespace: String = "bench.local", name: String = "api") {
        self.namespace = namespace
        self.name = name
    }

    public func validate(at path: String, endpoint: Endpoint) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        if namespace.isEmpty || namespace.utf8.count > 1_024 || namespace.utf8.contains(where: { $0 < 0x21 || $0 > 0x7E }) {
            issues.append(.init(path: "\(path).namespace", message: "must be 1-1024 printable ASCII characters without spaces"))
        }
        if name.isEmpty || name.utf8.count > 127 {
            issues.append(.init(path: "\(path).name", message: "must be 1-127 characters (got \(name.utf8.count))"))
        }
        return issues
    }

    public func create(using setup: SetupContext, into fixtures: inout ResolvedFixtures) async throws {
        let namespaceRequest = CreateHttpNamespaceInput(name: namespace, creatorRequestId: "setup-ns-\(namespace)")
        let created = try await setup.send(.cloudMap(.createHttpNamespace(namespaceRequest)), what: "create namespace \(namespace)")
        guard case .cloudMap(.createHttpNamespace(let output)) = created else {
            throw SetupError("create namespace \(namespace): the answer was not a CreateHttpNamespace answer")
        }
        let namespaceId = try await setup.namespaceId(ofOperation: output.operationId, namespace: namespace)
        let serviceRequest = CreateServiceInput(
            name: name, namespaceId: namespaceId, creatorRequestId: "setup-svc-\(namespace)-\(name)", type: "HTTP"
        )
        let service = try await setup.send(.cloudMap(.createService(serviceRequest)), what: "create service \(name)")
        guard case .cloudMap(.createService(let serviceOutput)) = service else {
            throw SetupError("create service \(name): the answer was not a CreateService answer")
        }
        fixtures.cloudMapServices.append(serviceOutput.service.id)
    }
}

/// A CodeDeploy deployment with `targets` targets of one compute platform, for `BatchGetDeploymentTargets`.
///
/// On the embedded emulator the deployment is created. A live endpoint has no API that creates deployment
/// targets without real instances, so there the fixture uses an existing deployment (found with `ListDeployments`
/// and `ListDeploymentTargets`) holding at least `targets` targets, such as those `bench serve --deployments N`
/// seeds; `platform` is then whatever that deployment has.
public struct Deployment: Fixture {
    public let targets: Int
    public let platform: ComputePlatform

    public init(targets: Int, platform: ComputePlatform = .server) {
        self.targets = targets
        self.platform = platform
    }

    public func validate(at path: String, endpoint: Endpoint) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        if !(1...100_000).contains(targets) {
            issues.append(.init(path: "\(path).targets", message: "must be in 1...100000 (got \(targets))"))
        }
        return issues
    }

    public func create(using setup: SetupContext, into fixtures: inout ResolvedFixtures) async throws {
        if let emulator = setup.emulator {
            let id = emulator.codeDeploy.createDeployment(
                platform: platform, targetCount: targets, context: RequestContext(requestId: "setup")
            )
            let listed = try await setup.listDeploymentTargets(id)
            fixtures.deployments.append(ResolvedDeployment(id: id, platform: platform, targetIds: listed))
            return
        }
        let used = Set(fixtures.deployments.map(\.id))
        for id in try await setup.listDeployments() where !used.contains(id) {
            let listed = try await setup.listDeploymentTargets(id)
            if listed.count >= targets {
                fixtures.deployments.append(ResolvedDeployment(id: id, platform: platform, targetIds: listed))
                return
            }
        }
        throw SetupError(
            "deployment fixture: the endpoint has no unused deployment with at least \(targets) targets "
                + "(start `bench serve --deployments N --targets-per-deployment \(targets)`, or lower `targets`)")
    }
}
