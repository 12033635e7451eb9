import AWSModel
import BenchCore

extension CloudMapState {
    /// `RegisterInstance`. Checks, in order: fields, service, attributes, the token (a replay answers the
    /// first operation id and changes nothing), an operation in flight on the instance (`DuplicateRequest`),
    /// and the instance quota. The instance changes at submission; the operation then runs for the
    /// configured delay. Under the `ignoreCreatorRequestId` mutation a used token is not looked up, and its
    /// request is not refused as in flight either: it always submits a new operation.
    /// - Complexity: O(*k* log *k*) for *k* attributes.
    mutating func registerInstance(
        _ input: RegisterInstanceInput, context: RequestContext
    ) throws(ServiceError) -> RegisterInstanceOutput {
        let reference = try Self.instanceReference(service: input.serviceId, instance: input.instanceId)
        try CloudMapValidation.bytes(
            input.instanceId, "InstanceId", pattern: "^[0-9a-zA-Z_/:.@-]+$", CloudMapValidation.isInstanceIdByte)
        try CloudMapValidation.maxLength(input.creatorRequestId, 64, "CreatorRequestId")
        return try updatingService(reference, reference: input.serviceId) { state, service throws(ServiceError) in
            try state.registerInstance(input, in: &service, context: context)
        }
    }

    /// The service an instance request names, after the checks every one of them makes first, in this order:
    /// `ServiceId`'s form, then `InstanceId` present and at most 64 characters.
    private static func instanceReference(
        service serviceId: String, instance instanceId: String
    ) throws(ServiceError) -> CloudMapIdentifier {
        let reference = try CloudMapIdentifier(serviceId, kind: .service, field: "ServiceId")
        try CloudMapValidation.required(instanceId, "InstanceId")
        try CloudMapValidation.maxLength(instanceId, 64, "InstanceId")
        return reference
    }

    /// `RegisterInstance` in `service`, the fields checked.
    private mutating func registerInstance(
        _ input: RegisterInstanceInput, in service: inout ServiceRecord, context: RequestContext
    ) throws(ServiceError) -> RegisterInstanceOutput {
        let serviceId = service.service.id
        let namespaceType = service.namespaceType
        let instanceId = input.instanceId  // captured alone: capturing `input` copied the whole request
        let digestHex = try InstanceDigest.withSorted(input.attributes) {
            (attributes) throws(ServiceError) -> String in
            try CloudMapAttributeValidator.validate(attributes, namespaceType: namespaceType)
            return InstanceDigest.of(serviceId: serviceId, instanceId: instanceId, sortedAttributes: attributes)
        }
        let token = token(input.creatorRequestId)
        let ignoresToken = configuration.mutations.ignoreCreatorRequestId
        let previousUse = registerTokens[token]  // one lookup, for both questions below
        let isTokenRetry = previousUse != nil
        if !ignoresToken, let use = try Self.replay(previousUse, of: token, digest: digestHex),
            let operationId = use.operationId
        {
            return RegisterInstanceOutput(operationId: operationId)
        }
        let now = clock.now
        if !(ignoresToken && isTokenRetry) {
            try checkNothingInFlight(service, instanceId: input.instanceId, now: now)
        }
        let isNew = service.instances[input.instanceId] == nil
        if isNew, service.instances.count >= configuration.instancesPerServiceQuota {
            throw .resourceLimitExceeded(
                "Service \(serviceId) has reached its quota of \(configuration.instancesPerServiceQuota) instances")
        }

        service.instances[input.instanceId] = CloudMap.Instance(
            id: input.instanceId, creatorRequestId: token, attributes: input.attributes,
            createdByAccount: configuration.account)
        if isNew {
            service.sortedInstanceIds = nil
            service.service.instanceCount = service.instances.count
        }
        ledger.appendCloudMap(
            isNew ? .registered : .updated, "RegisterInstance", "Instance", input.instanceId, parentId: serviceId,
            token: token, digest: digestHex, context: context, at: now)
        let (operationId, position) = submitOperation(
            type: CloudMap.OperationType.registerInstance, apiOperation: "RegisterInstance",
            targets: .init(service: serviceId, instance: input.instanceId),
            parentId: serviceId, token: token, digest: digestHex, context: context, now: now)
        service.lastOperation[input.instanceId] = position
        registerTokens[token] = TokenUse(parameterDigest: digestHex, operationId: operationId)
        return RegisterInstanceOutput(operationId: operationId)
    }

    /// `DeregisterInstance`: no token; `DuplicateRequest` while an operation on the instance is in flight,
    /// `InstanceNotFound` when it is not registered. The instance disappears at submission.
    mutating func deregisterInstance(
        _ input: DeregisterInstanceInput, context: RequestContext
    ) throws(ServiceError) -> DeregisterInstanceOutput {
        let reference = try Self.instanceReference(service: input.serviceId, instance: input.instanceId)
        return try updatingService(reference, reference: input.serviceId) { state, service throws(ServiceError) in
            try state.deregisterInstance(input, in: &service, context: context)
        }
    }

    /// `DeregisterInstance` in `service`, the fields checked.
    private mutating func deregisterInstance(
        _ input: DeregisterInstanceInput, in service: inout ServiceRecord, context: RequestContext
    ) throws(ServiceError) -> DeregisterInstanceOutput {
        let serviceId = service.service.id
        let now = clock.now
        try checkNothingInFlight(service, instanceId: input.instanceId, now: now)
        guard service.instances.removeValue(forKey: input.instanceId) != nil else {
            throw .instanceNotFound(input.instanceId, serviceId: serviceId)
        }
        service.sortedInstanceIds = nil
        service.service.instanceCount = service.instances.count

        var digest = StableDigest()
        digest.combine("DeregisterInstance")
        digest.combine(serviceId)
        digest.combine(input.instanceId)
        let digestHex = digest.hex
        ledger.appendCloudMap(
            .deregistered, "DeregisterInstance", "Instance", input.instanceId, parentId: serviceId, token: nil,
            digest: digestHex, context: context, at: now)
        let (operationId, position) = submitOperation(
            type: CloudMap.OperationType.deregisterInstance, apiOperation: "DeregisterInstance",
            targets: .init(service: serviceId, instance: input.instanceId),
            parentId: serviceId, token: nil, digest: digestHex, context: context, now: now)
        service.lastOperation[input.instanceId] = position
        return DeregisterInstanceOutput(operationId: operationId)
    }

    /// `GetInstance`.
    func getInstance(_ input: GetInstanceInput) throws(ServiceError) -> GetInstanceOutput {
        let reference = try Self.instanceReference(service: input.serviceId, instance: input.instanceId)
        guard let instance = try lookUpService(reference, reference: input.serviceId).instances[input.instanceId] else {
            throw .instanceNotFound(input.instanceId, serviceId: reference.id)
        }
        return GetInstanceOutput(resourceOwner: configuration.account, instance: instance)
    }

    /// `ListInstances`, in ascending instance id order; the token resumes after the last id returned, so
    /// pages stay consistent while instances come and go.
    /// - Complexity: O(log *n* + page size), plus O(*n* log *n*) for the first listing after a change.
    mutating func listInstances(_ input: ListInstancesInput) throws(ServiceError) -> ListInstancesOutput {
        let reference = try CloudMapIdentifier(input.serviceId, kind: .service, field: "ServiceId")
        let pageSize = try CloudMapValidation.page(
            nextToken: input.nextToken, maxResults: input.maxResults, defaultSize: configuration.defaultPageSize)
        var service = try lookUpService(reference, reference: input.serviceId)
        let ids: [String]
        if let sorted = service.sortedInstanceIds {
            ids = sorted
        } else {
            ids = service.instances.keys.sorted()
            service.sortedInstanceIds = ids
            services[reference.id] = service
        }
        var start = 0
        if let after = try CloudMapPageToken.decode(input.nextToken) {
            start = Self.lowerBound(of: after, in: ids)
            if start < ids.count, ids[start] == after { start += 1 }
        }
        let end = min(start + pageSize, ids.count)
        let page = ids[start..<end].compactMap { id in
            service.instances[id].map {
                CloudMap.InstanceSummary(id: $0.id, attributes: $0.attributes, createdByAccount: $0.createdByAccount)
            }
        }
        let nextToken = end < ids.count ? CloudMapPageToken.encode(ids[end - 1]) : nil
        return ListInstancesOutput(resourceOwner: configuration.account, instances: page, nextToken: nextToken)
    }

    /// Throws `DuplicateRequest` naming the operation still in flight on `instanceId`, if any.
    private func checkNothingInFlight(
        _ service: ServiceRecord, instanceId: String, now: Instant
    ) throws(ServiceError) {
        if let position = service.lastOperation[instanceId], operations[position].isInFlight(at: now) {
            throw .duplicateRequest(duplicateOperationId: operations[position].id)
        }
    }

    /// The index of the first id not less than `id` in the ascending `ids`.
    /// - Complexity: O(log *n*).
    private static func lowerBound(of id: String, in ids: [String]) -> Int {
        var low = 0
        var high = ids.count
        while low < high {
            let mid = (low + high) / 2
            if ids[mid] < id { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
