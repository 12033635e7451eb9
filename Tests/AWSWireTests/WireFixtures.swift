import AWSModel
import AWSWire
import BenchCore
import Foundation

/// One exchange per operation: a request with most members set and an answer with every kind of member
/// (nested structures, maps, lists, timestamps with milliseconds).
enum WireFixtures {
    static let targetGroupId = "tg-0123456789abcdefg"
    static let targetGroupArn = "arn:aws:vpc-lattice:us-east-1:123456789012:targetgroup/tg-0123456789abcdefg"

    /// A date with whole milliseconds, built the way the codec builds them.
    static func date(_ milliseconds: Int64) -> Date { Date(timeIntervalSince1970: Double(milliseconds) / 1000) }

    static let config = TargetGroupConfig(
        port: 80, protocol: "HTTP", protocolVersion: "HTTP1", ipAddressType: "IPV4",
        vpcIdentifier: "vpc-0123456789abcdef0",
        healthCheck: HealthCheckConfig(
            enabled: true, protocol: "HTTP", protocolVersion: "HTTP1", port: 8080, path: "/health",
            healthCheckIntervalSeconds: 30, healthCheckTimeoutSeconds: 5, healthyThresholdCount: 3,
            unhealthyThresholdCount: 2, matcher: Matcher(httpCode: "200-299")))

    static let targets = (1...25).map { Target(id: "10.0.0.\($0)", port: $0.isMultiple(of: 2) ? 8080 : nil) }

    static let instanceTarget = InstanceTarget(
        deploymentId: "d-ABCDEF123", targetId: "i-0123456789abcdef0",
        targetArn: "arn:aws:ec2:us-east-1:123456789012:instance/i-0123456789abcdef0", status: "Succeeded",
        lastUpdatedAt: date(1_736_944_496_789),
        lifecycleEvents: [
            LifecycleEvent(
                lifecycleEventName: "BeforeInstall",
                diagnostics: Diagnostics(errorCode: "Success", scriptName: "s.sh", message: "ok", logTail: "é\n"),
                startTime: date(1_736_944_400_001), endTime: date(1_736_944_401_000), status: "Succeeded")
        ],
        instanceLabel: "Blue")

    static let exchanges: [(request: AWSRequest, response: AWSResponse)] = [
        (
            .lattice(
                .createTargetGroup(
                    CreateTargetGroupInput(
                        name: "my-tg", type: "IP", config: config, clientToken: "tok-1",
                        tags: ["env": "test", "b": "2", "A": "ü"]))),
            .lattice(
                .createTargetGroup(
                    CreateTargetGroupOutput(
                        id: targetGroupId, arn: targetGroupArn, name: "my-tg", type: "IP", config: config,
                        status: "ACTIVE")))
        ),
        (
            .lattice(.registerTargets(RegisterTargetsInput(targetGroupIdentifier: targetGroupArn, targets: targets))),
            .lattice(
                .registerTargets(
                    RegisterTargetsOutput(
                        successful: Array(targets.prefix(24)),
                        unsuccessful: [
                            TargetFailure(id: "10.0.0.25", port: 80, failureCode: "X", failureMessage: "quota")
                        ])))
        ),
        (
            .lattice(
                .deregisterTargets(
                    DeregisterTargetsInput(targetGroupIdentifier: targetGroupId, targets: [Target(id: "i-1")]))),
            .lattice(.deregisterTargets(DeregisterTargetsOutput(successful: [Target(id: "i-1")], unsuccessful: [])))
        ),
        (
            .lattice(.getTargetGroup(GetTargetGroupInput(targetGroupIdentifier: targetGroupArn))),
            .lattice(
                .getTargetGroup(
                    GetTargetGroupOutput(
                        id: targetGroupId, arn: targetGroupArn, name: "my-tg", type: "IP", config: config,
                        createdAt: date(1_736_944_496_789), lastUpdatedAt: date(1_736_944_497_000),
                        status: "ACTIVE", serviceArns: [], failureMessage: nil, failureCode: nil)))
        ),
        (
            .lattice(
                .listTargetGroups(
                    ListTargetGroupsInput(
                        maxResults: 10, nextToken: "a/b+c= é", vpcIdentifier: "vpc-0123456789abcdef0",
                        targetGroupType: "IP"))),
            .lattice(
                .listTargetGroups(
                    ListTargetGroupsOutput(
                        items: [
                            TargetGroupSummary(
                                id: targetGroupId, arn: targetGroupArn, name: "my-tg", type: "IP",
                                createdAt: date(-1_000), port: 80, protocol: "HTTP", ipAddressType: "IPV4",
                                vpcIdentifier: "vpc-0123456789abcdef0", lastUpdatedAt: date(253_402_300_799_999),
                                status: "ACTIVE", serviceArns: ["arn:aws:vpc-lattice:us-east-1:1:service/svc-1"])
                        ], nextToken: "next")))
        ),
        (
            .lattice(
                .listTargets(
                    ListTargetsInput(
                        targetGroupIdentifier: targetGroupId, maxResults: 5, nextToken: "t",
                        targets: [Target(id: "10.0.0.1", port: 80)]))),
            .lattice(
                .listTargets(
                    ListTargetsOutput(
                        items: [TargetSummary(id: "10.0.0.1", port: 80, status: "HEALTHY", reasonCode: "r")],
                        nextToken: nil)))
        ),
        (
            .cloudMap(
                .registerInstance(
                    RegisterInstanceInput(
                        serviceId: "srv-abcdefgh12345678", instanceId: "i-1", creatorRequestId: "req-1",
                        attributes: ["AWS_INSTANCE_IPV4": "10.0.0.1", "AWS_INSTANCE_PORT": "80", "color": "blue"]))),
            .cloudMap(.registerInstance(RegisterInstanceOutput(operationId: "op-1")))
        ),
        (
            .cloudMap(.deregisterInstance(DeregisterInstanceInput(serviceId: "srv-1", instanceId: "i-1"))),
            .cloudMap(.deregisterInstance(DeregisterInstanceOutput(operationId: "op-2")))
        ),
        (
            .cloudMap(.getOperation(GetOperationInput(operationId: "op-1", ownerAccount: "123456789012"))),
            .cloudMap(
                .getOperation(
                    GetOperationOutput(
                        operation: CloudMap.Operation(
                            id: "op-1", ownerAccount: "123456789012", type: "REGISTER_INSTANCE", status: "SUCCESS",
                            errorMessage: nil, errorCode: nil, createDate: date(1_516_925_490_087),
                            updateDate: date(1_516_925_491_000), targets: ["INSTANCE": "i-1", "SERVICE": "srv-1"]))))
        ),
        (
            .cloudMap(
                .listOperations(
                    ListOperationsInput(
                        nextToken: "n", maxResults: 100,
                        filters: [
                            CloudMap.OperationFilter(name: "STATUS", values: ["SUCCESS", "FAIL"], condition: "IN")
                        ]
                    ))),
            .cloudMap(
                .listOperations(
                    ListOperationsOutput(operations: [CloudMap.OperationSummary(id: "op-1", status: "SUCCESS")])))
        ),
        (
            .cloudMap(.getInstance(GetInstanceInput(serviceId: "srv-1", instanceId: "i-1"))),
            .cloudMap(
                .getInstance(
                    GetInstanceOutput(
                        resourceOwner: "123456789012",
                        instance: CloudMap.Instance(
                            id: "i-1", creatorRequestId: "req-1", attributes: ["a": "b"],
                            createdByAccount: "123456789012"))))
        ),
        (
            .cloudMap(.listInstances(ListInstancesInput(serviceId: "srv-1", nextToken: nil, maxResults: 100))),
            .cloudMap(
                .listInstances(
                    ListInstancesOutput(
                        resourceOwner: "123456789012",
                        instances: [CloudMap.InstanceSummary(id: "i-1", attributes: ["a": "b"])], nextToken: "x")))
        ),
        (
            .cloudMap(
                .createHttpNamespace(
                    CreateHttpNamespaceInput(
                        name: "loadtest.local", creatorRequestId: "ns-req-1", description: "d",
                        tags: [CloudMap.Tag(key: "k", value: "v")]))),
            .cloudMap(.createHttpNamespace(CreateHttpNamespaceOutput(operationId: "op-3")))
        ),
        (
            .cloudMap(.getNamespace(GetNamespaceInput(id: "ns-1"))),
            .cloudMap(
                .getNamespace(
                    GetNamespaceOutput(
                        namespace: CloudMap.Namespace(
                            id: "ns-1", arn: "arn:aws:servicediscovery:us-east-1:1:namespace/ns-1",
                            resourceOwner: "123456789012", name: "loadtest.local", type: "HTTP", description: "d",
                            serviceCount: 2,
                            properties: CloudMap.NamespaceProperties(
                                httpProperties: CloudMap.HttpProperties(httpName: "loadtest.local")),
                            createDate: date(1_700_000_000_000), creatorRequestId: "ns-req-1"))))
        ),
        (
            .cloudMap(
                .createService(
                    CreateServiceInput(
                        name: "svc", namespaceId: "ns-abc", creatorRequestId: "svc-req-1", description: nil,
                        dnsConfig: CloudMap.DnsConfig(
                            routingPolicy: "MULTIVALUE", dnsRecords: [CloudMap.DnsRecord(type: "A", ttl: 60)]),
                        healthCheckConfig: nil,
                        healthCheckCustomConfig: CloudMap.HealthCheckCustomConfig(failureThreshold: 1),
                        tags: nil, type: "HTTP"))),
            .cloudMap(.createService(CreateServiceOutput(service: service)))
        ),
        (
            .cloudMap(.getService(GetServiceInput(id: "srv-1"))),
            .cloudMap(.getService(GetServiceOutput(service: service)))
        ),
        (
            .codeDeploy(
                .batchGetDeploymentTargets(
                    BatchGetDeploymentTargetsInput(
                        deploymentId: "d-ABCDEF123", targetIds: ["i-0123456789abcdef0", "i-0fedcba9876543210"]))),
            .codeDeploy(
                .batchGetDeploymentTargets(
                    BatchGetDeploymentTargetsOutput(
                        deploymentTargets: [
                            .instance(instanceTarget),
                            .lambda(
                                LambdaTarget(
                                    deploymentId: "d-1", targetId: "fn", status: "Ready",
                                    lambdaFunctionInfo: LambdaFunctionInfo(
                                        functionName: "fn", functionAlias: "live", currentVersion: "1",
                                        targetVersion: "2", targetVersionWeight: 0.25))),
                            .ecs(
                                ECSTarget(
                                    deploymentId: "d-1", targetId: "c:s",
                                    taskSetsInfo: [
                                        ECSTaskSet(
                                            identifer: "ts-1", desiredCount: 2, trafficWeight: 100.0,
                                            targetGroup: TargetGroupInfo(name: "tg"), taskSetLabel: "Blue")
                                    ])),
                            .cloudFormation(
                                CloudFormationTarget(
                                    deploymentId: "d-1", targetId: "arn:aws:cloudformation:us-east-1:1:stack/a/b",
                                    resourceType: "AWS::ECS::Service", targetVersionWeight: 12.5)),
                        ])))
        ),
        (
            .codeDeploy(.listDeployments(ListDeploymentsInput(applicationName: "app", deploymentGroupName: "dg"))),
            .codeDeploy(.listDeployments(ListDeploymentsOutput(deployments: ["d-1"], nextToken: "n")))
        ),
        (
            .codeDeploy(
                .listDeploymentTargets(
                    ListDeploymentTargetsInput(deploymentId: "d-1", targetFilters: ["TargetStatus": ["Failed"]]))),
            .codeDeploy(.listDeploymentTargets(ListDeploymentTargetsOutput(targetIds: ["i-1"], nextToken: nil)))
        ),
        (
            .codeDeploy(.getDeploymentTarget(GetDeploymentTargetInput(deploymentId: "d-1", targetId: "i-1"))),
            .codeDeploy(.getDeploymentTarget(GetDeploymentTargetOutput(deploymentTarget: .instance(instanceTarget))))
        ),
        (
            .codeDeploy(.getDeployment(GetDeploymentInput(deploymentId: "d-1"))),
            .codeDeploy(
                .getDeployment(
                    GetDeploymentOutput(
                        deploymentInfo: DeploymentInfo(
                            deploymentId: "d-1", applicationName: "app", deploymentGroupName: "dg",
                            status: "Succeeded", computePlatform: "Server", createTime: date(1_516_925_490_087),
                            deploymentOverview: DeploymentOverview(pending: 0, inProgress: 1, succeeded: 2)))))
        ),
    ]

    static let service = CloudMap.Service(
        id: "srv-1", arn: "arn:aws:servicediscovery:us-east-1:1:service/srv-1", resourceOwner: "123456789012",
        name: "svc", namespaceId: "ns-abc", description: "d", instanceCount: 3,
        dnsConfig: CloudMap.DnsConfig(dnsRecords: [CloudMap.DnsRecord(type: "SRV", ttl: 2_147_483_647)]),
        type: "HTTP",
        healthCheckConfig: CloudMap.HealthCheckConfig(type: "HTTP", resourcePath: "/", failureThreshold: 3),
        healthCheckCustomConfig: nil, createDate: date(1_700_000_000_123), creatorRequestId: "svc-req-1",
        createdByAccount: "123456789012")

    /// Every modeled error constructor, with fields.
    static let errors: [(service: AWSService, error: ServiceError)] =
        [
            (.vpcLattice, .latticeValidation("bad", fields: [("name", "Invalid name"), ("type", "Invalid type")])),
            (.vpcLattice, .latticeValidation("unknown", reason: "unknownOperation")),
            (.vpcLattice, .latticeAccessDenied()),
            (.vpcLattice, .latticeNotFound("gone", resourceId: targetGroupId, resourceType: "TARGET_GROUP")),
            (.vpcLattice, .latticeConflict("clash", resourceId: targetGroupId, resourceType: "TARGET_GROUP")),
            (.vpcLattice, .latticeQuotaExceeded("quota", resourceId: "r", resourceType: "TARGET", quotaCode: "L-1")),
            (.vpcLattice, .latticeThrottling(retryAfterSeconds: 3, serviceCode: "vpc-lattice", quotaCode: "L-2")),
            (.vpcLattice, .latticeThrottling()),
            (.vpcLattice, .latticeInternal(retryAfterSeconds: 2)),
            (.cloudMap, .duplicateRequest(duplicateOperationId: "op-abc")),
            (.cloudMap, .invalidInput("Attributes too long")),
            (.cloudMap, .resourceInUse("in use")),
            (.cloudMap, .resourceLimitExceeded("limit")),
            (.cloudMap, .serviceNotFound("srv-1")),
            (.cloudMap, .operationNotFound("op-1")),
            (.cloudMap, .instanceNotFound("i-1", serviceId: "srv-1")),
            (.cloudMap, .namespaceNotFound("ns-1")),
            (.cloudMap, .namespaceAlreadyExists(name: "n", creatorRequestId: "c", namespaceId: "ns-1")),
            (.cloudMap, .serviceAlreadyExists(name: "s", creatorRequestId: nil, serviceId: "srv-1", serviceArn: "arn")),
            (.cloudMap, .requestLimitExceeded()),
            (.cloudMap, .unknownOperation("nope")),
            (.codeDeploy, .unknownOperation("nope")),
            (.codeDeploy, .serialization("bad json")),
            (.codeDeploy, .missingMember("deploymentId")),
        ] + CodeDeployErrorCode.allCases.map { (.codeDeploy, .codeDeploy($0, "message for \($0.rawValue)")) }
}
