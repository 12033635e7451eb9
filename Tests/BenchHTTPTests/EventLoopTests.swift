@testable import BenchHTTP
import Testing

/// The loop's eventfd is closed when the loop is released, not when its thread ends (a caller of `execute` may still
/// be about to write it then), so a stopped loop must be released: otherwise every client or server would leak it.
@Suite("EventLoop")
struct EventLoopTests {
    @Test("a stopped loop is released once its owner lets go, so its eventfd is closed")
    func stoppedLoopIsReleased() async throws {
        weak var released: EventLoop?
        do {
            let loop = try EventLoop(name: "bench-test-loop")
            released = loop
            #expect(loop.execute {})
            loop.shutdownAndWait()
            #expect(!loop.execute {}, "a stopped loop takes no more jobs")
        }
        // The loop thread drops its reference just after signalling that it finished: a bounded wait for that.
        for _ in 0..<400 where released != nil { try await Task.sleep(for: .milliseconds(5)) }
        #expect(released == nil)
    }
}
