/// A live endpoint's address, parsed from `http://HOST[:PORT]` or `https://HOST[:PORT]`.
///
/// The scheme picks the transport: `http` goes to the epoll HTTP/1.1 client, `https` to URLSession. Anything else
/// (a path, a query, user info, an IPv6 literal, another scheme) is refused with an error that names the URL.
public struct EndpointURL: Sendable, Hashable, CustomStringConvertible {
    /// The URL schemes bench sends to.
    public enum Scheme: String, Sendable, Hashable {
        case http
        case https

        /// The port a URL without one means.
        public var defaultPort: Int { self == .http ? 80 : 443 }
    }

    public let scheme: Scheme
    /// A host name or an IPv4 literal, as written.
    public let host: String
    public let port: Int

    public init(scheme: Scheme, host: String, port: Int) {
        self.scheme = scheme
        self.host = host
        self.port = port
    }

    /// `scheme://host:port`.
    public var description: String { "\(scheme.rawValue)://\(host):\(port)" }

    /// Parses `url`, hand-written over UTF-8 (no regular expressions).
    /// - Throws: ``SetupError`` naming `url` and what is wrong with it.
    public static func parse(_ url: String) throws(SetupError) -> EndpointURL {
        func refuse(_ reason: String) -> SetupError { SetupError("endpoint \(url): \(reason)") }
        let scheme: Scheme
        var rest: Substring
        if let separator = url.firstRange(of: "://") {
            guard let known = Scheme(rawValue: url[..<separator.lowerBound].lowercased()) else {
                throw refuse("the scheme must be http:// or https://")
            }
            scheme = known
            rest = url[separator.upperBound...]
        } else {
            throw refuse("expected http://HOST[:PORT] or https://HOST[:PORT]")
        }
        if let slash = rest.firstIndex(of: "/") {
            guard rest[slash...].allSatisfy({ $0 == "/" }) else {
                throw refuse("a path is not supported; give only \(scheme.rawValue)://HOST[:PORT]")
            }
            rest = rest[..<slash]
        }
        if rest.contains("?") || rest.contains("#") { throw refuse("a query or fragment is not supported") }
        if rest.contains("@") { throw refuse("user info is not supported; credentials come from the environment") }
        if rest.hasPrefix("[") { throw refuse("IPv6 literals are not supported; use an IPv4 address or a host name") }
        let parts = rest.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        let host = parts[0]
        guard !host.isEmpty else { throw refuse("the host is empty") }
        guard host.utf8.count <= 253, host.utf8.allSatisfy(Self.isHostByte) else {
            throw refuse("the host must be at most 253 of [A-Za-z0-9.-] (got \"\(host)\")")
        }
        guard parts.count == 2 else { return EndpointURL(scheme: scheme, host: String(host), port: scheme.defaultPort) }
        let digits = parts[1]
        guard !digits.isEmpty, digits.utf8.count <= 5, digits.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
            let port = Int(digits), (1...65_535).contains(port)
        else { throw refuse("the port must be in 1...65535 (got \"\(digits)\")") }
        return EndpointURL(scheme: scheme, host: String(host), port: port)
    }

    private static func isHostByte(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x2D, 0x2E: true
        default: false
        }
    }
}
