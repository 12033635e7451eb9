import BenchCore

/// One injected fault, for the run's `faults.csv` and the attempt's record.
public struct FaultEvent: Sendable, Hashable, Codable {
    /// When the fault took effect, on the run's clock.
    public var time: Instant
    /// The API operation name.
    public var operation: String
    /// The logical call's invocation id.
    public var callId: String
    /// The 1-based attempt number.
    public var attempt: Int
    /// The fault kind's CLI name (`throttle`, `lose-response`, `stall`, ...).
    public var kind: String
    /// What exactly was injected (error code and status, latency, failure kind).
    public var detail: String
    /// The fault's position in its plan.
    public var faultIndex: Int

    public init(
        time: Instant, operation: String, callId: String, attempt: Int, kind: String, detail: String, faultIndex: Int
    ) {
        self.time = time
        self.operation = operation
        self.callId = callId
        self.attempt = attempt
        self.kind = kind
        self.detail = detail
        self.faultIndex = faultIndex
    }
}
