import Resilience
import AWSModel
import BenchCore
import Emulator

/// How one logical operation's final attempt ended, for counting: success (`ok`), a modeled error (`error`
/// with the service's code and status), or no answer (`unknown`: timeout, reset, lost answer). The call's
/// Jepsen outcome (ok, fail, unknown over all its attempts) is ``CallRecord/outcome``.
public enum OperationOutcome: Sendable, Hashable {
    case ok
    case error(code: String, httpStatus: Int)
    case unknown(kind: String)

    init(_ result: AttemptResult) {
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
            if status == 429 || RetryErrorClass.throttlingCodes.contains(code) { return .throttled }
            return status >= 500 ? .server : .client
        }
    }
}

/// The coarse classes outcomes are counted in per interval.
enum ErrorClass: Int, CaseIterable, Sendable {
    case ok, throttled, client, server, unknown

}
