import AWSModel
import BenchCore

extension ServiceError {
    /// The key under which a ``ServiceError`` carries the `x-amz-retry-after` response header in ``fields``.
    ///
    /// `x-amz-retry-after` is a header (milliseconds, an integer), not a modeled body member: a wire codec must
    /// send this entry as the header and leave it out of the JSON body, and a decoder must put the header here.
    /// Only the 2026 standard rules read it (`wire.md` §3.2); the modeled `Retry-After` (seconds) stays in
    /// ``retryAfterSeconds`` and is ignored by every botocore mode.
    public static let amzRetryAfterField = "x-amz-retry-after"

    /// The `x-amz-retry-after` hint in milliseconds, if the answer carried one.
    public var amzRetryAfterMilliseconds: Int? {
        get {
            guard let value = fields[Self.amzRetryAfterField] else { return nil }
            if let number = value.numberValue, number >= 0, number < 1e15 { return Int(number) }
            if let text = value.stringValue { return Int(text).flatMap { $0 >= 0 ? $0 : nil } }
            return nil
        }
        set { fields[Self.amzRetryAfterField] = newValue.map { .number(Double($0)) } }
    }

    /// The `x-amz-retry-after` hint in seconds.
    var amzRetryAfterSeconds: Double? { amzRetryAfterMilliseconds.map { Double($0) / 1000 } }
}
