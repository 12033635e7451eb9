/// What an injected fault does to one attempt.
public enum FaultKind: Sendable, Hashable {
    /// Answer with the service's throttling error in its exact wire shape, without sending
    /// (``SyntheticErrors/throttle(for:retryAfterSeconds:amzRetryAfterMilliseconds:)``).
    case throttle(retryAfterSeconds: Int = 1, amzRetryAfterMilliseconds: Int? = nil)
    /// Answer `ConflictException` (409) without sending. Applies to VPC Lattice creates only.
    case conflict
    /// Answer a server error without sending.
    case error5xx(ServerErrorVariant)
    /// Deliver the identical request (same token, same body) twice; the caller gets the first answer.
    case duplicate(DuplicateMode)
    /// Deliver the request and let the service apply it, then hand the caller a failure with
    /// `requestSent: true` instead of the answer.
    case loseResponse(LostAnswer)
    /// Wait before the send.
    case latency(LatencyDistribution)
    /// Fail with a connection reset before anything is sent (`requestSent: false`; nothing applied).
    case reset

    /// The kinds of server error ``error5xx(_:)`` answers with.
    public enum ServerErrorVariant: String, Sendable, Hashable, CaseIterable {
        /// The service's `InternalServerException` (VPC Lattice: 500 with `message`; others: 500 generic).
        case `internal` = "internal"
        /// A bare 503 with an empty body (botocore reports code `"503"`).
        case unavailable = "unavailable"
        /// A 502 with an empty body, as a load balancer sends.
        case badGateway = "bad-gateway"
        /// A 502 with an HTML page for a body.
        case badGatewayHTML = "bad-gateway-html"
    }

    /// When the second copy of a duplicated request is delivered.
    public enum DuplicateMode: Sendable, Hashable {
        /// Both copies at the same time.
        case concurrent
        /// The second copy `nanoseconds` after the first was answered, while the caller goes on.
        case afterDelay(nanoseconds: UInt64)
    }

    /// What the caller sees instead of a lost answer.
    public enum LostAnswer: String, Sendable, Hashable, CaseIterable {
        case timeout
        case reset
    }

    /// The kind's name as the CLI and `faults.csv` spell it.
    public var name: String {
        switch self {
        case .throttle: "throttle"
        case .conflict: "conflict"
        case .error5xx: "error5xx"
        case .duplicate: "duplicate"
        case .loseResponse: "lose-response"
        case .latency(.stall): "stall"
        case .latency: "latency"
        case .reset: "reset"
        }
    }

    /// Whether the fault decides the attempt's result (all but latency). At most one such fault applies per
    /// attempt: the first in plan order that fires.
    var decidesOutcome: Bool {
        if case .latency = self { false } else { true }
    }
}
