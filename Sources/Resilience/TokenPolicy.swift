import BenchCore

/// How the client fills in idempotency tokens (for operations that take one) across the attempts of a call.
public enum TokenPolicy: Sendable {
    /// One token per logical call, reused by every attempt (botocore fills the token in once, before the retry
    /// loop). A token the caller set is kept.
    case stablePerCall
    /// A new token on every attempt: the classic bug of an application-level retry that calls again without
    /// passing a token, which can create duplicates.
    case freshPerAttempt
    /// The scenario decides: nil leaves the request's own token as it is.
    case supplied(@Sendable (TokenContext) -> String?)

    /// The policy's name in reports: `stablePerCall`, `freshPerAttempt` or `supplied`.
    public var name: String {
        switch self {
        case .stablePerCall: "stablePerCall"
        case .freshPerAttempt: "freshPerAttempt"
        case .supplied: "supplied"
        }
    }

    /// What a supplied token closure knows.
    public struct TokenContext: Sendable, Hashable {
        /// The call's sequence number in the run.
        public var callSequence: UInt64
        /// The 1-based attempt number.
        public var attempt: Int
        /// The API operation name.
        public var operation: String
        /// The token the request carries as built by the workload, if any.
        public var requestToken: String?
    }

    /// The token attempt `context.attempt` sends. `seed` fixes generated tokens.
    func token(for context: TokenContext, seed: UInt64) -> String? {
        switch self {
        case .stablePerCall:
            if let token = context.requestToken { return token }
            var random = SeedMix.generator(seed, context.callSequence, 0, RandomStream.token)
            return UUIDText.make(&random)
        case .freshPerAttempt:
            var random = SeedMix.generator(seed, context.callSequence, UInt64(context.attempt), RandomStream.token)
            return UUIDText.make(&random)
        case .supplied(let closure):
            return closure(context) ?? context.requestToken
        }
    }
}

/// The independent random streams of one call, as the third seed coordinate.
enum RandomStream {
    static let retry: UInt64 = 1
    static let token: UInt64 = 2
    static let identity: UInt64 = 3
}
