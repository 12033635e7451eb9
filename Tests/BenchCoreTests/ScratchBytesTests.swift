import BenchCore
import Testing

/// `ScratchBytes`: the bytes appended come back in order, on the stack and after it moved to the heap, and JSON
/// written into it is the JSON written into an array.
@Suite struct ScratchBytesTests {
    /// Single bytes and runs of every length up to 40, mixed, at stack capacities that the first byte, a run, or
    /// nothing outgrows: each time the same bytes as an array given the same appends.
    @Test(arguments: [1, 3, 16, 1_000])
    func appendsMatchAnArrayAcrossGrowth(capacity: Int) {
        var random = SplitMix64(seed: UInt64(capacity))
        var expected: [UInt8] = []
        let bytes = ScratchBytes.with(capacity: capacity) { scratch in
            for step in 0..<200 {
                if step % 3 == 0 {
                    let byte = UInt8(truncatingIfNeeded: random.next())
                    scratch.append(byte)
                    expected.append(byte)
                } else {
                    let run = (0..<Int(random.next() % 41)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
                    run.withUnsafeBytes { scratch.append(contentsOf: $0) }
                    expected.append(contentsOf: run)
                }
            }
            #expect(scratch.count == expected.count)
            return scratch.withUnsafeBytes { Array($0) }
        }
        #expect(bytes == expected)
    }

    @Test func emptyRunsAndAnEmptyBufferAddNothing() {
        let count = ScratchBytes.with(capacity: 4) { scratch in
            scratch.append(contentsOf: UnsafeRawBufferPointer(start: nil, count: 0))
            [UInt8]().withUnsafeBytes { scratch.append(contentsOf: $0) }
            return scratch.withUnsafeBytes(\.count)
        }
        #expect(count == 0)
    }

    /// The same object written by `JSONObjectWriter` into both sinks, with strings that need escaping and one long
    /// enough to outgrow the stack capacity mid-string.
    @Test func jsonObjectIsTheSameInEitherSink() {
        func write(to bytes: inout some JSONByteSink) {
            var object = JSONObjectWriter(opening: &bytes)
            object.member("a", "quote \" backslash \\ tab \t é 😀 \u{1}", to: &bytes)
            object.member("b", UInt64.max, to: &bytes)
            object.member("c", Int.min, to: &bytes)
            object.member("d", true, to: &bytes)
            object.member("e", [String(repeating: "long/", count: 30), ""], to: &bytes)
            object.close(&bytes)
        }
        var array: [UInt8] = []
        write(to: &array)
        let scratch = ScratchBytes.with(capacity: 40) { scratch in
            write(to: &scratch)
            return scratch.withUnsafeBytes { Array($0) }
        }
        #expect(scratch == array)
        let expectedStart = #"{"a":"quote \" backslash \\ tab \t é 😀 \u0001","#
        #expect(String(decoding: array, as: UTF8.self).hasPrefix(expectedStart))
    }
}
