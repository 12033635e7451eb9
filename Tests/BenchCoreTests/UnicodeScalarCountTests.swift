import BenchCore
import Foundation
import Testing

/// `unicodeScalarCount` is `unicodeScalars.count`, and `hasUnicodeScalarCount(in:)` answers as counting would, for
/// strings of one- to four-byte scalars (alone and mixed) of every length up to 40, against every range of bounds
/// up to 42.
@Suite struct UnicodeScalarCountTests {
    @Test(arguments: ["a", "é", "€", "🙂", "aé€🙂", "€a"])
    func decidesAsCountingWould(unit: String) {
        for repeats in 0...40 {
            let text = String(repeating: unit, count: repeats).unicodeScalars.prefix(repeats).reduce(into: "") {
                $0.unicodeScalars.append($1)
            }
            let scalars = text.unicodeScalars.count
            #expect(text.unicodeScalarCount == scalars)
            var wrong: [ClosedRange<Int>] = []
            for lower in 0...42 {
                for upper in lower...42
                where text.hasUnicodeScalarCount(in: lower...upper) != (lower...upper).contains(scalars) {
                    wrong.append(lower...upper)
                }
            }
            let wrongCount = wrong.count
            #expect(
                wrongCount == 0, "\(scalars) scalars in \(text.utf8.count) bytes: wrong for \(wrong.prefix(3)), ...")
        }
    }

    @Test func bridgedStringsToo() {
        let text = NSString(string: String(repeating: "é", count: 20)) as String
        #expect(text.unicodeScalarCount == 20)
        #expect(text.hasUnicodeScalarCount(in: 20...20))
        #expect(!text.hasUnicodeScalarCount(in: 21...40))
        #expect(!text.hasUnicodeScalarCount(in: 0...19))
    }
}
