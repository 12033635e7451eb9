import Foundation

/// Timestamps on the wire, written and read by hand over UTF-8 (no `DateFormatter`: this runs per request).
///
/// Writing rounds to the millisecond, the precision AWS services use: restJson1 (VPC Lattice) writes ISO 8601
/// `2025-01-15T12:34:56.789Z`, awsJson1_1 writes epoch seconds as a JSON number `1736944496.789`. Reading
/// accepts both forms whatever the protocol, like botocore's timestamp parser.
enum WireTimestamp {
    /// Milliseconds since 1970, rounded to nearest (a date built from whole milliseconds comes back exactly).
    static func milliseconds(of date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000).rounded())
    }

    /// The date of `milliseconds` since 1970, built so that equal millisecond counts give equal dates.
    static func date(milliseconds: Int64) -> Date {
        Date(timeIntervalSince1970: Double(milliseconds) / 1000)
    }

    /// Epoch seconds with at most three decimals, as the shortest JSON number that reads back the same.
    static func epochSeconds(_ date: Date) -> String {
        let millis = milliseconds(of: date)
        if millis % 1000 == 0 { return String(millis / 1000) }
        return (Double(millis) / 1000).description
    }

    /// `yyyy-MM-ddTHH:mm:ss.SSSZ` in UTC.
    static func iso8601(_ date: Date) -> String {
        let millis = milliseconds(of: date)
        let (seconds, fraction) = floorDivision(millis, 1000)
        let (days, secondOfDay) = floorDivision(seconds, 86_400)
        let (year, month, day) = civil(fromDays: days)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(24)
        appendDigits(year, width: 4, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        appendDigits(month, width: 2, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        appendDigits(day, width: 2, to: &bytes)
        bytes.append(UInt8(ascii: "T"))
        appendDigits(secondOfDay / 3600, width: 2, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        appendDigits(secondOfDay / 60 % 60, width: 2, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        appendDigits(secondOfDay % 60, width: 2, to: &bytes)
        bytes.append(UInt8(ascii: "."))
        appendDigits(fraction, width: 3, to: &bytes)
        bytes.append(UInt8(ascii: "Z"))
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Parses `yyyy-MM-ddTHH:mm:ss[.fraction](Z|±HH:MM)` (`T`/`t` or a space between date and time); `nil` if
    /// the text is not in that form. Fractions beyond nanoseconds are cut.
    /// - Complexity: O(n) in the length of `text`, no allocation.
    static func parseISO8601(_ text: String) -> Date? {
        var scanner = DigitScanner(text.utf8)
        guard let year = scanner.number(4), scanner.skip("-"), let month = scanner.number(2), scanner.skip("-"),
            let day = scanner.number(2), scanner.skip("T") || scanner.skip("t") || scanner.skip(" "),
            let hour = scanner.number(2), scanner.skip(":"), let minute = scanner.number(2), scanner.skip(":"),
            let second = scanner.number(2),
            (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61
        else { return nil }
        var nanos: Int64 = 0
        if scanner.skip(".") {
            var digits = 0
            while let digit = scanner.digit() {
                if digits < 9 { nanos = nanos * 10 + digit }
                digits += 1
            }
            guard digits > 0 else { return nil }
            for _ in digits..<max(digits, 9) { nanos *= 10 }
        }
        var offset: Int64 = 0
        if scanner.skip("Z") || scanner.skip("z") {
            offset = 0
        } else if let sign: Int64 = scanner.skip("+") ? 1 : scanner.skip("-") ? -1 : nil,
            let offsetHours = scanner.number(2), scanner.skip(":"), let offsetMinutes = scanner.number(2)
        {
            offset = sign * (offsetHours * 3600 + offsetMinutes * 60)
        } else {
            return nil
        }
        guard scanner.atEnd else { return nil }
        let seconds = days(fromCivil: year, month, day) * 86_400 + hour * 3600 + minute * 60 + second - offset
        if nanos % 1_000_000 == 0 { return date(milliseconds: seconds * 1000 + nanos / 1_000_000) }
        return Date(timeIntervalSince1970: Double(seconds) + Double(nanos) / 1e9)
    }

    private static func floorDivision(_ value: Int64, _ divisor: Int64) -> (Int64, Int64) {
        let remainder = value % divisor
        return remainder < 0 ? (value / divisor - 1, remainder + divisor) : (value / divisor, remainder)
    }

    private static func appendDigits(_ value: Int64, width: Int, to bytes: inout [UInt8]) {
        let text = String(value)
        for _ in text.utf8.count..<max(width, text.utf8.count) { bytes.append(UInt8(ascii: "0")) }
        bytes.append(contentsOf: text.utf8)
    }

    /// Howard Hinnant's `civil_from_days`: the proleptic Gregorian date of a day count since 1970-01-01.
    private static func civil(fromDays days: Int64) -> (Int64, Int64, Int64) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// Howard Hinnant's `days_from_civil`: the inverse of ``civil(fromDays:)``.
    private static func days(fromCivil year: Int64, _ month: Int64, _ day: Int64) -> Int64 {
        let adjustedYear = month <= 2 ? year - 1 : year
        let era = (adjustedYear >= 0 ? adjustedYear : adjustedYear - 399) / 400
        let yearOfEra = adjustedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}

/// A forward cursor over ASCII digits and punctuation for ``WireTimestamp/parseISO8601(_:)``.
private struct DigitScanner {
    private let bytes: String.UTF8View
    private var index: String.UTF8View.Index

    init(_ bytes: String.UTF8View) {
        self.bytes = bytes
        self.index = bytes.startIndex
    }

    var atEnd: Bool { index == bytes.endIndex }

    /// Consumes `character` if it comes next.
    mutating func skip(_ character: Unicode.Scalar) -> Bool {
        guard index != bytes.endIndex, bytes[index] == UInt8(ascii: character) else { return false }
        index = bytes.index(after: index)
        return true
    }

    /// Consumes one digit and returns its value.
    mutating func digit() -> Int64? {
        guard index != bytes.endIndex, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) else {
            return nil
        }
        defer { index = bytes.index(after: index) }
        return Int64(bytes[index] - UInt8(ascii: "0"))
    }

    /// Consumes exactly `count` digits and returns their value, or consumes nothing useful and returns `nil`.
    mutating func number(_ count: Int) -> Int64? {
        var value: Int64 = 0
        for _ in 0..<count {
            guard let digit = digit() else { return nil }
            value = value * 10 + digit
        }
        return value
    }
}
