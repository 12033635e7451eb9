import AWSModel
import BenchCore
import Emulator
import Synchronization

/// Set once when the run must stop scheduling (Ctrl-C, SIGTERM, or a test); read by every loop.
public final class StopSignal: Sendable {
    private let flag = Atomic<Bool>(false)

    public init() {}

    /// Asks every loop to stop issuing new operations.
    public func stop() { flag.store(true, ordering: .releasing) }

    /// Whether ``stop()`` was called.
    public var isStopped: Bool { flag.load(ordering: .acquiring) }
}
