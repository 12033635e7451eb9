/// Where ``JSONText`` and ``JSONObjectWriter`` put the bytes they write: a `[UInt8]`, or ``ScratchBytes``.
///
/// The writers are generic over it and inlinable, so each caller gets code specialized for its sink: a `[UInt8]`
/// where the bytes are kept (request bodies, tests), ``ScratchBytes`` where a history line is assembled and copied
/// out at once (``ScratchBytes`` appends without an array's uniqueness and capacity checks).
public protocol JSONByteSink {
    mutating func append(_ byte: UInt8)
    mutating func append(contentsOf bytes: UnsafeRawBufferPointer)
}

extension Array: JSONByteSink where Element == UInt8 {}
