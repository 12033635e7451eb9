import BenchCore

/// The Cloud Map error codes (the error shape names, `wire.md` §2.1).
public enum CloudMapErrorCode {
    public static let duplicateRequest = "DuplicateRequest"
    public static let invalidInput = "InvalidInput"
    public static let resourceInUse = "ResourceInUse"
    public static let resourceLimitExceeded = "ResourceLimitExceeded"
    public static let serviceNotFound = "ServiceNotFound"
    public static let operationNotFound = "OperationNotFound"
    public static let instanceNotFound = "InstanceNotFound"
    public static let namespaceNotFound = "NamespaceNotFound"
    public static let namespaceAlreadyExists = "NamespaceAlreadyExists"
    public static let serviceAlreadyExists = "ServiceAlreadyExists"
    public static let requestLimitExceeded = "RequestLimitExceeded"
}

/// The modeled Cloud Map errors.
///
/// Cloud Map speaks awsJson1_1 and its model gives no HTTP status, so every one of these client errors is
/// answered with 400 (the awsJson1_1 convention). Modeled members besides `Message` are keyed by their
/// PascalCase wire names.
extension ServiceError {
    /// A Cloud Map client error: HTTP 400 with `code`.
    private static func cloudMap(_ code: String, _ message: String, fields: [String: JSONValue] = [:]) -> ServiceError {
        ServiceError(code: code, httpStatus: 400, message: message, fields: fields)
    }

    /// `DuplicateRequest`: another operation on the same service and instance is still in progress.
    public static func duplicateRequest(duplicateOperationId: String, message: String? = nil) -> ServiceError {
        cloudMap(
            CloudMapErrorCode.duplicateRequest,
            message ?? "The operation \(duplicateOperationId) is already in progress",
            fields: ["DuplicateOperationId": .string(duplicateOperationId)])
    }

    /// `InvalidInput`: a value is not valid; the message names the field and the limit.
    public static func invalidInput(_ message: String) -> ServiceError {
        cloudMap(CloudMapErrorCode.invalidInput, message)
    }

    /// `ResourceInUse`: the resource can't be changed while it is in use.
    public static func resourceInUse(_ message: String) -> ServiceError {
        cloudMap(CloudMapErrorCode.resourceInUse, message)
    }

    /// `ResourceLimitExceeded`: a resource quota (for example instances per service) is reached.
    public static func resourceLimitExceeded(_ message: String) -> ServiceError {
        cloudMap(CloudMapErrorCode.resourceLimitExceeded, message)
    }

    /// `ServiceNotFound`: no service has the id or ARN.
    public static func serviceNotFound(_ serviceId: String) -> ServiceError {
        cloudMap(CloudMapErrorCode.serviceNotFound, "Service not found: \(serviceId)")
    }

    /// `OperationNotFound`: no operation has the id.
    public static func operationNotFound(_ operationId: String) -> ServiceError {
        cloudMap(CloudMapErrorCode.operationNotFound, "Operation not found: \(operationId)")
    }

    /// `InstanceNotFound`: the service has no instance with the id.
    public static func instanceNotFound(_ instanceId: String, serviceId: String) -> ServiceError {
        cloudMap(CloudMapErrorCode.instanceNotFound, "Instance \(instanceId) not found in service \(serviceId)")
    }

    /// `NamespaceNotFound`: no namespace has the id or ARN.
    public static func namespaceNotFound(_ namespaceId: String) -> ServiceError {
        cloudMap(CloudMapErrorCode.namespaceNotFound, "Namespace not found: \(namespaceId)")
    }

    /// `NamespaceAlreadyExists`: a namespace with the name exists, created with another `CreatorRequestId`.
    public static func namespaceAlreadyExists(name: String, creatorRequestId: String?, namespaceId: String)
        -> ServiceError
    {
        var fields: [String: JSONValue] = ["NamespaceId": .string(namespaceId)]
        if let creatorRequestId { fields["CreatorRequestId"] = .string(creatorRequestId) }
        return cloudMap(
            CloudMapErrorCode.namespaceAlreadyExists, "Namespace \(name) already exists: \(namespaceId)", fields: fields
        )
    }

    /// `ServiceAlreadyExists`: the namespace has a service with the name, created with another `CreatorRequestId`.
    public static func serviceAlreadyExists(
        name: String, creatorRequestId: String?, serviceId: String, serviceArn: String
    ) -> ServiceError {
        var fields: [String: JSONValue] = ["ServiceId": .string(serviceId), "ServiceArn": .string(serviceArn)]
        if let creatorRequestId { fields["CreatorRequestId"] = .string(creatorRequestId) }
        return cloudMap(
            CloudMapErrorCode.serviceAlreadyExists, "Service \(name) already exists: \(serviceId)", fields: fields)
    }

    /// `RequestLimitExceeded`: the request rate quota is reached (a throttling code botocore retries).
    public static func requestLimitExceeded(_ message: String = "Request limit exceeded") -> ServiceError {
        cloudMap(CloudMapErrorCode.requestLimitExceeded, message)
    }
}
