import AWSModel

/// botocore's classification of attempt results (`wire.md` §3.2–3.4), as pure functions.
///
/// Strategies (and custom ones written in scenario files) use these so that "retryable" means exactly what
/// botocore 1.43.11 means by it.
public enum RetryErrorClass {
    /// The throttling error codes of standard and adaptive mode (`ThrottledRetryableChecker`).
    public static let throttlingCodes: Set<String> = [
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException",
        "TooManyRequestsException", "ProvisionedThroughputExceededException", "TransactionInProgressException",
        "RequestLimitExceeded", "BandwidthLimitExceeded", "LimitExceededException", "RequestThrottled", "SlowDown",
        "PriorRequestNotComplete", "EC2ThrottledException",
    ]
    /// The transient error codes of standard mode (`TransientRetryableChecker`).
    public static let transientCodes: Set<String> = [
        "RequestTimeout", "RequestTimeoutException", "PriorRequestNotComplete",
    ]
    /// The transient HTTP statuses of standard mode. 429 is deliberately not one of them.
    public static let transientStatuses: Set<Int> = [500, 502, 503, 504]
    /// The statuses legacy mode retries whatever the code (`_retry.json` `__default__`).
    public static let legacyStatuses: Set<Int> = [429, 500, 502, 503, 504, 509]
    /// The codes legacy mode retries only together with HTTP 400.
    public static let legacyThrottlingCodes: Set<String> = [
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException",
        "ProvisionedThroughputExceededException",
    ]

    /// The modeled `retryable` trait of an error code on `service`: `true` for throttling, `false` for other
    /// retryable errors, `nil` when the shape has no trait. Only VPC Lattice models it (every Lattice operation
    /// lists both shapes); Cloud Map and CodeDeploy have no `retryable` traits.
    public static func modeledRetryable(code: String, service: AWSService) -> Bool? {
        guard service == .vpcLattice else { return nil }
        switch code {
        case "ThrottlingException": return true
        case "InternalServerException": return false
        default: return nil
        }
    }

    /// Whether standard/adaptive mode treats `result` as throttling (`ThrottlingErrorDetector`).
    public static func isThrottling(_ result: AttemptResult, service: AWSService) -> Bool {
        guard let code = result.errorCode else { return false }
        return throttlingCodes.contains(code) || modeledRetryable(code: code, service: service) == true
    }

    /// Whether standard/adaptive mode retries `result` (transient, throttling or modeled-retryable).
    public static func isStandardRetryable(_ result: AttemptResult, service: AWSService) -> Bool {
        switch result {
        case .response:
            return false
        case .failure(let failure):
            return failure.isConnectionError
        case .serviceError(let error):
            guard let code = result.errorCode else { return false }
            return transientCodes.contains(code) || transientStatuses.contains(error.httpStatus)
                || throttlingCodes.contains(code) || modeledRetryable(code: code, service: service) != nil
        }
    }

    /// Whether legacy mode retries `result`: socket errors, any 429/500/502/503/504/509, and the throttling codes
    /// only together with status 400 (so Cloud Map `RequestLimitExceeded` is not retried).
    public static func isLegacyRetryable(_ result: AttemptResult) -> Bool {
        switch result {
        case .response:
            return false
        case .failure(let failure):
            return failure.isConnectionError
        case .serviceError(let error):
            if legacyStatuses.contains(error.httpStatus) { return true }
            return error.httpStatus == 400 && legacyThrottlingCodes.contains(result.errorCode ?? "")
        }
    }
}
