@testable import BenchKit
import Testing

/// The generated target ids: the hand-written dotted quad equals what interpolation writes, for every octet value
/// in every position.
@Suite struct TargetGroupKindTests {
    @Test func dottedQuadMatchesInterpolation() {
        for octet in 0...255 {
            let value = UInt8(octet)
            let other = UInt8(255 - octet)
            #expect(TargetGroupKind.dottedQuad(value, other, value, other) == "\(value).\(other).\(value).\(other)")
            #expect(TargetGroupKind.dottedQuad(other, value, other, value) == "\(other).\(value).\(other).\(value)")
        }
    }

    @Test(arguments: [0, 7, 255, 256, 65_535, 65_536, 1_000_000, 16_777_215])
    func ipTargetIdsAreTheSlotsAddressUnderTen(slot: Int) {
        #expect(
            TargetGroupKind.ip.targetId(slot: slot)
                == "10.\((slot >> 16) & 0xFF).\((slot >> 8) & 0xFF).\(slot & 0xFF)")
    }
}
