import AWSModel
import BenchCore

extension CloudMapState {
    /// `CreateHttpNamespace`. Idempotent by `CreatorRequestId` (same parameters: the first operation id; other
    /// parameters: `InvalidInput`); a name taken by another token is `NamespaceAlreadyExists` with the existing
    /// namespace's `CreatorRequestId` and `NamespaceId`. The namespace exists from submission so that setup can
    /// use it at once; its `CREATE_NAMESPACE` operation still reports SUBMITTED, PENDING, SUCCESS by time.
    mutating func createHttpNamespace(
        _ input: CreateHttpNamespaceInput, context: RequestContext
    ) throws(ServiceError) -> CreateHttpNamespaceOutput {
        try CloudMapValidation.httpNamespaceName(input.name)
        try CloudMapValidation.maxLength(input.creatorRequestId, 64, "CreatorRequestId")
        try CloudMapValidation.maxLength(input.description, 1_024, "Description")
        try CloudMapValidation.tags(input.tags)

        var digest = StableDigest()
        digest.combine("CreateHttpNamespace")
        digest.combine(input.name)
        digest.combine(input.description ?? "")
        Self.combine(input.tags, into: &digest)
        let token = token(input.creatorRequestId)
        if let use = try Self.replay(of: token, digest: digest.hex, in: namespaceTokens),
            let operationId = use.operationId
        {
            return CreateHttpNamespaceOutput(operationId: operationId)
        }
        if let existingId = namespaceIdsByName[input.name], let existing = namespaces[existingId] {
            throw .namespaceAlreadyExists(
                name: input.name, creatorRequestId: existing.creatorRequestId, namespaceId: existingId)
        }

        let now = clock.now
        let id = ids.id("ns-", 16)
        namespaces[id] = CloudMap.Namespace(
            id: id, arn: arn("namespace", id), resourceOwner: configuration.account, name: input.name,
            type: CloudMap.ResourceKind.http, description: input.description, serviceCount: 0,
            properties: CloudMap.NamespaceProperties(httpProperties: CloudMap.HttpProperties(httpName: input.name)),
            createDate: date(now), creatorRequestId: token)
        namespaceIdsByName[input.name] = id
        ledger.appendCloudMap(
            .created, "CreateHttpNamespace", "Namespace", id, parentId: nil, token: token, digest: digest.hex,
            context: context, at: now)
        let operationId = submitOperation(
            type: CloudMap.OperationType.createNamespace, apiOperation: "CreateHttpNamespace",
            targets: .init(namespace: id), parentId: id, token: token, digest: digest.hex,
            context: context, now: now
        ).id
        namespaceTokens[token] = TokenUse(parameterDigest: digest.hex, operationId: operationId, resourceId: id)
        return CreateHttpNamespaceOutput(operationId: operationId)
    }

    /// `CreateService`, synchronous. Idempotent by `CreatorRequestId` (same parameters: the same service;
    /// other parameters: `InvalidInput`); a name taken in the namespace by another token is
    /// `ServiceAlreadyExists` with the existing service's `CreatorRequestId`, `ServiceId` and `ServiceArn`.
    /// `DnsConfig` and `HealthCheckConfig` (Route 53 features) are refused: every emulated namespace is HTTP.
    mutating func createService(
        _ input: CreateServiceInput, context: RequestContext
    ) throws(ServiceError) -> CreateServiceOutput {
        try CloudMapValidation.serviceName(input.name)
        guard let namespaceReference = input.namespaceId ?? input.dnsConfig?.namespaceId else {
            throw .invalidInput("NamespaceId is required")
        }
        let reference = try CloudMapIdentifier(namespaceReference, kind: .namespace, field: "NamespaceId")
        try CloudMapValidation.maxLength(input.creatorRequestId, 64, "CreatorRequestId")
        try CloudMapValidation.maxLength(input.description, 1_024, "Description")
        try CloudMapValidation.tags(input.tags)
        try CloudMapValidation.oneOf(input.type, [CloudMap.ResourceKind.http], "Type")
        try CloudMapValidation.range(
            input.healthCheckCustomConfig?.failureThreshold, 1...10, "HealthCheckCustomConfig.FailureThreshold")
        var namespace = try lookUpNamespace(reference, reference: namespaceReference)
        if input.dnsConfig != nil || input.healthCheckConfig != nil {
            throw .invalidInput(
                "DnsConfig and HealthCheckConfig are not allowed for a service in HTTP namespace \(namespace.id)")
        }

        var digest = StableDigest()
        digest.combine("CreateService")
        digest.combine(input.name)
        digest.combine(namespace.id)
        digest.combine(input.description ?? "")
        digest.combine(input.type ?? "")
        digest.combine(input.healthCheckCustomConfig.map { String($0.failureThreshold ?? 1) } ?? "")
        Self.combine(input.tags, into: &digest)
        let token = token(input.creatorRequestId)
        if let use = try Self.replay(of: token, digest: digest.hex, in: serviceTokens),
            let existing = use.resourceId.flatMap({ services[$0] })
        {
            return CreateServiceOutput(service: existing.service)
        }
        if let existingId = serviceIdsByName[namespace.id]?[input.name], let existing = services[existingId] {
            throw .serviceAlreadyExists(
                name: input.name, creatorRequestId: existing.service.creatorRequestId, serviceId: existingId,
                serviceArn: existing.service.arn)
        }

        let now = clock.now
        let id = ids.id("srv-", 16)
        let service = CloudMap.Service(
            id: id, arn: arn("service", id), resourceOwner: configuration.account, name: input.name,
            namespaceId: namespace.id, description: input.description, instanceCount: 0,
            type: input.type ?? CloudMap.ResourceKind.http, healthCheckCustomConfig: input.healthCheckCustomConfig,
            createDate: date(now), creatorRequestId: token, createdByAccount: configuration.account)
        services[id] = ServiceRecord(service: service, namespaceType: namespace.type)
        serviceIdsByName[namespace.id, default: [:]][input.name] = id
        namespace.serviceCount = (namespace.serviceCount ?? 0) + 1
        namespaces[namespace.id] = namespace
        serviceTokens[token] = TokenUse(parameterDigest: digest.hex, resourceId: id)
        ledger.appendCloudMap(
            .created, "CreateService", "Service", id, parentId: namespace.id, token: token, digest: digest.hex,
            context: context, at: now)
        return CreateServiceOutput(service: service)
    }

    /// `GetService`, by id or ARN.
    func getService(_ input: GetServiceInput) throws(ServiceError) -> GetServiceOutput {
        let reference = try CloudMapIdentifier(input.id, kind: .service, field: "Id")
        return GetServiceOutput(service: try lookUpService(reference, reference: input.id).service)
    }

    /// `GetNamespace`, by id or ARN.
    func getNamespace(_ input: GetNamespaceInput) throws(ServiceError) -> GetNamespaceOutput {
        let reference = try CloudMapIdentifier(input.id, kind: .namespace, field: "Id")
        return GetNamespaceOutput(namespace: try lookUpNamespace(reference, reference: input.id))
    }

    private static func combine(_ tags: [CloudMap.Tag]?, into digest: inout StableDigest) {
        digest.combine(tags?.count ?? -1)
        for tag in tags ?? [] {
            digest.combine(tag.key)
            digest.combine(tag.value)
        }
    }
}
