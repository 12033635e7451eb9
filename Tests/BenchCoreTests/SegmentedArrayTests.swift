import BenchCore
import Testing

/// The ledger and the emulator's creation-ordered lists are ``SegmentedArray``s: order, indexing and in-place
/// edits must hold across segment boundaries.
@Suite struct SegmentedArrayTests {
    @Test(arguments: [0, 1, SegmentedArray<Int>.segmentLength - 1, SegmentedArray<Int>.segmentLength,
                      SegmentedArray<Int>.segmentLength + 1, 3 * SegmentedArray<Int>.segmentLength + 5])
    func keepsOrderAndIndexesAcrossSegments(count: Int) {
        var segmented = SegmentedArray<Int>()
        for value in 0..<count { segmented.append(value * 3) }
        #expect(segmented.count == count)
        #expect(Array(segmented) == (0..<count).map { $0 * 3 })
        if count > 0 {
            #expect(segmented[count - 1] == (count - 1) * 3)
            #expect(segmented.last == (count - 1) * 3)
            #expect(Array(segmented.dropFirst(count - 1)) == [(count - 1) * 3])
        }
    }

    @Test func editsElementsInPlaceAcrossSegments() {
        var segmented = SegmentedArray<[Int]>()
        let length = SegmentedArray<[Int]>.segmentLength
        for _ in 0..<(length + 2) { segmented.append([]) }
        segmented[length - 1].append(1)
        segmented[length].append(2)
        segmented[length + 1] = [3, 4]
        #expect(segmented[length - 1] == [1] && segmented[length] == [2] && segmented[length + 1] == [3, 4])
        #expect(segmented[0].isEmpty && segmented.count == length + 2)
    }
}
