import BenchCore
import Testing

/// Tokens and invocation ids: version-4 UUID text from the seeded generator, the same text for the same seed.
@Suite struct UUIDTextTests {
    /// The straightforward spelling (hex of the two words, dashes after 8, 12, 16 and 20 digits), as reference.
    static func reference(_ random: inout SplitMix64) -> String {
        let high = (random.next() & 0xFFFF_FFFF_FFFF_0FFF) | 0x0000_0000_0000_4000
        let low = (random.next() & 0x3FFF_FFFF_FFFF_FFFF) | 0x8000_0000_0000_0000
        func hex16(_ value: UInt64) -> String {
            let digits = String(value, radix: 16)
            return String(repeating: "0", count: 16 - digits.count) + digits
        }
        var text = ""
        for (offset, character) in (hex16(high) + hex16(low)).enumerated() {
            if [8, 12, 16, 20].contains(offset) { text.append("-") }
            text.append(character)
        }
        return text
    }

    @Test(arguments: [0, 1, 42, UInt64.max])
    func matchesTheReferenceAndTheVersion4Layout(seed: UInt64) {
        var fast = SplitMix64(seed: seed)
        var slow = SplitMix64(seed: seed)
        for _ in 0..<200 {
            let text = UUIDText.make(&fast)
            #expect(text == Self.reference(&slow))
            let bytes = Array(text.utf8)
            #expect(bytes.count == 36)
            #expect([8, 13, 18, 23].allSatisfy { bytes[$0] == UInt8(ascii: "-") })
            #expect(bytes[14] == UInt8(ascii: "4"))
            #expect("89ab".utf8.contains(bytes[19]))
        }
    }
}
