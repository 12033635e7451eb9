import BenchCore
import Foundation
import Synchronization
import Testing

@Suite("ThreadSlot")
struct ThreadSlotTests {
    /// Eight threads of their own, all alive at once: each keeps one slot for its life, no two share one, and
    /// threads whose slots differ modulo the replica count read different replicas.
    @Test func eachThreadKeepsASlotOfItsOwn() {
        let threads = 8
        let seen = Mutex<[(first: Int, again: Int, replica: Int)]>([])
        let arrived = DispatchGroup()
        let release = DispatchSemaphore(value: 0)
        let done = DispatchGroup()
        let replicas = Array(0..<threads)
        for _ in 0..<threads {
            arrived.enter()
            done.enter()
            Thread {
                let first = ThreadSlot.current
                arrived.leave()
                release.wait()  // every thread is alive when the others ask, so no slot can be a reused one
                let again = ThreadSlot.current
                let replica = ThreadSlot.replica(of: replicas)
                seen.withLock { $0.append((first, again, replica)) }
                done.leave()
            }.start()
        }
        arrived.wait()
        for _ in 0..<threads { release.signal() }
        done.wait()
        let slots = seen.withLock { $0 }
        #expect(slots.count == threads)
        #expect(slots.allSatisfy { $0.first == $0.again })
        #expect(Set(slots.map(\.first)).count == threads)
        #expect(slots.allSatisfy { $0.replica == $0.first % threads })
        #expect(Set(slots.map(\.replica)).count == threads)
    }
}
