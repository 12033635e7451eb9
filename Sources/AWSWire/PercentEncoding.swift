/// Percent-encoding and -decoding as botocore and AWS servers do it.
///
/// botocore's `percent_encode` leaves only the RFC 3986 unreserved characters `A-Z a-z 0-9 - . _ ~` as they are
/// and writes everything else as `%XX` (upper-case hex) of its UTF-8 bytes; so an ARN in a path becomes
/// `arn%3Aaws%3A...%2Ftg-...`, and a query value `a/b+c=` becomes `a%2Fb%2Bc%3D`.
enum PercentEncoding {
    /// `value` with every byte outside the unreserved set written as `%XX`.
    /// - Complexity: O(n) in the UTF-8 length of `value`.
    static func encode(_ value: String) -> String {
        if value.utf8.allSatisfy(isUnreserved) { return value }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(value.utf8.count * 3)
        for byte in value.utf8 {
            if isUnreserved(byte) {
                bytes.append(byte)
            } else {
                bytes.append(UInt8(ascii: "%"))
                bytes.append(hexDigits[Int(byte >> 4)])
                bytes.append(hexDigits[Int(byte & 0x0F)])
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `name=value` pairs joined with `&`, each side encoded (botocore's `percent_encode_sequence`).
    static func encodeQuery(_ pairs: [(name: String, value: String)]) -> String {
        pairs.map { encode($0.name) + "=" + encode($0.value) }.joined(separator: "&")
    }

    /// `value` with every `%XX` replaced by its byte; `nil` when a `%` is not followed by two hex digits or the
    /// bytes are not UTF-8. `+` stays `+` (RFC 3986; botocore never sends a `+` unencoded).
    /// - Complexity: O(n) in the UTF-8 length of `value`.
    static func decode<S: StringProtocol>(_ value: S) -> String? {
        let utf8 = value.utf8
        if !utf8.contains(UInt8(ascii: "%")) { return String(value) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        var index = utf8.startIndex
        while index != utf8.endIndex {
            let byte = utf8[index]
            index = utf8.index(after: index)
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard index != utf8.endIndex, let high = hexValue(utf8[index]) else { return nil }
            index = utf8.index(after: index)
            guard index != utf8.endIndex, let low = hexValue(utf8[index]) else { return nil }
            index = utf8.index(after: index)
            bytes.append(high << 4 | low)
        }
        return String(validating: bytes, as: UTF8.self)
    }

    /// The `name=value` pairs of a raw query string, decoded, in order. Empty pieces are skipped and a piece
    /// without `=` has an empty value. `nil` when any piece is not validly percent-encoded.
    static func decodeQuery(_ query: String) -> [(name: String, value: String)]? {
        var pairs: [(name: String, value: String)] = []
        for piece in query.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = piece.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = decode(parts[0]), let value = parts.count > 1 ? decode(parts[1]) : "" else {
                return nil
            }
            pairs.append((name, value))
        }
        return pairs
    }

    private static let hexDigits: [UInt8] = Array("0123456789ABCDEF".utf8)

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
            UInt8(ascii: "~"):
            true
        default: false
        }
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        default: nil
        }
    }
}
