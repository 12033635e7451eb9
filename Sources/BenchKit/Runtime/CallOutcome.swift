import AWSModel
import BenchCore
import Emulator

/// How one logical operation ended, in Jepsen's terms: it took effect (`ok`), it definitely did not
/// (`error` with the service's code), or nobody knows (`unknown`: timeout, reset, lost answer).
public enum CallOutcome: Sendable, Hashable {
    case ok
    case error(code: String)
    case unknown(kind: String)

    init(_ result: TransportResult) {
        switch result {
        case .response: self = .ok
        case .serviceError(let error): self = .error(code: error.code)
        case .failure(let failure): self = .unknown(kind: failure.kind)
        }
    }
}
