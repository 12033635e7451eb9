/// A point on a monotonic time line, in nanoseconds since the owning clock's origin.
///
/// Every timestamp in a run (intended send time, actual send, completion, emulator state changes) is an
/// `Instant` of one clock, so differences are exact integers and tests can drive time by hand.
public struct Instant: Comparable, Hashable, Sendable, Codable, CustomStringConvertible {
    /// Nanoseconds since the clock's origin.
    public var nanoseconds: UInt64

    @inlinable
    public init(nanoseconds: UInt64) { self.nanoseconds = nanoseconds }

    /// The clock's origin.
    public static let zero = Instant(nanoseconds: 0)

    @inlinable
    public static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.nanoseconds < rhs.nanoseconds }

    /// This instant moved later by `nanoseconds`.
    @inlinable
    public func advanced(by nanoseconds: UInt64) -> Instant { Instant(nanoseconds: self.nanoseconds &+ nanoseconds) }

    /// Nanoseconds from `earlier` to `self`, or 0 when `earlier` is later (durations are never negative).
    @inlinable
    public func nanoseconds(since earlier: Instant) -> UInt64 {
        nanoseconds >= earlier.nanoseconds ? nanoseconds - earlier.nanoseconds : 0
    }

    /// Seconds since the origin, for reports.
    public var seconds: Double { Double(nanoseconds) / 1e9 }

    public var description: String { "\(seconds)s" }
}

extension Duration {
    /// Whole nanoseconds in this duration, clamped to `0...UInt64.max`.
    public var nanosecondsClamped: UInt64 {
        let (seconds, attoseconds) = components
        if seconds < 0 { return 0 }
        let (whole, overflow) = UInt64(seconds).multipliedReportingOverflow(by: 1_000_000_000)
        if overflow { return .max }
        return whole &+ UInt64(attoseconds / 1_000_000_000)
    }
}
