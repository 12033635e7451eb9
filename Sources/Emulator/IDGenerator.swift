import BenchCore

/// Deterministic resource ids from a seeded generator, in the formats the real services use
/// (`tg-` + 17 of `[0-9a-z]`, Cloud Map operation ids, CodeDeploy `d-` + 9 of `[0-9A-Z]`, ...).
///
/// Not thread-safe on its own: each emulated service keeps one inside its locked state.
public struct IDGenerator: Sendable {
    private var random: SplitMix64

    public init(seed: UInt64, stream: String) {
        random = SplitMix64(seed: seed).derived(stream)
    }

    public static let lowerAlphanumeric = Array("0123456789abcdefghijklmnopqrstuvwxyz".utf8)
    public static let upperAlphanumeric = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ".utf8)
    public static let hexDigits = Array("0123456789abcdef".utf8)

    /// `count` characters drawn uniformly from `alphabet`.
    public mutating func string(_ count: Int, from alphabet: [UInt8]) -> String {
        id("", count, from: alphabet)
    }

    /// `prefix` followed by `count` characters of `alphabet`.
    /// - Complexity: O(characters), written straight into the string's storage (one allocation, none for up to
    ///   15 bytes).
    public mutating func id(_ prefix: String, _ count: Int, from alphabet: [UInt8] = lowerAlphanumeric) -> String {
        let prefixLength = prefix.utf8.count
        return String(unsafeUninitializedCapacity: prefixLength + count) { bytes in
            _ = bytes.initialize(fromContentsOf: prefix.utf8)
            return draw(count, from: alphabet, into: bytes, at: prefixLength)
        }
    }

    /// Two groups of characters drawn from `alphabet`, joined by `-`: `first`, then `second` characters (`32, 8`:
    /// a Cloud Map operation id), the characters ``string(_:from:)`` would draw for each in turn.
    public mutating func string(_ first: Int, dash second: Int, from alphabet: [UInt8]) -> String {
        String(unsafeUninitializedCapacity: first + 1 + second) { bytes in
            let dash = draw(first, from: alphabet, into: bytes, at: 0)
            bytes[dash] = UInt8(ascii: "-")
            return draw(second, from: alphabet, into: bytes, at: dash + 1)
        }
    }

    /// Writes `count` characters of `alphabet` into `bytes` from `start`; returns the index after the last.
    private mutating func draw(
        _ count: Int, from alphabet: [UInt8], into bytes: UnsafeMutableBufferPointer<UInt8>, at start: Int
    ) -> Int {
        for index in start..<start + count { bytes[index] = alphabet[Int(random.next() % UInt64(alphabet.count))] }
        return start + count
    }

    /// A version-4-shaped UUID string (for request ids).
    ///
    /// Draws 32 hex digits, as ``string(_:from:)`` would, and lays them out as `8-4-4-4-12` with digit 12 replaced
    /// by `4` and digit 16 by `a`. - Complexity: O(1), written straight into the string's storage.
    public mutating func uuid() -> String {
        String(unsafeUninitializedCapacity: 36) { bytes in
            let digits = IDGenerator.hexDigits
            var index = 0
            for position in 0..<32 {
                if position == 8 || position == 12 || position == 16 || position == 20 {
                    bytes[index] = UInt8(ascii: "-")
                    index += 1
                }
                let digit = digits[Int(random.next() % UInt64(digits.count))]
                bytes[index] = position == 12 ? UInt8(ascii: "4") : position == 16 ? UInt8(ascii: "a") : digit
                index += 1
            }
            return 36
        }
    }
}
