import Dispatch
import Glibc
import Synchronization
import Testing

@testable import BenchCore

/// ``BackgroundWork`` moves the end of a large value's life, and blocking work, off the calling thread: what it takes
/// must be freed there and only there, and what it runs must hand back its result or its error.
@Suite struct BackgroundWorkTests {
    /// Notes the thread its `deinit` runs on, and signals when it has.
    final class Tracked: Sendable {
        let witness: Witness
        init(_ witness: Witness) { self.witness = witness }
        deinit {
            witness.freedOn.withLock { $0 = pthread_self() }
            witness.freed.signal()
        }
    }

    /// Outlives the tracked value, to report on it.
    final class Witness: Sendable {
        let freedOn = Mutex<pthread_t?>(nil)
        let freed = DispatchSemaphore(value: 0)
    }

    @Test func releaseFreesTheValueOnAnotherThreadAndKeepsNoReference() throws {
        let witness = Witness()
        weak var watched: Tracked?
        do {
            var value: [Tracked]? = [Tracked(witness)]
            watched = value?.first
            BackgroundWork.release(value.take())
        }
        #expect(witness.freed.wait(timeout: .now() + 10) == .success, "the value was never freed")
        let thread = try #require(witness.freedOn.withLock { $0 })
        #expect(pthread_equal(thread, pthread_self()) == 0, "freed on the calling thread")
        #expect(watched == nil)
    }

    @Test func runReturnsWhatTheWorkReturns() async throws {
        #expect(try await BackgroundWork.run { (1...10).reduce(0, +) } == 55)
    }

    struct Failure: Error {}

    @Test func runRethrowsTheWorksError() async {
        await #expect(throws: Failure.self) { try await BackgroundWork.run { () throws -> Int in throw Failure() } }
    }
}
