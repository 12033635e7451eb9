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
///
/// Its members are `@inlinable`, so that callers in other modules get code specialised to their key and value
/// types: unspecialised, generic lookups cost the emulator more than the pauses they remove.
public struct SegmentedArray<Element> {
    /// Elements per segment; a power of two, so that an index splits into segment and offset with a shift.
    @inlinable public static var segmentLength: Int { 1 << segmentShift }
    @inlinable static var segmentShift: Int { 12 }

    /// Full segments, then the one being filled; each reserved at ``segmentLength``, so none ever reallocates.
    @usableFromInline var segments: [[Element]] = []
    /// Elements across all segments.
    @inlinable public var count: Int { storedCount }
    @usableFromInline var storedCount = 0

    @inlinable public init() {}

    /// Adds `element` at the end, moved in (a caller that hands it over pays for no copy).
    @inlinable public mutating func append(_ element: consuming Element) {
        if count & (Self.segmentLength - 1) == 0 {
            var segment: [Element] = []
            segment.reserveCapacity(Self.segmentLength)
            segments.append(segment)
        }
        segments[segments.count - 1].append(element)
        storedCount += 1
    }
}

extension SegmentedArray: RandomAccessCollection, MutableCollection {
    @inlinable public var startIndex: Int { 0 }
    @inlinable public var endIndex: Int { count }

    @inlinable public subscript(position: Int) -> Element {
        _read {
            // Borrowed in place: reading one member (`list[i].id`) does not copy the whole element first.
            precondition(position >= 0 && position < count, "SegmentedArray index \(position) out of 0..<\(count)")
            yield segments[position >> Self.segmentShift][position & (Self.segmentLength - 1)]
        }
        _modify {
            // In place: a `set` would copy the element out and back, and copy on write whatever it holds.
            precondition(position >= 0 && position < count, "SegmentedArray index \(position) out of 0..<\(count)")
            yield &segments[position >> Self.segmentShift][position & (Self.segmentLength - 1)]
        }
    }
}

extension SegmentedArray: Sendable where Element: Sendable {}
