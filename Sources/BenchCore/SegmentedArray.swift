/// An append-only-growing array stored in fixed-size segments, so that appending never copies what is already
/// stored.
///
/// A Swift `Array` grows by doubling and moving every element to the new storage: at a few hundred thousand
/// ledger entries that is a pause of several milliseconds under the lock of whoever appends (issue 8's
/// schedule-lag measure). Here a full segment is simply followed by a new one; only the small table of segments
/// ever moves.
///
///     var entries = SegmentedArray<Int>()
///     entries.append(7)
///     entries[0]        // 7
///     Array(entries)    // [7]
///
/// - Complexity: `append` is O(1) (amortised over the segment table, which holds one reference per
///   ``segmentLength`` elements); indexing is O(1): a shift and a mask.
public struct SegmentedArray<Element> {
    /// Elements per segment; a power of two, so that an index splits into segment and offset with a shift.
    public static var segmentLength: Int { 1 << segmentShift }
    private static var segmentShift: Int { 12 }

    /// Full segments, then the one being filled; each reserved at ``segmentLength``, so none ever reallocates.
    private var segments: [[Element]] = []
    /// Elements across all segments.
    public private(set) var count = 0

    public init() {}

    /// Adds `element` at the end.
    public mutating func append(_ element: Element) {
        if count & (Self.segmentLength - 1) == 0 {
            var segment: [Element] = []
            segment.reserveCapacity(Self.segmentLength)
            segments.append(segment)
        }
        segments[segments.count - 1].append(element)
        count += 1
    }
}

extension SegmentedArray: RandomAccessCollection, MutableCollection {
    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    public subscript(position: Int) -> Element {
        get {
            precondition(position >= 0 && position < count, "SegmentedArray index \(position) out of 0..<\(count)")
            return segments[position >> Self.segmentShift][position & (Self.segmentLength - 1)]
        }
        _modify {
            // In place: a `set` would copy the element out and back, and copy on write whatever it holds.
            precondition(position >= 0 && position < count, "SegmentedArray index \(position) out of 0..<\(count)")
            yield &segments[position >> Self.segmentShift][position & (Self.segmentLength - 1)]
        }
    }
}

extension SegmentedArray: Sendable where Element: Sendable {}
