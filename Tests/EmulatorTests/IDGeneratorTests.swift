import BenchCore
import Testing

@testable import Emulator

/// Ids are part of what a seed replays: the same seed must give the same ids in every version.
@Suite struct IDGeneratorTests {
    /// The spelling `uuid()` had before it wrote its bytes directly: 32 digits, then cut and patched.
    static func reference(_ generator: inout IDGenerator) -> String {
        let c = Array(generator.string(32, from: IDGenerator.hexDigits))
        return String(c[0..<8]) + "-" + String(c[8..<12]) + "-4" + String(c[13..<16]) + "-a" + String(c[17..<20])
            + "-" + String(c[20..<32])
    }

    @Test(arguments: [0, 7, UInt64.max])
    func uuidIsTheSameTextAsTheReferenceForTheSameSeed(seed: UInt64) {
        var fast = IDGenerator(seed: seed, stream: "test")
        var slow = IDGenerator(seed: seed, stream: "test")
        for _ in 0..<100 {
            let id = fast.uuid()
            #expect(id == Self.reference(&slow))
            #expect(id.utf8.count == 36)
        }
        // Both consumed the same draws: the streams stay in step afterwards.
        #expect(fast.string(8, from: IDGenerator.lowerAlphanumeric) == slow.string(8, from: IDGenerator.lowerAlphanumeric))
    }
}
