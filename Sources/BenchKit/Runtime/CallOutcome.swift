import AWSModel
import BenchCore
import Emulator

/// How one logical operation ended, in Jepsen's terms: it took effect (`ok`), it definitely did not
/// (`error` with the service's code), or nobody knows (`unknown`: timeout, reset, lost answer).
public enum CallOutcome: Sendable, Hashable {
    case ok
    case error(code: String, httpStatus: Int)
    case unknown(kind: String)

    init(_ result: TransportResult) {
        switch result {
        case .response: self = .ok
        case .serviceError(let error): self = .error(code: error.code, httpStatus: error.httpStatus)
        case .failure(let failure): self = .unknown(kind: failure.kind)
        }
    }

    /// The class of the outcome in `latency.csv`: `ok`, `throttled`, `client` (other 4xx), `server` (5xx), `unknown`.
    var errorClass: ErrorClass {
        switch self {
        case .ok: return .ok
        case .unknown: return .unknown
        case .error(let code, let status):
            if status == 429 || ErrorClass.throttlingCodes.contains(code) { return .throttled }
            return status >= 500 ? .server : .client
        }
    }
}

/// The coarse classes outcomes are counted in per interval.
enum ErrorClass: Int, CaseIterable, Sendable {
    case ok, throttled, client, server, unknown

    /// Error codes that mean "slow down", whatever their HTTP status (botocore's throttling list, wire.md §3.2).
    static let throttlingCodes: Set<String> = [
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException",
        "TooManyRequestsException", "ProvisionedThroughputExceededException", "TransactionInProgressException",
        "RequestLimitExceeded", "BandwidthLimitExceeded", "LimitExceededException", "RequestThrottled", "SlowDown",
        "PriorRequestNotComplete", "EC2ThrottledException",
    ]
}
