import Synchronization

/// The emulator's append-only record of every state change (thread-safe).
///
/// Each service appends while holding its own state lock, so the ledger order is the order in which the
/// changes took effect.
public final class Ledger: Sendable {
    private let entries = Mutex<[LedgerEntry]>([])

    public init() {}

    /// Appends `entry`, assigning the next sequence number. O(1) amortised.
    public func append(_ entry: LedgerEntry) {
        entries.withLock { list in
            var entry = entry
            entry.sequence = UInt64(list.count + 1)
            list.append(entry)
        }
    }

    /// A copy of every entry so far, in order.
    public var snapshot: [LedgerEntry] { entries.withLock { $0 } }

    /// How many entries there are.
    public var count: Int { entries.withLock { $0.count } }
}
