import AWSModel
import BenchCore

/// How a logical call ended, in Jepsen's terms.
public enum CallOutcome: String, Sendable, Hashable, Codable {
    /// The service acknowledged the call.
    case ok
    /// The call definitely did not take effect: every attempt was refused or never sent.
    case fail
    /// It may have taken effect: some attempt went out and its answer never came (timeout, reset, lost answer).
    case unknown
}

/// One attempt of a logical call, as the history and the metrics need it.
public struct AttemptRecord: Sendable, Hashable, Codable {
    /// The 1-based attempt number.
    public var number: Int
    /// The idempotency token the attempt carried.
    public var token: String?
    /// The request id the attempt was sent with.
    public var requestId: String
    /// Nanoseconds of retry backoff slept before this attempt (0 for the first).
    public var backoffNanoseconds: UInt64
    /// When the attempt was due (after its backoff).
    public var intendedSend: Instant
    /// When it actually went out: after the rate limiter's wait and any injected latency.
    public var actualSend: Instant
    /// When its result arrived.
    public var end: Instant
    /// Nanoseconds the adaptive rate limiter held it.
    public var limiterWaitNanoseconds: UInt64
    /// `ok`, the error code, or the failure kind.
    public var summary: String
    /// The HTTP status of an error answer.
    public var httpStatus: Int?
    /// The error code of an error answer (the status for an empty or HTML body).
    public var errorCode: String?
    /// The failure kind when no answer came.
    public var failureKind: String?
    /// Whether the request left the client when no answer came.
    public var failureAfterSend: Bool
    /// The faults injected into this attempt.
    public var faults: [FaultEvent]
}

/// One logical call: the invocation, every attempt, and how it ended.
public struct CallRecord: Sendable {
    /// The call's sequence number in the run.
    public var sequence: UInt64
    /// The invocation id (botocore's `amz-sdk-invocation-id`).
    public var invocationId: String
    public var service: AWSService
    public var operation: String
    /// The token of the first attempt.
    public var token: String?
    public var phase: String?
    /// When the scheduler meant the call to start (for coordinated-omission correction).
    public var intendedStart: Instant
    public var start: Instant
    public var end: Instant
    public var attempts: [AttemptRecord]
    public var outcome: CallOutcome
    /// Why the call stopped without success; nil when it succeeded.
    public var giveUpReason: GiveUpReason?
    /// Nanoseconds spent in retry backoff.
    public var backoffNanoseconds: UInt64
    /// The last attempt's result: the answer (or error) the caller gets.
    public var finalResult: AttemptResult

    /// The number of attempts made.
    public var attemptCount: Int { attempts.count }
}
