/// C's `%W.Pf` and `%Wd`, byte for byte as glibc prints them, without `String(format:)`.
///
/// `String(format:)` goes through `CVarArg` boxing and Foundation's format parser, and C's `printf` family reads
/// the process locale (`LC_NUMERIC` can turn the point into a comma). Reports must be identical on every machine,
/// so this formatter works from the exact binary value of the double: it scales the 53-bit significand by
/// `10^P` and `2^exponent` in a small big integer and rounds half to even on the exact value, as glibc does
/// (`%.2f` of 0.125 is `0.12`, of 2.675, which is really 2.67499999..., is `2.67`).
enum FixedPointFormat {
    /// `value` with `fractionDigits` digits after the point, right-aligned in `width` characters (C `%W.Pf`).
    /// Non-finite values print as `inf`, `-inf` and `nan`, as in C.
    static func fixed(_ value: Double, fractionDigits: Int, width: Int = 0) -> String {
        padded(unpaddedFixed(value, fractionDigits: Swift.max(0, fractionDigits)), width: width)
    }

    /// `value` right-aligned in `width` characters (C `%Wd`).
    static func integer(_ value: UInt64, width: Int = 0) -> String {
        padded(String(value), width: width)
    }

    /// `text` with spaces in front up to `width` characters.
    static func padded(_ text: String, width: Int) -> String {
        let length = text.utf8.count
        return length >= width ? text : String(repeating: " ", count: width - length) + text
    }

    private static func unpaddedFixed(_ value: Double, fractionDigits: Int) -> String {
        let sign = value.sign == .minus ? "-" : ""
        guard value.isFinite else { return value.isNaN ? "nan" : sign + "inf" }
        // value = significand * 2^exponent exactly, with an integer significand of up to 53 bits.
        let biasedExponent = Int(value.exponentBitPattern)
        let significand = value.significandBitPattern | (biasedExponent == 0 ? 0 : 1 << 52)
        let exponent = (biasedExponent == 0 ? 1 : biasedExponent) - 1075

        var scaled = LittleBigInt(significand)
        for _ in 0..<fractionDigits { scaled.multiply(by: 10) }
        if exponent >= 0 {
            scaled.shiftLeft(by: exponent)
        } else {
            scaled.shiftRightRoundingHalfToEven(by: -exponent)
        }

        var digits = scaled.decimalString
        if digits.utf8.count <= fractionDigits {
            digits = String(repeating: "0", count: fractionDigits + 1 - digits.utf8.count) + digits
        }
        guard fractionDigits > 0 else { return sign + digits }
        let point = digits.index(digits.endIndex, offsetBy: -fractionDigits)
        return sign + digits[..<point] + "." + digits[point...]
    }
}

/// A non-negative integer of any size, as little-endian 32-bit limbs; just what ``FixedPointFormat`` needs.
private struct LittleBigInt {
    private var limbs: [UInt32]

    init(_ value: UInt64) {
        limbs = [UInt32(truncatingIfNeeded: value), UInt32(truncatingIfNeeded: value >> 32)]
        trim()
    }

    private mutating func trim() {
        while limbs.last == 0 { limbs.removeLast() }
    }

    mutating func multiply(by factor: UInt32) {
        var carry: UInt64 = 0
        for index in limbs.indices {
            let product = UInt64(limbs[index]) * UInt64(factor) + carry
            limbs[index] = UInt32(truncatingIfNeeded: product)
            carry = product >> 32
        }
        if carry != 0 { limbs.append(UInt32(carry)) }
    }

    mutating func shiftLeft(by bits: Int) {
        guard !limbs.isEmpty else { return }
        let (whole, part) = bits.quotientAndRemainder(dividingBy: 32)
        if part != 0 {
            var carry: UInt32 = 0
            for index in limbs.indices {
                let limb = limbs[index]
                limbs[index] = limb << UInt32(part) | carry
                carry = limb >> UInt32(32 - part)
            }
            if carry != 0 { limbs.append(carry) }
        }
        limbs.insert(contentsOf: repeatElement(0, count: whole), at: 0)
    }

    /// Divides by `2^bits` and rounds the quotient to the nearest integer, ties to even.
    mutating func shiftRightRoundingHalfToEven(by bits: Int) {
        let halfBit = bits - 1
        let half = bit(halfBit)
        let belowHalf = (0..<halfBit).contains { bit($0) }
        let (whole, part) = bits.quotientAndRemainder(dividingBy: 32)
        if whole >= limbs.count {
            limbs = []
        } else {
            limbs.removeFirst(whole)
            if part != 0 {
                for index in limbs.indices {
                    let next = index + 1 < limbs.count ? limbs[index + 1] : 0
                    limbs[index] = limbs[index] >> UInt32(part) | next << UInt32(32 - part)
                }
            }
            trim()
        }
        if half, belowHalf || bit(0) { increment() }
    }

    private func bit(_ position: Int) -> Bool {
        guard position >= 0 else { return false }
        let (limb, offset) = position.quotientAndRemainder(dividingBy: 32)
        return limb < limbs.count && limbs[limb] >> UInt32(offset) & 1 == 1
    }

    private mutating func increment() {
        for index in limbs.indices {
            limbs[index] &+= 1
            if limbs[index] != 0 { return }
        }
        limbs.append(1)
    }

    /// Decimal digits, without leading zeros ("0" for zero).
    var decimalString: String {
        var remaining = self
        var chunks: [UInt32] = []  // base 10^9, least significant first
        while !remaining.limbs.isEmpty {
            chunks.append(remaining.divide(by: 1_000_000_000))
        }
        guard let top = chunks.last else { return "0" }
        var text = String(top)
        for chunk in chunks.dropLast().reversed() {
            let digits = String(chunk)
            text += String(repeating: "0", count: 9 - digits.utf8.count) + digits
        }
        return text
    }

    /// Divides in place by `divisor` and returns the remainder.
    private mutating func divide(by divisor: UInt32) -> UInt32 {
        var remainder: UInt64 = 0
        for index in limbs.indices.reversed() {
            let current = remainder << 32 | UInt64(limbs[index])
            limbs[index] = UInt32(current / UInt64(divisor))
            remainder = current % UInt64(divisor)
        }
        trim()
        return UInt32(remainder)
    }
}
