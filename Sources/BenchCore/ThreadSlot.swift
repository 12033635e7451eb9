import Glibc
import Synchronization

/// A small number for the calling thread: 0 for the first thread that asks, 1 for the next, and so on, the same
/// number for a thread for its whole life.
///
/// It lets a structure that every core reads keep one replica per reading thread (``replica(of:)``), so that
/// reads on different cores write different memory: a read that retains an object, or takes a lock, writes a
/// cache line, and a line that two cores write moves between them on every write.
///
/// - Complexity: O(1): one `pthread_getspecific` after the thread's first call.
public enum ThreadSlot {
    private static let next = Atomic<Int>(0)
    /// The slot plus one, as the thread-specific pointer (so that `nil` means not yet assigned).
    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        precondition(pthread_key_create(&key, nil) == 0, "pthread_key_create failed")
        return key
    }()

    /// The calling thread's slot.
    public static var current: Int {
        if let stored = pthread_getspecific(key) { return Int(bitPattern: stored) - 1 }
        let slot = next.add(1, ordering: .relaxed).oldValue
        pthread_setspecific(key, UnsafeRawPointer(bitPattern: slot + 1))
        return slot
    }

    /// The calling thread's element of `replicas` (non-empty): threads whose slots differ modulo its count read
    /// different elements.
    public static func replica<Element>(of replicas: [Element]) -> Element {
        replicas[current % replicas.count]
    }
}
