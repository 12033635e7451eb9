import AWSModel

/// The errors the fault layer answers with, each in the exact wire shape of the service it imitates
/// (`wire.md` §2.1–2.3), so that a client parses them as it would the real thing.
public enum SyntheticErrors {
    /// The `quotaCode` of synthetic VPC Lattice throttles. The model does not publish request-rate quota codes;
    /// this one is marked as synthetic on purpose.
    public static let latticeRateQuotaCode = "L-BENCH-RATE"

    /// The service's throttling error: VPC Lattice `ThrottlingException` 429 with the integer `Retry-After`,
    /// `serviceCode` and `quotaCode`; CodeDeploy `ThrottlingException` 400; Cloud Map `RequestLimitExceeded` 400.
    /// - Parameter amzRetryAfterMilliseconds: an `x-amz-retry-after` hint (``ServiceError/amzRetryAfterField``).
    public static func throttle(
        for service: AWSService, retryAfterSeconds: Int = 1, amzRetryAfterMilliseconds: Int? = nil
    ) -> ServiceError {
        var error: ServiceError
        switch service {
        case .vpcLattice:
            error = .latticeThrottling(
                retryAfterSeconds: retryAfterSeconds, serviceCode: AWSService.vpcLattice.rawValue,
                quotaCode: latticeRateQuotaCode)
        case .codeDeploy:
            error = .codeDeploy(.throttling, "Rate exceeded")
        case .cloudMap:
            error = ServiceError(code: "RequestLimitExceeded", httpStatus: 400, message: "Request limit exceeded")
        }
        error.amzRetryAfterMilliseconds = amzRetryAfterMilliseconds
        return error
    }

    /// `ConflictException` (409) naming the resource a VPC Lattice create would collide with; nil for any other
    /// request (the fault does not apply to it).
    public static func conflict(for request: AWSRequest) -> ServiceError? {
        guard case .lattice(.createTargetGroup(let input)) = request else { return nil }
        return .latticeConflict(
            "Target group \(input.name) conflicts with an existing resource (injected)", resourceId: input.name,
            resourceType: LatticeValues.targetGroupResourceType)
    }

    /// A server error: `InternalServerException` 500 (modeled body), a bare 503, or a 502 with an empty or HTML
    /// body. For the bodiless ones the code is the status, as botocore reports it.
    public static func serverError(_ variant: FaultKind.ServerErrorVariant) -> ServiceError {
        switch variant {
        case .internal:
            ServiceError(code: "InternalServerException", httpStatus: 500, message: "Internal server error")
        case .unavailable:
            ServiceError(code: "503", httpStatus: 503, message: "Service Unavailable", body: .empty)
        case .badGateway:
            ServiceError(code: "502", httpStatus: 502, message: "Bad Gateway", body: .empty)
        case .badGatewayHTML:
            ServiceError(code: "502", httpStatus: 502, message: "Bad Gateway", body: .html)
        }
    }

    /// The error that replaces the answer when a fault of `kind` hits `request`: a throttle, a conflict (VPC
    /// Lattice creates only) or a 5xx. `nil` for the kinds that do not answer on their own (latency, duplicate,
    /// lost answer, reset) and for a conflict on a request that cannot conflict.
    public static func answer(for kind: FaultKind, to request: AWSRequest) -> ServiceError? {
        switch kind {
        case .throttle(let seconds, let hint):
            throttle(for: request.service, retryAfterSeconds: seconds, amzRetryAfterMilliseconds: hint)
        case .conflict:
            conflict(for: request)
        case .error5xx(let variant):
            serverError(variant)
        case .duplicate, .loseResponse, .latency, .reset:
            nil
        }
    }
}
