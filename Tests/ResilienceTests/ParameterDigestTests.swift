import AWSModel
import Testing

@testable import Resilience

/// `AWSRequest.parameterDigest`: every member of every input counts, the token does not, map order does not.
@Suite struct ParameterDigestTests {
    /// One operation: a request with every member set, and requests that each change one member (by path).
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let full: AWSRequest
        /// The input inside `full`, for listing its members by reflection.
        let input: any ParameterDigestible & Sendable
        let changes: [(path: String, request: AWSRequest)]
        var testDescription: String { name }

        init<Input: ParameterDigestible & Sendable>(
            _ full: Input, _ wrap: (Input) -> AWSRequest, _ changes: [(String, (inout Input) -> Void)]
        ) {
            self.full = wrap(full)
            self.name = self.full.operationName
            self.input = full
            self.changes = changes.map { path, change in
                var changed = full
                change(&changed)
                return (path, wrap(changed))
            }
        }
    }

    static let targets = [Target(id: "10.0.0.1", port: 80), Target(id: "10.0.0.2", port: 81)]

    static let createTargetGroup: Case = {
        let changes: [(String, (inout CreateTargetGroupInput) -> Void)] = [
            ("name", { $0.name += "x" }), ("type", { $0.type = "INSTANCE" }),
            ("config", { $0.config = nil }),
            ("config.port", { $0.config?.port = 81 }),
            ("config.protocol", { $0.config?.protocol = "HTTPS" }),
            ("config.protocolVersion", { $0.config?.protocolVersion = "HTTP2" }),
            ("config.ipAddressType", { $0.config?.ipAddressType = "IPV6" }),
            ("config.vpcIdentifier", { $0.config?.vpcIdentifier = "vpc-2" }),
            ("config.healthCheck", { $0.config?.healthCheck = nil }),
            ("config.healthCheck.enabled", { $0.config?.healthCheck?.enabled = false }),
            ("config.healthCheck.protocol", { $0.config?.healthCheck?.protocol = "TCP" }),
            ("config.healthCheck.protocolVersion", { $0.config?.healthCheck?.protocolVersion = "HTTP2" }),
            ("config.healthCheck.port", { $0.config?.healthCheck?.port = 8080 }),
            ("config.healthCheck.path", { $0.config?.healthCheck?.path = "/" }),
            (
                "config.healthCheck.healthCheckIntervalSeconds",
                { $0.config?.healthCheck?.healthCheckIntervalSeconds = 31 }
            ),
            ("config.healthCheck.healthCheckTimeoutSeconds", { $0.config?.healthCheck?.healthCheckTimeoutSeconds = 6 }),
            ("config.healthCheck.healthyThresholdCount", { $0.config?.healthCheck?.healthyThresholdCount = 4 }),
            ("config.healthCheck.unhealthyThresholdCount", { $0.config?.healthCheck?.unhealthyThresholdCount = 3 }),
            ("config.healthCheck.matcher", { $0.config?.healthCheck?.matcher = nil }),
            ("config.healthCheck.matcher.httpCode", { $0.config?.healthCheck?.matcher?.httpCode = "204" }),
            ("config.lambdaEventStructureVersion", { $0.config?.lambdaEventStructureVersion = "V2" }),
            ("tags", { $0.tags?["a"] = "9" }), ("tags key", { $0.tags = ["c": "1", "b": "2"] }),
            ("tags nil", { $0.tags = nil }), ("tags empty", { $0.tags = [:] }),
        ]
        return Case(
            CreateTargetGroupInput(
                name: "tg", type: "IP",
                config: TargetGroupConfig(
                    port: 80, protocol: "HTTP", protocolVersion: "HTTP1", ipAddressType: "IPV4",
                    vpcIdentifier: "vpc-1",
                    healthCheck: HealthCheckConfig(
                        enabled: true, protocol: "HTTP", protocolVersion: "HTTP1", port: 80, path: "/h",
                        healthCheckIntervalSeconds: 30, healthCheckTimeoutSeconds: 5, healthyThresholdCount: 5,
                        unhealthyThresholdCount: 2, matcher: Matcher(httpCode: "200")),
                    lambdaEventStructureVersion: "V1"),
                clientToken: "token", tags: ["a": "1", "b": "2"]), { .lattice(.createTargetGroup($0)) }, changes)
    }()

    static let registerTargets: Case = {
        let changes: [(String, (inout RegisterTargetsInput) -> Void)] = [
            ("targetGroupIdentifier", { $0.targetGroupIdentifier = "tg-2" }),
            ("targets", { $0.targets.removeLast() }), ("targets order", { $0.targets.reverse() }),
            ("targets.id", { $0.targets[0].id = "10.0.0.3" }), ("targets.port", { $0.targets[0].port = nil }),
        ]
        return Case(
            RegisterTargetsInput(targetGroupIdentifier: "tg-1", targets: targets), { .lattice(.registerTargets($0)) },
            changes)
    }()

    static let deregisterTargets: Case = {
        let changes: [(String, (inout DeregisterTargetsInput) -> Void)] = [
            ("targetGroupIdentifier", { $0.targetGroupIdentifier = "tg-2" }),
            ("targets", { $0.targets = [] }),
            ("targets.id", { $0.targets[1].id = "10.0.0.3" }), ("targets.port", { $0.targets[1].port = 82 }),
        ]
        return Case(
            DeregisterTargetsInput(targetGroupIdentifier: "tg-1", targets: targets),
            { .lattice(.deregisterTargets($0)) }, changes)
    }()

    static let getTargetGroup: Case = {
        let changes: [(String, (inout GetTargetGroupInput) -> Void)] = [
            ("targetGroupIdentifier", { $0.targetGroupIdentifier = "tg-2" })
        ]
        return Case(GetTargetGroupInput(targetGroupIdentifier: "tg-1"), { .lattice(.getTargetGroup($0)) }, changes)
    }()

    static let listTargetGroups: Case = {
        let changes: [(String, (inout ListTargetGroupsInput) -> Void)] = [
            ("maxResults", { $0.maxResults = 11 }), ("nextToken", { $0.nextToken = nil }),
            ("vpcIdentifier", { $0.vpcIdentifier = "vpc-2" }), ("targetGroupType", { $0.targetGroupType = "ALB" }),
        ]
        return Case(
            ListTargetGroupsInput(maxResults: 10, nextToken: "n", vpcIdentifier: "vpc-1", targetGroupType: "IP"),
            { .lattice(.listTargetGroups($0)) }, changes)
    }()

    static let listTargets: Case = {
        let changes: [(String, (inout ListTargetsInput) -> Void)] = [
            ("targetGroupIdentifier", { $0.targetGroupIdentifier = "tg-2" }), ("maxResults", { $0.maxResults = 9 }),
            ("nextToken", { $0.nextToken = "m" }), ("targets", { $0.targets = nil }),
            ("targets.id", { $0.targets?[0].id = "x" }), ("targets.port", { $0.targets?[0].port = 1 }),
        ]
        return Case(
            ListTargetsInput(targetGroupIdentifier: "tg-1", maxResults: 10, nextToken: "n", targets: targets),
            { .lattice(.listTargets($0)) }, changes)
    }()

    static let latticeCases: [Case] = [
        createTargetGroup, registerTargets, deregisterTargets, getTargetGroup, listTargetGroups, listTargets,
    ]

    static let registerInstance: Case = {
        let changes: [(String, (inout RegisterInstanceInput) -> Void)] = [
            ("serviceId", { $0.serviceId = "srv-2" }), ("instanceId", { $0.instanceId = "i-2" }),
            ("attributes", { $0.attributes["A"] = "2" }), ("attributes key", { $0.attributes = ["A": "1"] }),
            ("attributes values swapped", { $0.attributes = ["A": "2", "B": "1"] }),
            ("attributes key renamed", { $0.attributes = ["A": "1", "C": "2"] }),
        ]
        return Case(
            RegisterInstanceInput(
                serviceId: "srv-1", instanceId: "i-1", creatorRequestId: "token", attributes: ["A": "1", "B": "2"]),
            { .cloudMap(.registerInstance($0)) }, changes)
    }()

    static let deregisterInstance: Case = {
        let changes: [(String, (inout DeregisterInstanceInput) -> Void)] = [
            ("serviceId", { $0.serviceId = "srv-2" }), ("instanceId", { $0.instanceId = "i-2" }),
        ]
        return Case(
            DeregisterInstanceInput(serviceId: "srv-1", instanceId: "i-1"), { .cloudMap(.deregisterInstance($0)) },
            changes)
    }()

    static let getOperation: Case = {
        let changes: [(String, (inout GetOperationInput) -> Void)] = [
            ("operationId", { $0.operationId = "op-2" }), ("ownerAccount", { $0.ownerAccount = nil }),
        ]
        return Case(
            GetOperationInput(operationId: "op-1", ownerAccount: "123456789012"), { .cloudMap(.getOperation($0)) },
            changes)
    }()

    static let listOperations: Case = {
        let changes: [(String, (inout ListOperationsInput) -> Void)] = [
            ("nextToken", { $0.nextToken = "m" }), ("maxResults", { $0.maxResults = nil }),
            ("filters", { $0.filters = [] }), ("filters.name", { $0.filters?[0].name = "TYPE" }),
            ("filters.values", { $0.filters?[0].values = ["PENDING"] }),
            ("filters.condition", { $0.filters?[0].condition = "EQ" }),
        ]
        return Case(
            ListOperationsInput(
                nextToken: "n", maxResults: 10,
                filters: [CloudMap.OperationFilter(name: "STATUS", values: ["PENDING", "SUCCESS"], condition: "IN")]),
            { .cloudMap(.listOperations($0)) }, changes)
    }()

    static let getInstance: Case = {
        let changes: [(String, (inout GetInstanceInput) -> Void)] = [
            ("serviceId", { $0.serviceId = "srv-2" }), ("instanceId", { $0.instanceId = "i-2" }),
        ]
        return Case(GetInstanceInput(serviceId: "srv-1", instanceId: "i-1"), { .cloudMap(.getInstance($0)) }, changes)
    }()

    static let listInstances: Case = {
        let changes: [(String, (inout ListInstancesInput) -> Void)] = [
            ("serviceId", { $0.serviceId = "srv-2" }), ("nextToken", { $0.nextToken = nil }),
            ("maxResults", { $0.maxResults = 100 }),
        ]
        return Case(
            ListInstancesInput(serviceId: "srv-1", nextToken: "n", maxResults: 10), { .cloudMap(.listInstances($0)) },
            changes)
    }()

    static let createHttpNamespace: Case = {
        let changes: [(String, (inout CreateHttpNamespaceInput) -> Void)] = [
            ("name", { $0.name = "ns2" }), ("description", { $0.description = nil }),
            ("tags", { $0.tags = nil }), ("tags.key", { $0.tags?[0].key = "k2" }),
            ("tags.value", { $0.tags?[0].value = "" }),
        ]
        return Case(
            CreateHttpNamespaceInput(
                name: "ns", creatorRequestId: "token", description: "d", tags: [CloudMap.Tag(key: "k", value: "v")]),
            { .cloudMap(.createHttpNamespace($0)) }, changes)
    }()

    static let getNamespace: Case = {
        let changes: [(String, (inout GetNamespaceInput) -> Void)] = [("id", { $0.id = "ns-2" })]
        return Case(GetNamespaceInput(id: "ns-1"), { .cloudMap(.getNamespace($0)) }, changes)
    }()

    static let createService: Case = {
        let changes: [(String, (inout CreateServiceInput) -> Void)] = [
            ("name", { $0.name = "web" }), ("namespaceId", { $0.namespaceId = "ns-2" }),
            ("description", { $0.description = "e" }), ("dnsConfig", { $0.dnsConfig = nil }),
            ("dnsConfig.namespaceId", { $0.dnsConfig?.namespaceId = nil }),
            ("dnsConfig.routingPolicy", { $0.dnsConfig?.routingPolicy = "WEIGHTED" }),
            ("dnsConfig.dnsRecords", { $0.dnsConfig?.dnsRecords = [] }),
            ("dnsConfig.dnsRecords.type", { $0.dnsConfig?.dnsRecords[0].type = "AAAA" }),
            ("dnsConfig.dnsRecords.ttl", { $0.dnsConfig?.dnsRecords[0].ttl = 61 }),
            ("healthCheckConfig.type", { $0.healthCheckConfig?.type = "TCP" }),
            ("healthCheckConfig.resourcePath", { $0.healthCheckConfig?.resourcePath = "/h" }),
            ("healthCheckConfig.failureThreshold", { $0.healthCheckConfig?.failureThreshold = 4 }),
            ("healthCheckCustomConfig", { $0.healthCheckCustomConfig = nil }),
            ("healthCheckCustomConfig.failureThreshold", { $0.healthCheckCustomConfig?.failureThreshold = 2 }),
            ("tags", { $0.tags = [] }), ("tags.key", { $0.tags?[0].key = "j" }),
            ("tags.value", { $0.tags?[0].value = "w" }), ("type", { $0.type = nil }),
        ]
        return Case(
            CreateServiceInput(
                name: "api", namespaceId: "ns-1", creatorRequestId: "token", description: "d",
                dnsConfig: CloudMap.DnsConfig(
                    namespaceId: "ns-1", routingPolicy: "MULTIVALUE",
                    dnsRecords: [CloudMap.DnsRecord(type: "A", ttl: 60)]),
                healthCheckConfig: CloudMap.HealthCheckConfig(type: "HTTP", resourcePath: "/", failureThreshold: 3),
                healthCheckCustomConfig: CloudMap.HealthCheckCustomConfig(failureThreshold: 1),
                tags: [CloudMap.Tag(key: "k", value: "v")], type: "HTTP"), { .cloudMap(.createService($0)) }, changes)
    }()

    static let getService: Case = {
        let changes: [(String, (inout GetServiceInput) -> Void)] = [("id", { $0.id = "srv-2" })]
        return Case(GetServiceInput(id: "srv-1"), { .cloudMap(.getService($0)) }, changes)
    }()

    static let cloudMapCases: [Case] = [
        registerInstance, deregisterInstance, getOperation, listOperations, getInstance, listInstances,
        createHttpNamespace, getNamespace, createService, getService,
    ]

    static let batchGetDeploymentTargets: Case = {
        let changes: [(String, (inout BatchGetDeploymentTargetsInput) -> Void)] = [
            ("deploymentId", { $0.deploymentId = "d-2" }), ("targetIds", { $0.targetIds?.reverse() }),
            ("targetIds nil", { $0.targetIds = nil }), ("targetIds empty", { $0.targetIds = [] }),
        ]
        return Case(
            BatchGetDeploymentTargetsInput(deploymentId: "d-1", targetIds: ["i-1", "i-2"]),
            { .codeDeploy(.batchGetDeploymentTargets($0)) }, changes)
    }()

    static let listDeployments: Case = {
        let changes: [(String, (inout ListDeploymentsInput) -> Void)] = [
            ("applicationName", { $0.applicationName = "app2" }),
            ("deploymentGroupName", { $0.deploymentGroupName = nil }), ("nextToken", { $0.nextToken = "m" }),
        ]
        return Case(
            ListDeploymentsInput(applicationName: "app", deploymentGroupName: "dg", nextToken: "n"),
            { .codeDeploy(.listDeployments($0)) }, changes)
    }()

    static let listDeploymentTargets: Case = {
        let changes: [(String, (inout ListDeploymentTargetsInput) -> Void)] = [
            ("deploymentId", { $0.deploymentId = nil }), ("nextToken", { $0.nextToken = "m" }),
            ("targetFilters", { $0.targetFilters?["TargetStatus"] = ["Failed"] }),
            ("targetFilters key", { $0.targetFilters = ["ServerInstanceLabel": ["Failed", "Ready"]] }),
        ]
        return Case(
            ListDeploymentTargetsInput(
                deploymentId: "d-1", nextToken: "n", targetFilters: ["TargetStatus": ["Failed", "Ready"]]),
            { .codeDeploy(.listDeploymentTargets($0)) }, changes)
    }()

    static let getDeploymentTarget: Case = {
        let changes: [(String, (inout GetDeploymentTargetInput) -> Void)] = [
            ("deploymentId", { $0.deploymentId = "d-2" }), ("targetId", { $0.targetId = "i-2" }),
        ]
        return Case(
            GetDeploymentTargetInput(deploymentId: "d-1", targetId: "i-1"), { .codeDeploy(.getDeploymentTarget($0)) },
            changes)
    }()

    static let getDeployment: Case = {
        let changes: [(String, (inout GetDeploymentInput) -> Void)] = [("deploymentId", { $0.deploymentId = nil })]
        return Case(GetDeploymentInput(deploymentId: "d-1"), { .codeDeploy(.getDeployment($0)) }, changes)
    }()

    static let codeDeployCases: [Case] = [
        batchGetDeploymentTargets, listDeployments, listDeploymentTargets, getDeploymentTarget, getDeployment,
    ]

    static let cases = latticeCases + cloudMapCases + codeDeployCases

    /// The idempotency tokens, which the digest leaves out.
    static let tokenMembers: Set<String> = ["clientToken", "creatorRequestId"]

    @Test func everyOperationIsCovered() {
        #expect(Set(Self.cases.map(\.name)).count == 21)
    }

    @Test(arguments: cases)
    func everyMemberChangesTheDigest(_ operation: Case) {
        let full = operation.full.parameterDigest
        var seen = [full: "full"]
        for (path, request) in operation.changes {
            let digest = request.parameterDigest
            #expect(seen[digest] == nil, "\(operation.name): \(path) gives the digest of \(seen[digest] ?? "")")
            seen[digest] = path
        }
        let members = Self.memberPaths(of: operation.input).subtracting(Self.tokenMembers)
        let changed = Set(operation.changes.map(\.path))
        #expect(members.subtracting(changed).isEmpty, "\(operation.name): no change tested for these members")
    }

    @Test(arguments: cases)
    func equalParametersGiveEqualDigestsWhateverTheToken(_ operation: Case) {
        let request = operation.full
        #expect(request.parameterDigest == request.parameterDigest)
        #expect(request.withIdempotencyToken("a").parameterDigest == request.withIdempotencyToken(nil).parameterDigest)
        #expect(request.withIdempotencyToken("b").parameterDigest == request.parameterDigest)
        #expect(request.parameterDigest.utf8.count == 16)
    }

    /// Maps built in different orders (and capacities) iterate differently but digest the same. The keys include
    /// prefixes of each other, the empty key and non-ASCII ones.
    @Test func mapOrderDoesNotMatter() throws {
        let keys = (0..<40).map { "key\($0)" } + ["", "k", "ke", "é", "e", "ée", "Z", "z\u{301}"]
        var forward: [String: String] = [:]
        for key in keys { forward[key] = key.uppercased() }
        var backward: [String: String] = [:]
        backward.reserveCapacity(1_000)
        for key in keys.reversed() { backward[key] = key.uppercased() }
        try #require(Array(forward.keys) != Array(backward.keys))
        let first = AWSRequest.cloudMap(
            .registerInstance(
                RegisterInstanceInput(
                    serviceId: "s", instanceId: "i", attributes: forward)))
        let second = AWSRequest.cloudMap(
            .registerInstance(
                RegisterInstanceInput(
                    serviceId: "s", instanceId: "i", attributes: backward)))
        #expect(first.parameterDigest == second.parameterDigest)
        let filters = AWSRequest.codeDeploy(
            .listDeploymentTargets(
                ListDeploymentTargetsInput(
                    deploymentId: "d", targetFilters: forward.mapValues { [$0] })))
        let reordered = AWSRequest.codeDeploy(
            .listDeploymentTargets(
                ListDeploymentTargetsInput(
                    deploymentId: "d", targetFilters: backward.mapValues { [$0] })))
        #expect(filters.parameterDigest == reordered.parameterDigest)
    }

    /// Values that would run together without length prefixes, counts and nil-skipping stay apart.
    @Test func boundariesBetweenValuesAreKept() {
        func list(_ input: ListDeploymentsInput) -> String {
            AWSRequest.codeDeploy(.listDeployments(input)).parameterDigest
        }
        #expect(
            list(ListDeploymentsInput(applicationName: "a\u{1F}nextToken\u{1F}b"))
                != list(ListDeploymentsInput(applicationName: "a", nextToken: "b")))
        #expect(list(ListDeploymentsInput(applicationName: "")) != list(ListDeploymentsInput()))
        #expect(
            list(ListDeploymentsInput(applicationName: "ab")) != list(ListDeploymentsInput(deploymentGroupName: "ab")))
        func register(_ attributes: [String: String]) -> String {
            AWSRequest.cloudMap(
                .registerInstance(
                    RegisterInstanceInput(
                        serviceId: "s", instanceId: "i", attributes: attributes))
            ).parameterDigest
        }
        #expect(register(["a": "b"]) != register(["ab": ""]))
        #expect(register(["a": "b", "c": "d"]) != register(["a": "bc", "": "d"]))
        func batch(_ ids: [String]?) -> String {
            AWSRequest.codeDeploy(
                .batchGetDeploymentTargets(
                    BatchGetDeploymentTargetsInput(
                        deploymentId: "d", targetIds: ids))
            ).parameterDigest
        }
        #expect(batch(["a", "b"]) != batch(["ab"]))
        #expect(batch([""]) != batch([]))
        #expect(batch([]) != batch(nil))
    }

    /// The digest is the same in every run and on every machine (unlike `Hasher`), so a seeded run's history is the
    /// same byte for byte. (The value is ``WordStreamDigest``'s.)
    @Test func digestIsStableAcrossRuns() {
        let request = AWSRequest.lattice(
            .registerTargets(
                RegisterTargetsInput(
                    targetGroupIdentifier: "tg-1", targets: Self.targets)))
        #expect(request.parameterDigest == "f20b78b712452efc")
    }

    // MARK: - Reflection

    /// The dotted paths of the leaf members of `value`: nested shapes (and the elements of arrays of them) are
    /// descended into; strings, numbers, string arrays and maps are leaves.
    static func memberPaths(of value: Any, prefix: String = "") -> Set<String> {
        var paths = Set<String>()
        for child in Mirror(reflecting: value).children {
            guard let label = child.label else { continue }
            let path = prefix.isEmpty ? label : prefix + "." + label
            let element = unwrapped(child.value).flatMap { ($0 as? [Any])?.first ?? $0 }
            if let element, element is any ParameterDigestible {
                paths.formUnion(memberPaths(of: element, prefix: path))
            } else {
                paths.insert(path)
            }
        }
        return paths
    }

    static func unwrapped(_ value: Any) -> Any? {
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return value }
        return mirror.children.first?.value
    }
}
