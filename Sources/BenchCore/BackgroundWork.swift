import Dispatch

/// Work that would block a thread for long, done on a dispatch thread rather than on the caller's.
///
/// Why: after a long run the idempotency check holds hash tables with an entry per token, target and instance, and
/// the ledger it read: millions of strings and buckets. Freeing them was a twelfth of `bench check`'s instructions
/// (callgrind, a 40,000-call folder), and after `bench run` writing the ledger file came before the check; both ran on
/// the thread that had the check or the report to do, while the second core sat idle (`docs/performance-journal.md`,
/// "The wait after the load, on both cores"). Swift's cooperative pool has one thread per core, so blocking work is
/// not put there: it would hold up every other task.
public enum BackgroundWork {
    /// Takes `value` and lets it go on a utility-priority dispatch thread. Nothing on the calling thread holds it
    /// afterwards: the last release, and with it every `deinit` and `free` it causes, happens on that thread. A
    /// process that exits first (`bench check`, a scenario's run) leaves the memory to the exit, as any memory. Hand
    /// over the last reference (`release(consume value)`): a copy the caller keeps would be the one freed last.
    /// - Complexity: O(1) on the calling thread.
    public static func release<Value: Sendable>(_ value: consuming Value) {
        // The box is passed as an unmanaged +1 reference, so that no reference stays with the caller: had the closure
        // captured the box itself, the caller's own reference could have been the last one if the closure ran first.
        let box = Unmanaged.passRetained(Box(value))
        DispatchQueue.global(qos: .utility).async { box.release() }
    }

    /// Runs `work` on a dispatch thread and returns its result; the calling task is suspended meanwhile, not blocked.
    public static func run<Result: Sendable>(
        _ work: @escaping @Sendable () throws -> Result
    ) async throws -> Result {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async { continuation.resume(with: Swift.Result { try work() }) }
        }
    }

    private final class Box<Value: Sendable>: Sendable {
        let value: Value
        init(_ value: consuming Value) { self.value = value }
    }
}
