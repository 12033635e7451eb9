/// One request travelling through a client event loop: queued in a pool, then on a connection, until its
/// continuation is resumed exactly once. Loop-confined once submitted.
struct ClientJob: Sendable {
    typealias Outcome = Result<HTTPResponse, HTTPClientError>

    var request: HTTPRequest
    let endpoint: HTTPEndpoint
    /// Unique per client; cancellation finds the job by it.
    let id: UInt64
    /// Monotonic nanoseconds after which the request fails with ``HTTPClientError/Kind/timeout``.
    let deadline: UInt64?
    /// How often it was moved off a stale pooled connection without a byte written.
    var staleRetries = 0
    private let completion: Completion

    /// Who hears the outcome: a suspended caller, or a callback run on the loop thread (closed-loop driving).
    enum Completion: Sendable {
        case continuation(UnsafeContinuation<Outcome, Never>)
        case callback(@Sendable (Outcome) -> Void)
    }

    init(request: HTTPRequest, endpoint: HTTPEndpoint, id: UInt64, deadline: UInt64?, completion: Completion) {
        self.request = request
        self.endpoint = endpoint
        self.id = id
        self.deadline = deadline
        self.completion = completion
    }

    /// Resumes the caller. Call exactly once per job.
    func resume(_ outcome: Outcome) {
        switch completion {
        case .continuation(let continuation): continuation.resume(returning: outcome)
        case .callback(let callback): callback(outcome)
        }
    }

    /// Resumes the caller with an error.
    func fail(_ kind: HTTPClientError.Kind, requestSent: Bool, _ message: String) {
        resume(.failure(HTTPClientError(kind: kind, requestSent: requestSent, message: message)))
    }
}
