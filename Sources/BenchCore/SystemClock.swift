import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The real clock: `CLOCK_MONOTONIC` nanoseconds since this clock was created, mapped to wall time
/// by the date it was created at.
public struct SystemClock: BenchClock {
    private let origin: UInt64
    private let originDate: Date

    public init() {
        origin = SystemClock.monotonicNanoseconds()
        originDate = Date()
    }

    /// Raw `CLOCK_MONOTONIC` reading. O(1), a vDSO call, no allocation.
    @inline(__always)
    public static func monotonicNanoseconds() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return UInt64(ts.tv_sec) &* 1_000_000_000 &+ UInt64(ts.tv_nsec)
    }

    /// The `CLOCK_MONOTONIC` reading at which this clock reads `instant`. O(1).
    public func monotonicNanoseconds(of instant: Instant) -> UInt64 { origin &+ instant.nanoseconds }

    public var now: Instant { Instant(nanoseconds: SystemClock.monotonicNanoseconds() &- origin) }

    public func date(of instant: Instant) -> Date {
        originDate.addingTimeInterval(Double(instant.nanoseconds) / 1e9)
    }

    public func sleep(until deadline: Instant) async throws {
        let current = now
        guard deadline > current else { return try Task.checkCancellation() }
        try await Task.sleep(nanoseconds: deadline.nanoseconds - current.nanoseconds)
    }
}
