import AWSModel

/// The protocol-level errors a server answers before any operation runs (Coral's framework errors).
///
/// These are not in the three services' models; botocore parses them by code like any other error.
extension ServiceError {
    /// `UnknownOperationException` (400): the `X-Amz-Target` names no operation of the service, or no service.
    /// Real awsJson1_1 endpoints answer this with `__type` `com.amazon.coral.service#UnknownOperationException`.
    public static func unknownOperation(_ message: String) -> ServiceError {
        ServiceError(code: WireErrorCode.unknownOperation, httpStatus: 400, message: message)
    }

    /// `SerializationException` (400): an awsJson1_1 body that is not JSON or has a member of the wrong type.
    public static func serialization(_ message: String) -> ServiceError {
        ServiceError(code: WireErrorCode.serialization, httpStatus: 400, message: message)
    }

    /// `ValidationException` (400) of an awsJson1_1 service: a required member is missing. The message follows
    /// Coral's form, `1 validation error detected: Value null at 'X' failed to satisfy constraint: ...`.
    public static func missingMember(_ member: String) -> ServiceError {
        ServiceError(
            code: WireErrorCode.validation, httpStatus: 400,
            message: "1 validation error detected: Value null at '\(member)' failed to satisfy constraint: "
                + "Member must not be null")
    }
}

/// Error codes the codec itself produces.
enum WireErrorCode {
    static let unknownOperation = "UnknownOperationException"
    static let serialization = "SerializationException"
    static let validation = "ValidationException"

    /// The `__type` namespace real awsJson1_1 endpoints use for framework errors, which are not the service's.
    static func coralNamespace(of code: String) -> String? {
        switch code {
        case unknownOperation, serialization: "com.amazon.coral.service"
        default: nil
        }
    }
}
