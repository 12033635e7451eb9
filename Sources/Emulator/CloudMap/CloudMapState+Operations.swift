import AWSModel
import BenchCore

extension CloudMapState {
    /// `GetOperation`: the operation with its status at the current clock reading.
    func getOperation(_ input: GetOperationInput) throws(ServiceError) -> GetOperationOutput {
        try CloudMapValidation.required(input.operationId, "OperationId")
        try CloudMapValidation.maxLength(input.operationId, 255, "OperationId")
        if let owner = input.ownerAccount, owner.utf8.count != 12 {
            throw .invalidInput("OwnerAccount must have length 12 (got \(owner.unicodeScalars.count))")
        }
        guard let record = operation(input.operationId),
            input.ownerAccount.map({ $0 == configuration.account }) ?? true
        else { throw .operationNotFound(input.operationId) }
        let now = clock.now
        return GetOperationOutput(
            operation: CloudMap.Operation(
                id: record.id, ownerAccount: configuration.account, type: record.type, status: record.status(at: now),
                createDate: date(record.submittedAt), updateDate: date(record.statusChangedAt(at: now)),
                targets: record.targets.dictionary))
    }

    /// `ListOperations`, in submission order. Filters `SERVICE_ID`, `NAMESPACE_ID`, `STATUS` and `TYPE` with
    /// `EQ` (one value, the default) or `IN`; `UPDATE_DATE` and the other conditions are refused with
    /// `InvalidInput`. The token is the index to resume scanning at, so pages stay consistent while statuses
    /// change.
    /// - Complexity: O(operations scanned).
    func listOperations(_ input: ListOperationsInput) throws(ServiceError) -> ListOperationsOutput {
        let pageSize = try CloudMapValidation.page(
            nextToken: input.nextToken, maxResults: input.maxResults, defaultSize: configuration.defaultPageSize)
        let filters = input.filters ?? []
        for (index, filter) in filters.enumerated() { try Self.validate(filter, field: "Filters[\(index)]") }
        var index = 0
        if let key = try CloudMapPageToken.decode(input.nextToken) {
            guard let resume = Int(key), (0...operations.count).contains(resume) else {
                throw .invalidInput("NextToken is not a token this service returned")
            }
            index = resume
        }
        let now = clock.now
        var page: [CloudMap.OperationSummary] = []
        var nextToken: String?
        while index < operations.count {
            defer { index += 1 }
            let record = operations[index]
            guard filters.allSatisfy({ Self.matches(record, $0, now: now) }) else { continue }
            if page.count == pageSize {
                nextToken = CloudMapPageToken.encode(String(index))
                break
            }
            page.append(CloudMap.OperationSummary(id: record.id, status: record.status(at: now)))
        }
        return ListOperationsOutput(operations: page, nextToken: nextToken)
    }

    private static let statuses = [
        CloudMap.OperationStatus.submitted, CloudMap.OperationStatus.pending, CloudMap.OperationStatus.success,
        CloudMap.OperationStatus.fail,
    ]
    private static let types = [
        CloudMap.OperationType.createNamespace, CloudMap.OperationType.deleteNamespace,
        CloudMap.OperationType.updateNamespace, CloudMap.OperationType.updateService,
        CloudMap.OperationType.registerInstance, CloudMap.OperationType.deregisterInstance,
    ]

    private static func validate(_ filter: CloudMap.OperationFilter, field: String) throws(ServiceError) {
        let names = CloudMap.OperationFilterName.self
        try CloudMapValidation.oneOf(
            filter.name, [names.serviceId, names.namespaceId, names.status, names.type], "\(field).Name")
        try CloudMapValidation.oneOf(
            filter.condition, [CloudMap.FilterCondition.eq, CloudMap.FilterCondition.in], "\(field).Condition")
        if filter.condition == CloudMap.FilterCondition.in {
            if filter.values.isEmpty { throw .invalidInput("\(field).Values must have at least 1 item for IN") }
        } else if filter.values.count != 1 {
            throw .invalidInput("\(field).Values must have exactly 1 item for EQ (got \(filter.values.count))")
        }
        for (index, value) in filter.values.enumerated() {
            try CloudMapValidation.required(value, "\(field).Values[\(index)]")
            try CloudMapValidation.maxLength(value, 255, "\(field).Values[\(index)]")
            switch filter.name {
            case names.status: try CloudMapValidation.oneOf(value, statuses, "\(field).Values[\(index)]")
            case names.type: try CloudMapValidation.oneOf(value, types, "\(field).Values[\(index)]")
            default: break
            }
        }
    }

    private static func matches(
        _ record: CloudMapOperationRecord, _ filter: CloudMap.OperationFilter, now: Instant
    ) -> Bool {
        let actual: String? =
            switch filter.name {
            case CloudMap.OperationFilterName.serviceId: record.targets.service
            case CloudMap.OperationFilterName.namespaceId: record.targets.namespace
            case CloudMap.OperationFilterName.status: record.status(at: now)
            default: record.type
            }
        return actual.map(filter.values.contains) ?? false
    }
}
