@testable import Checker
import Testing

/// ``InvariantName/ordinal`` is what the checker's per-invariant counters are indexed by: each case's position in
/// `allCases`, distinct and within the counters' bounds.
@Suite struct InvariantNameTests {
    @Test func ordinalIsThePositionInAllCases() {
        for (position, name) in InvariantName.allCases.enumerated() {
            #expect(name.ordinal == position, "\(name.rawValue)")
        }
    }
}
