import BenchHTTP
import Resilience

/// What the proxy does with one request, as its fault plan decided.
struct ProxyDecision: Sendable {
    /// What happens after the delay.
    enum Action: Sendable {
        /// Forward unchanged and relay the answer.
        case forward
        /// Answer this (a synthetic error in the service's wire shape) without forwarding.
        case answer(HTTPResponse)
        /// Forward twice; the client gets the first answer.
        case duplicate(FaultKind.DuplicateMode)
        /// Forward, wait for the upstream's answer (so it was applied), then drop the connection or reset it.
        case loseResponse(FaultKind.LostAnswer)
        /// Reset the connection without forwarding.
        case reset
    }

    /// Injected latency before anything else happens.
    var delayNanoseconds: UInt64 = 0
    var action = Action.forward
}
