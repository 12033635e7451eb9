/// The SigV4 canonical request, built exactly as botocore's `SigV4Auth.canonical_request` builds it
/// (`wire.md` §4.1 step 3):
///
/// ```
/// METHOD
/// canonical URI      (raw path, dot segments and empty segments removed, percent-encoded once more)
/// canonical query    (raw query pairs sorted, not re-encoded)
/// name:trimall(value) lines, sorted by name, repeated headers joined with ","
/// (blank line)
/// signed header names joined with ";"
/// payload hash
/// ```
///
/// With temporary credentials ``text`` contains the signed `x-amz-security-token`: keep it out of reports.
///
/// The caller decides which headers take part: the signer drops botocore's blacklist, the verifier keeps
/// exactly those named in `SignedHeaders`.
public struct CanonicalRequest: Sendable, Hashable {
    /// The canonical request text; its SHA-256 goes into the string to sign.
    public let text: String
    /// The `SignedHeaders` value: the sorted, lower-case names of the headers in ``text``.
    public let signedHeaders: String

    /// Builds the canonical request.
    /// - Parameters:
    ///   - method: The HTTP method; upper-cased.
    ///   - path: The path exactly as sent on the wire (already percent-encoded).
    ///   - query: The query exactly as sent, without `?`; empty when there is none.
    ///   - headers: The `(name, value)` headers to sign, in wire order; names are lower-cased here.
    ///   - payloadHash: The hex SHA-256 of the body, or the `X-Amz-Content-SHA256` value.
    /// - Complexity: O(n log n) in the number of headers and query pairs, O(n) in their lengths.
    public init(method: String, path: String, query: String, headers: [(String, String)], payloadHash: String) {
        let lowered = headers.enumerated().map { order, header in
            (name: header.0.lowercased(), value: header.1, order: order)
        }
        // Sorted by name; headers of the same name keep their wire order, as `HTTPHeaders.get_all` returns them.
        let sorted = lowered.sorted { lhs, rhs in
            lhs.name.utf8.elementsEqual(rhs.name.utf8)
                ? lhs.order < rhs.order : lhs.name.utf8.lexicographicallyPrecedes(rhs.name.utf8)
        }
        var headerBlock = ""
        var names: [String] = []
        for header in sorted {
            if let last = names.last, last.utf8.elementsEqual(header.name.utf8) {
                headerBlock += "," + Self.trimAll(header.value)
            } else {
                if !names.isEmpty { headerBlock += "\n" }
                names.append(header.name)
                headerBlock += header.name + ":" + Self.trimAll(header.value)
            }
        }
        signedHeaders = names.joined(separator: ";")
        text = [
            method.uppercased(), Self.canonicalURI(path), Self.canonicalQuery(query), headerBlock + "\n",
            signedHeaders, payloadHash,
        ].joined(separator: "\n")
    }

    /// `quote(normalize_url_path(path), safe='/~')`: empty and `.` segments are dropped, `..` removes the
    /// segment before it, a trailing `/` is kept, and then every byte except letters, digits, `-._~` and `/`
    /// is percent-encoded, so an already encoded `%3A` becomes `%253A` (vector V2).
    public static func canonicalURI(_ path: String) -> String {
        let bytes = Array(path.utf8)
        guard !bytes.isEmpty else { return "/" }
        var segments: [ArraySlice<UInt8>] = []
        for segment in bytes.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: true) {
            if segment.elementsEqual([UInt8(ascii: ".")]) { continue }
            if segment.elementsEqual([UInt8(ascii: "."), UInt8(ascii: ".")]) {
                _ = segments.popLast()
            } else {
                segments.append(segment)
            }
        }
        var normalized: [UInt8] = bytes.first == UInt8(ascii: "/") ? [UInt8(ascii: "/")] : []
        normalized.append(contentsOf: segments.joined(separator: [UInt8(ascii: "/")]))
        if bytes.last == UInt8(ascii: "/") && !segments.isEmpty { normalized.append(UInt8(ascii: "/")) }
        return percentEncode(normalized)
    }

    /// The raw query split at `&` and each pair at its first `=`, the `(key, value)` pairs sorted by code
    /// point, and joined back as `key=value` with `&`. Nothing is decoded or re-encoded: botocore signs the
    /// query exactly as its serializer wrote it (RFC 3986 encoding, space as `%20`).
    public static func canonicalQuery(_ query: String) -> String {
        guard !query.isEmpty else { return "" }
        let pairs: [(key: Substring, value: Substring)] = query.split(
            separator: "&", omittingEmptySubsequences: false
        ).map { (pair: Substring) in
            guard let equals = pair.firstIndex(of: "=") else { return (pair, pair[pair.endIndex...]) }
            return (pair[..<equals], pair[pair.index(after: equals)...])
        }
        return pairs.sorted { lhs, rhs in
            lhs.key.utf8.elementsEqual(rhs.key.utf8)
                ? lhs.value.utf8.lexicographicallyPrecedes(rhs.value.utf8)
                : lhs.key.utf8.lexicographicallyPrecedes(rhs.key.utf8)
        }
        .map { "\($0.key)=\($0.value)" }
        .joined(separator: "&")
    }

    /// Python's `' '.join(value.split())`: leading and trailing whitespace removed and every inner run of
    /// whitespace replaced by one space. Whitespace is what Python's `str.isspace` accepts: the ASCII
    /// separators (including `\x1c`–`\x1f`) plus Unicode white space.
    public static func trimAll(_ value: String) -> String {
        var result = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in value.unicodeScalars {
            if isPythonWhitespace(scalar) {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace { result.append(" ") }
                pendingSpace = false
                result.append(scalar)
            }
        }
        return String(result)
    }

    private static func isPythonWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x1C...0x20: true
        case 0..<0x80: false
        default: scalar.properties.isWhitespace
        }
    }

    /// Python's `quote(…, safe='/~')` over UTF-8 bytes: unreserved bytes and `/` stay, the rest become `%XX`.
    private static func percentEncode(_ bytes: [UInt8]) -> String {
        var encoded: [UInt8] = []
        encoded.reserveCapacity(bytes.count)
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"), UInt8(ascii: "/"):
                encoded.append(byte)
            default:
                encoded.append(UInt8(ascii: "%"))
                encoded.append(upperHexDigit(byte >> 4))
                encoded.append(upperHexDigit(byte & 0x0F))
            }
        }
        return String(decoding: encoded, as: UTF8.self)
    }

    private static func upperHexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "A") + nibble - 10
    }
}
