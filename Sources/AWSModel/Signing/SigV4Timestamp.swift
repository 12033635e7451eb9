import Foundation

/// A SigV4 timestamp, `yyyyMMdd'T'HHmmss'Z'` in UTC (botocore's `SIGV4_TIMESTAMP`), as sent in `X-Amz-Date`.
public struct SigV4Timestamp: Sendable, Hashable, CustomStringConvertible {
    /// The timestamp text, e.g. `20250115T123456Z`.
    public let text: String

    /// The credential-scope date, e.g. `20250115`.
    public var dateStamp: String { String(text.prefix(8)) }

    public var description: String { text }

    /// The timestamp of `date`, truncated to the whole second as `strftime` does. Dates outside the years
    /// 1...9999 are clamped into them.
    public init(_ date: Date) {
        let limits = -62_135_596_800.0...253_402_300_799.0  // 0001-01-01T00:00:00Z ... 9999-12-31T23:59:59Z
        let interval = date.timeIntervalSince1970
        let clamped = interval.isFinite ? min(max(interval, limits.lowerBound), limits.upperBound) : 0
        let seconds = Int64(clamped.rounded(.down))
        let (days, secondOfDay) = Self.floorDivision(seconds, 86_400)
        let (year, month, day) = Self.civil(daysSinceEpoch: days)
        let digits = [
            (year, 4), (month, 2), (day, 2), (secondOfDay / 3600, 2), (secondOfDay / 60 % 60, 2), (secondOfDay % 60, 2),
        ].map { value, width in
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        text = digits[0] + digits[1] + digits[2] + "T" + digits[3] + digits[4] + digits[5] + "Z"
    }

    /// Accepts `text` only if it has the exact shape `dddddddd'T'dddddd'Z'` (16 characters) with a plausible
    /// month, day, hour, minute and second; `nil` otherwise.
    public init?(parsing text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 16, bytes[8] == UInt8(ascii: "T"), bytes[15] == UInt8(ascii: "Z") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[range] {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let month = number(4..<6), (1...12).contains(month), let day = number(6..<8), (1...31).contains(day),
            let hour = number(9..<11), hour < 24, let minute = number(11..<13), minute < 60,
            let second = number(13..<15), second < 61, number(0..<4) != nil
        else { return nil }
        self.text = text
    }

    private static func floorDivision(_ value: Int64, _ divisor: Int64) -> (quotient: Int64, remainder: Int64) {
        let remainder = (value % divisor + divisor) % divisor
        return ((value - remainder) / divisor, remainder)
    }

    /// Year, month and day of a day count since 1970-01-01 (Howard Hinnant's `civil_from_days`), so that
    /// signing needs neither a `DateFormatter` nor a locale.
    private static func civil(daysSinceEpoch days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
