/// A stable 64-bit FNV-1a digest, printed as 16 hex digits.
///
/// Used for the emulator ledger's parameter digests and for instance attribute digests: the same canonical
/// parameters get the same digest in every run, on every machine and in every build (unlike `Hasher`, which is
/// seeded per process), so a newer `bench check` can re-check an older run's files. (A request's parameter digest in
/// the history is compared only within its run, and uses the faster ``WordStreamDigest``.)
public struct StableDigest: Sendable {
    private var hash: UInt64 = 0xCBF2_9CE4_8422_2325

    public init() {}

    /// Mixes in the UTF-8 bytes of `string`, followed by a separator so that ("ab","c") != ("a","bc").
    /// - Complexity: O(n) in the UTF-8 length; the bytes are read in place (a quarter faster than iterating
    ///   `utf8`, and digests are computed on every call: parameter digests, the emulator's ledger).
    public mutating func combine(_ string: String) {
        var hash = self.hash
        string.withUTF8Bytes { bytes in
            for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        }
        self.hash = (hash ^ 0x1F) &* 0x0000_0100_0000_01B3
    }

    /// Mixes in an integer's decimal form.
    public mutating func combine(_ value: Int) { combine(String(value)) }

    /// Mixes in the 8 bytes of `value` (little-endian), without a separator: for fixed-width fields such as
    /// lengths and numbers, where it is cheaper than ``combine(_:)-(Int)`` (no decimal text).
    public mutating func combine(raw value: UInt64) {
        for shift in stride(from: 0, to: 64, by: 8) {
            hash = (hash ^ (value >> UInt64(shift) & 0xFF)) &* 0x0000_0100_0000_01B3
        }
    }

    /// The digest as 16 lowercase hex digits.
    public var hex: String { Self.hex(hash) }

    /// `hash` as 16 lowercase hex digits, leading zeros kept (the form every digest in a report takes).
    /// - Complexity: O(1): 16 digits written straight into the string's storage, eight at a time (``HexDigits``).
    public static func hex(_ hash: UInt64) -> String {
        String(unsafeUninitializedCapacity: 16) { bytes in
            HexDigits.writeSixteen(hash, to: UnsafeMutableRawPointer(bytes.baseAddress!))
            return 16
        }
    }
}
