import BenchCore

/// The modeled VPC Lattice errors (wire.md §2.1): code, HTTP status and members exactly as the model has them.
///
/// `retryAfterSeconds` is bound to the `Retry-After` header, so it goes into
/// ``ServiceError/retryAfterSeconds`` and not into the body fields.
extension ServiceError {
    /// `ValidationException` (400) with `reason` and `fieldList`.
    /// - Parameters:
    ///   - reason: `unknownOperation | cannotParse | fieldValidationFailed | other`.
    ///   - fields: one `{name, message}` per offending field (the `fieldList` member, left out when empty).
    public static func latticeValidation(
        _ message: String, reason: String = "fieldValidationFailed", fields: [(name: String, message: String)] = []
    ) -> ServiceError {
        var members: [String: JSONValue] = ["reason": .string(reason)]
        if !fields.isEmpty {
            members["fieldList"] = .array(
                fields.map { .object(["name": .string($0.name), "message": .string($0.message)]) })
        }
        return ServiceError(code: "ValidationException", httpStatus: 400, message: message, fields: members)
    }

    /// `AccessDeniedException` (403).
    public static func latticeAccessDenied(_ message: String = "Access denied") -> ServiceError {
        ServiceError(code: "AccessDeniedException", httpStatus: 403, message: message)
    }

    /// `ResourceNotFoundException` (404) naming the missing resource.
    public static func latticeNotFound(_ message: String, resourceId: String, resourceType: String) -> ServiceError {
        ServiceError(
            code: "ResourceNotFoundException", httpStatus: 404, message: message,
            fields: ["resourceId": .string(resourceId), "resourceType": .string(resourceType)])
    }

    /// `ConflictException` (409) naming the resource in the way.
    public static func latticeConflict(_ message: String, resourceId: String, resourceType: String) -> ServiceError {
        ServiceError(
            code: "ConflictException", httpStatus: 409, message: message,
            fields: ["resourceId": .string(resourceId), "resourceType": .string(resourceType)])
    }

    /// `ServiceQuotaExceededException` (402). `resourceId` is the only optional member.
    public static func latticeQuotaExceeded(
        _ message: String, resourceId: String? = nil, resourceType: String,
        serviceCode: String = LatticeValues.serviceCode, quotaCode: String
    ) -> ServiceError {
        var members: [String: JSONValue] = [
            "resourceType": .string(resourceType), "serviceCode": .string(serviceCode), "quotaCode": .string(quotaCode),
        ]
        if let resourceId { members["resourceId"] = .string(resourceId) }
        return ServiceError(code: "ServiceQuotaExceededException", httpStatus: 402, message: message, fields: members)
    }

    /// `ThrottlingException` (429); `retryAfterSeconds` becomes the integer `Retry-After` header.
    public static func latticeThrottling(
        _ message: String = "Rate exceeded", retryAfterSeconds: Int? = nil, serviceCode: String? = nil,
        quotaCode: String? = nil
    ) -> ServiceError {
        var members: [String: JSONValue] = [:]
        if let serviceCode { members["serviceCode"] = .string(serviceCode) }
        if let quotaCode { members["quotaCode"] = .string(quotaCode) }
        return ServiceError(
            code: "ThrottlingException", httpStatus: 429, message: message, fields: members,
            retryAfterSeconds: retryAfterSeconds)
    }

    /// `InternalServerException` (500); `retryAfterSeconds` becomes the integer `Retry-After` header.
    public static func latticeInternal(
        _ message: String = "Internal server error", retryAfterSeconds: Int? = nil
    ) -> ServiceError {
        ServiceError(
            code: "InternalServerException", httpStatus: 500, message: message, retryAfterSeconds: retryAfterSeconds)
    }
}
