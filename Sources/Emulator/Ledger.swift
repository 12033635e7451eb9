import BenchCore
import Synchronization

/// The emulator's append-only record of every state change (thread-safe).
///
/// Each service appends while holding its own state lock, so the ledger order is the order in which the
/// changes took effect.
public final class Ledger: Sendable {
    /// Segmented, so that appending to a long ledger never stops to move it (see ``SegmentedArray``).
    private let entries = Mutex(SegmentedArray<LedgerEntry>())
    /// Whether entries are kept. A run that does not check idempotency turns this off: the ledger grows with
    /// every state change, and a long soak must not.
    public let isRecording: Bool

    public init(recording: Bool = true) {
        isRecording = recording
    }

    /// Appends `entry`, assigning the next sequence number; nothing when not recording. O(1) amortised.
    ///
    /// The entry is moved into the lock and on into the list, never copied: each copy of an entry retains its
    /// strings once more (and releases them after), and the emulator appends an entry for every change it makes.
    public func append(_ entry: consuming LedgerEntry) {
        guard isRecording else { return }
        var handedOver: LedgerEntry? = consume entry
        entries.withLock { list in
            guard var entry = handedOver.take() else { return }
            entry.sequence = UInt64(list.count + 1)
            list.append(consume entry)
        }
    }

    /// A copy of every entry so far, in order.
    public var snapshot: [LedgerEntry] { entries.withLock { Array($0) } }

    /// How many entries there are.
    public var count: Int { entries.withLock { $0.count } }
}
