/// One request travelling through a client event loop: queued in a pool, then on a connection, until its
/// outcome is delivered exactly once. Loop-confined once submitted.
struct ClientJob: Sendable {
    typealias Outcome = Result<HTTPResponse, HTTPClientError>

    var request: HTTPRequest
    let endpoint: HTTPEndpoint
    /// Unique per `execute` call; cancellation finds the job by it. A closed loop's jobs share their driver's id.
    let id: UInt64
    /// Monotonic nanoseconds when the request was handed to the client (a closed loop's latency starts here).
    private(set) var issuedAt: UInt64
    /// Monotonic nanoseconds after which the request fails with ``HTTPClientError/Kind/timeout``.
    private(set) var deadline: UInt64?
    /// How often it was moved off a stale pooled connection without a byte written.
    var staleRetries = 0
    let completion: Completion

    /// Who hears the outcome: a suspended caller, or a closed-loop driver (on the loop thread) that needs only the
    /// status of a response, so the connection builds no ``HTTPResponse`` for it.
    enum Completion: Sendable {
        case continuation(UnsafeContinuation<Outcome, Never>)
        case closedLoop(ClosedLoopDriver)
    }

    init(
        request: HTTPRequest, endpoint: HTTPEndpoint, id: UInt64, issuedAt: UInt64, deadline: UInt64?,
        completion: Completion
    ) {
        self.request = request
        self.endpoint = endpoint
        self.id = id
        self.issuedAt = issuedAt
        self.deadline = deadline
        self.completion = completion
    }

    /// Turns this job into the next request of a closed loop's slot: the same request, issued at `now`.
    /// - Complexity: O(1); no copy of the request.
    mutating func reissue(at now: UInt64, deadline: UInt64?) {
        issuedAt = now
        self.deadline = deadline
        staleRetries = 0
    }

    /// Whether the caller needs the response's reason, fields and body (false for a closed loop).
    var wantsContent: Bool {
        if case .continuation = completion { return true }
        return false
    }

    /// Delivers a failure. Call at most once per job, and not after the connection delivered a response.
    func fail(_ kind: HTTPClientError.Kind, requestSent: Bool, _ message: String) {
        let error = HTTPClientError(kind: kind, requestSent: requestSent, message: message)
        switch completion {
        case .continuation(let continuation): continuation.resume(returning: .failure(error))
        case .closedLoop(let driver): driver.failed(error, issuedAt: issuedAt)
        }
    }
}
