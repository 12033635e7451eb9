import BenchCore
import Synchronization

/// One target group's registered targets, behind a lock of their own.
///
/// The emulator's state lock covers the groups and their indexes; each group's targets sit here, so that target
/// calls on different groups never wait for each other, and a look-up of a group never waits behind another
/// group's registration loop. With one lock for all, two workers registering targets waited for each other (and
/// `Mutex`'s contended path on Linux is a kernel round trip); with a lock per group, `RegisterTargets` alone with two
/// workers ran 1.13 x as fast (`docs/performance-journal.md`, "Kept: a lock per Lattice target group").
///
/// Lock order: the state lock is never taken while a table's is held.
final class TargetTable: Sendable {
    /// The targets and the sequence the next registration gets.
    struct Contents {
        /// Registered targets and their registration sequence numbers (the `ListTargets` order and cursor). A flat
        /// table: a look-up reads one slot, where a sharded one read four places out of the cache under P3's mix;
        /// a group holds at most `targetsPerGroupQuota` targets, so its growth stays short.
        var targets = FlatHashTable<TargetKey, UInt64>()
        /// The next registration sequence number.
        var nextSequence: UInt64 = 0
    }

    private let contents = Mutex(Contents())

    init() {}

    /// Runs `body` with the targets, under this table's lock.
    func withLock<Result: Sendable>(_ body: (inout Contents) -> Result) -> Result {
        contents.withLock { contents in body(&contents) }
    }
}
