import Foundation

/// The source of time for everything that schedules, measures or expires.
///
/// Injected everywhere time matters (scheduler, emulator, retry backoff, rate limiters) so that
/// timing logic is tested with ``ManualClock`` instead of sleeps, and so that a seeded run replays.
public protocol BenchClock: Sendable {
    /// The current monotonic instant.
    var now: Instant { get }
    /// The wall-clock date of an instant of this clock (for timestamps in API answers and reports).
    func date(of instant: Instant) -> Date
    /// Suspends until `deadline` (returns at once when it has passed). Throws `CancellationError` when cancelled.
    func sleep(until deadline: Instant) async throws
}

extension BenchClock {
    /// The wall-clock date now.
    public var wallNow: Date { date(of: now) }

    /// Suspends for `nanoseconds` from now.
    public func sleep(nanoseconds: UInt64) async throws {
        try await sleep(until: now.advanced(by: nanoseconds))
    }
}
