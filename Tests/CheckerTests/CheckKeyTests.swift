import BenchCore
@testable import Checker
import Testing

/// ``CheckKey``'s `parent|child` pairs: a target in its group, an instance in its service. The parts come back whole
/// when the child holds a `:` or a `|` of its own.
@Suite struct CheckKeyTests {
    @Test func pairsSplitAtTheFirstBar() {
        let target = CheckKey("tg-0123456789abcdef0", "10.0.0.1:80")
        #expect(target.key == "tg-0123456789abcdef0|10.0.0.1:80")
        #expect(target.parent == "tg-0123456789abcdef0" && target.child == "10.0.0.1:80")
        #expect(target == CheckKey("tg-0123456789abcdef0|10.0.0.1:80"))
        let odd = CheckKey("srv-1", "i|2")
        #expect(odd.parent == "srv-1" && odd.child == "i|2")
        #expect(CheckKey("", "x").parent == "" && CheckKey("", "x").child == "x")
    }
}
