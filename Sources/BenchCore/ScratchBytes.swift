/// A byte buffer that starts on the stack and moves to the heap only when it outgrows it: where one line of JSON is
/// assembled before it is copied out in one step (`JSONLinesWriter` writes every `history.jsonl` line this way).
///
/// Appends write through a pointer, one capacity check each. An `Array` append also checks that its storage is
/// unique, often out of line; a history line is a few hundred appends, and side by side the line cost
/// (`scripts/bench-part.sh history`) fell as `docs/performance-journal.md` records.
///
/// Valid only inside ``with(capacity:_:)``, which owns the memory: a copy must not escape the closure.
public struct ScratchBytes: JSONByteSink {
    @usableFromInline var base: UnsafeMutablePointer<UInt8>
    @usableFromInline var capacity: Int
    /// The heap storage, once the bytes outgrew the stack; freed by ``with(capacity:_:)``.
    @usableFromInline var heap: UnsafeMutablePointer<UInt8>?
    @usableFromInline var used = 0

    /// How many bytes were appended.
    public var count: Int { used }

    @usableFromInline
    init(base: UnsafeMutablePointer<UInt8>, capacity: Int) {
        self.base = base
        self.capacity = capacity
    }

    /// Calls `body` with an empty buffer of `capacity` bytes on the stack, and frees any heap storage it grew
    /// into when `body` returns.
    @inlinable
    public static func with<Result>(
        capacity: Int, _ body: (inout ScratchBytes) throws -> Result
    ) rethrows -> Result {
        try withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Swift.max(capacity, 1)) { stack in
            var bytes = ScratchBytes(base: stack.baseAddress!, capacity: stack.count)
            defer { bytes.heap?.deallocate() }
            return try body(&bytes)
        }
    }

    @inlinable @inline(__always)
    public mutating func append(_ byte: UInt8) {
        if used == capacity { grow(toHold: used + 1) }
        base[used] = byte
        used += 1
    }

    @inlinable @inline(__always)
    public mutating func append(contentsOf bytes: UnsafeRawBufferPointer) {
        guard let source = bytes.baseAddress else { return }
        if bytes.count > capacity - used { grow(toHold: used + bytes.count) }
        UnsafeMutableRawPointer(base + used).copyMemory(from: source, byteCount: bytes.count)
        used += bytes.count
    }

    /// Calls `body` with the bytes appended so far.
    @inlinable
    public func withUnsafeBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        try body(UnsafeRawBufferPointer(start: base, count: used))
    }

    /// Moves the bytes to heap storage of at least `needed` bytes (at least twice the current capacity).
    @usableFromInline
    mutating func grow(toHold needed: Int) {
        let newCapacity = Swift.max(needed, capacity * 2)
        let storage = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        storage.initialize(from: base, count: used)
        heap?.deallocate()
        heap = storage
        base = storage
        capacity = newCapacity
    }
}
