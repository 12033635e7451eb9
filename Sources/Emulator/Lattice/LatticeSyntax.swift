import BenchCore

/// Hand-written matchers for the VPC Lattice patterns (wire.md §1.2.1) and the target id formats, over UTF-8.
///
/// The model's patterns are matched in full (as the service does), without `Regex`: each matcher is one pass
/// over the bytes with no allocation beyond the split of an ARN into its parts.
/// - Complexity: O(n) in the length of the string, for every matcher.
enum LatticeSyntax {
    /// A target group identifier that passed the model pattern.
    enum Identifier: Equatable {
        /// `tg-` + 17 of `[0-9a-z]`.
        case id(String)
        /// A target group ARN, and the id at its end.
        case arn(String, id: String)

        var id: String {
            switch self {
            case .id(let id), .arn(_, let id): id
            }
        }

        /// The identifier as the caller wrote it.
        var text: String {
            switch self {
            case .id(let id), .arn(let id, _): id
            }
        }
    }

    // MARK: Target groups

    /// What is wrong with `name` against `(?!tg-)(?![-])(?!.*[-]$)(?!.*[-]{2})[a-z0-9-]+`, or `nil` when it matches.
    static func targetGroupNameProblem(_ name: String) -> String? {
        let bytes = name.utf8
        if bytes.starts(with: "tg-".utf8) { return "must not start with 'tg-'" }
        var previous: UInt8 = 0
        for byte in bytes {
            guard isLowerAlphanumeric(byte) || byte == hyphen else {
                return "may contain only a-z, 0-9 and hyphens"
            }
            if byte == hyphen && previous == hyphen { return "must not contain two hyphens in a row" }
            previous = byte
        }
        if bytes.first == hyphen || bytes.last == hyphen { return "must not start or end with a hyphen" }
        return nil
    }

    /// `tg-[0-9a-z]{17}`.
    static func isTargetGroupID(_ bytes: some Collection<UInt8>) -> Bool {
        bytes.count == 20 && bytes.starts(with: "tg-".utf8) && bytes.dropFirst(3).allSatisfy(isLowerAlphanumeric)
    }

    /// `targetGroupIdentifier`: `tg-[0-9a-z]{17}` or
    /// `arn:[a-z0-9\-]+:vpc-lattice:[a-zA-Z0-9\-]+:\d{12}:targetgroup/tg-[0-9a-z]{17}`; `nil` when neither.
    static func targetGroupIdentifier(_ value: String) -> Identifier? {
        // Read in place: every RegisterTargets names its group, and stepping a `String.UTF8View` costs several times
        // more per byte than a buffer.
        if value.withUTF8Bytes({ isTargetGroupID($0) }) { return .id(value) }
        let parts = value.utf8.split(separator: colon, maxSplits: 5, omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0].elementsEqual("arn".utf8), isPartition(parts[1]),
            parts[2].elementsEqual("vpc-lattice".utf8), isToken(parts[3], allowUpper: true), isAccount(parts[4]),
            parts[5].starts(with: "targetgroup/".utf8)
        else { return nil }
        let id = parts[5].dropFirst("targetgroup/".utf8.count)
        guard isTargetGroupID(id) else { return nil }
        return .arn(value, id: String(Substring(id)))
    }

    /// `vpc-(([0-9a-z]{8})|([0-9a-z]{17}))`.
    static func isVPCIdentifier(_ value: String) -> Bool {
        let bytes = value.utf8
        return (bytes.count == 12 || bytes.count == 21) && bytes.starts(with: "vpc-".utf8)
            && bytes.dropFirst(4).allSatisfy(isLowerAlphanumeric)
    }

    /// `.*[!-~]+.*`: at least one printable, non-space ASCII character.
    static func isClientToken(_ value: String) -> Bool {
        value.utf8.contains { $0 >= 0x21 && $0 <= 0x7E }
    }

    /// `.*(^/[a-zA-Z0-9@:%_+.~#?&/=-]*$|(^$)).*`: empty, or `/` followed by URI characters.
    static func isHealthCheckPath(_ value: String) -> Bool {
        let bytes = value.utf8
        guard let first = bytes.first else { return true }
        return first == slash && bytes.allSatisfy { isAlphanumeric($0) || pathPunctuation.contains($0) }
    }

    /// `.*(^[0-9-,]+$|(^$)).*`: empty, or digits, hyphens and commas.
    static func isHTTPCodeMatcher(_ value: String) -> Bool {
        value.utf8.allSatisfy { isDigit($0) || $0 == hyphen || $0 == comma }
    }

    // MARK: Target ids

    /// An EC2 instance id: `i-` followed by 8 or 17 lowercase hex digits.
    static func isInstanceID(_ value: String) -> Bool {
        let bytes = value.utf8
        return (bytes.count == 10 || bytes.count == 19) && bytes.starts(with: "i-".utf8)
            && bytes.dropFirst(2).allSatisfy(isLowerHex)
    }

    /// A dotted-quad IPv4 literal as `inet_pton` takes it: four decimal parts 0-255 without leading zeros.
    static func isIPv4(_ bytes: some Collection<UInt8>) -> Bool {
        var parts = 0
        var value = 0
        var digits = 0
        for byte in bytes {
            if byte == dot {
                guard digits > 0, parts < 3 else { return false }
                parts += 1
                value = 0
                digits = 0
                continue
            }
            // A digit after a lone "0" would be a leading zero.
            guard isDigit(byte), !(digits == 1 && value == 0) else { return false }
            value = value * 10 + Int(byte &- UInt8(ascii: "0"))
            digits += 1
            guard value <= 255 else { return false }
        }
        return parts == 3 && digits > 0
    }

    /// An IPv6 literal as `inet_pton` takes it: up to eight groups of 1-4 hex digits, at most one `::`, and an
    /// optional dotted-quad IPv4 tail worth two groups. No zone index.
    static func isIPv6(_ value: String) -> Bool {
        let bytes = Array(value.utf8)
        guard bytes.count >= 2, bytes.count <= 45 else { return false }
        var groups = 0
        var compressed = false
        var i = 0
        if bytes[0] == colon {
            guard bytes[1] == colon else { return false }
            compressed = true
            i = 2
        }
        while i < bytes.count {
            let start = i
            while i < bytes.count, isHex(bytes[i]) { i += 1 }
            if i < bytes.count, bytes[i] == dot {
                guard isIPv4(bytes[start...]) else { return false }
                groups += 2
                i = bytes.count
                break
            }
            guard (1...4).contains(i - start) else { return false }
            groups += 1
            if i == bytes.count { break }
            guard bytes[i] == colon else { return false }
            i += 1
            if i < bytes.count, bytes[i] == colon {
                guard !compressed else { return false }
                compressed = true
                i += 1
            } else if i == bytes.count {
                return false
            }
        }
        return compressed ? groups <= 7 : groups == 8
    }

    /// A Lambda function ARN: `arn:<partition>:lambda:<region>:<account>:function:<name>[:<qualifier>]`, with a
    /// name of 1-64 `[a-zA-Z0-9-_]` and a qualifier that is `$LATEST` or 1-128 `[a-zA-Z0-9-_]`.
    static func isLambdaFunctionARN(_ value: String) -> Bool {
        let parts = value.utf8.split(separator: colon, maxSplits: 8, omittingEmptySubsequences: false)
        guard parts.count == 7 || parts.count == 8, isARNHeader(parts, service: "lambda"),
            parts[5].elementsEqual("function".utf8), isLambdaName(parts[6], maxLength: 64)
        else { return false }
        return parts.count == 7 || parts[7].elementsEqual("$LATEST".utf8) || isLambdaName(parts[7], maxLength: 128)
    }

    /// An Application Load Balancer ARN:
    /// `arn:<partition>:elasticloadbalancing:<region>:<account>:loadbalancer/app/<name>/<16 hex>`, with a name of
    /// 1-32 `[a-zA-Z0-9-]` that neither starts nor ends with a hyphen.
    static func isApplicationLoadBalancerARN(_ value: String) -> Bool {
        let parts = value.utf8.split(separator: colon, maxSplits: 5, omittingEmptySubsequences: false)
        guard parts.count == 6, isARNHeader(parts, service: "elasticloadbalancing") else { return false }
        let resource = parts[5].split(separator: slash, maxSplits: 4, omittingEmptySubsequences: false)
        guard resource.count == 4, resource[0].elementsEqual("loadbalancer".utf8),
            resource[1].elementsEqual("app".utf8)
        else { return false }
        let name = resource[2]
        return (1...32).contains(name.count) && name.allSatisfy { isAlphanumeric($0) || $0 == hyphen }
            && name.first != hyphen && name.last != hyphen
            && resource[3].count == 16 && resource[3].allSatisfy(isLowerHex)
    }

    // MARK: Pieces

    /// `arn:<partition>:<service>:<region>:<account>` in the first five parts.
    private static func isARNHeader(_ parts: [Substring.UTF8View], service: String) -> Bool {
        parts[0].elementsEqual("arn".utf8) && isPartition(parts[1]) && parts[2].elementsEqual(service.utf8)
            && isToken(parts[3], allowUpper: false) && isAccount(parts[4])
    }

    /// `[a-z0-9\-]+`.
    private static func isPartition(_ bytes: Substring.UTF8View) -> Bool { isToken(bytes, allowUpper: false) }

    /// A non-empty run of `[a-z0-9-]` (or `[a-zA-Z0-9-]`).
    private static func isToken(_ bytes: Substring.UTF8View, allowUpper: Bool) -> Bool {
        !bytes.isEmpty
            && bytes.allSatisfy { (allowUpper ? isAlphanumeric($0) : isLowerAlphanumeric($0)) || $0 == hyphen }
    }

    /// `\d{12}`.
    private static func isAccount(_ bytes: Substring.UTF8View) -> Bool {
        bytes.count == 12 && bytes.allSatisfy(isDigit)
    }

    /// 1-`maxLength` of `[a-zA-Z0-9-_]`.
    private static func isLambdaName(_ bytes: Substring.UTF8View, maxLength: Int) -> Bool {
        (1...maxLength).contains(bytes.count)
            && bytes.allSatisfy { isAlphanumeric($0) || $0 == hyphen || $0 == UInt8(ascii: "_") }
    }

    private static let hyphen = UInt8(ascii: "-")
    private static let colon = UInt8(ascii: ":")
    private static let slash = UInt8(ascii: "/")
    private static let dot = UInt8(ascii: ".")
    private static let comma = UInt8(ascii: ",")
    private static let pathPunctuation: Set<UInt8> = Set("@:%_+.~#?&/=-".utf8)

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    private static func isLowerAlphanumeric(_ byte: UInt8) -> Bool { isDigit(byte) || (byte >= 0x61 && byte <= 0x7A) }
    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        isLowerAlphanumeric(byte) || (byte >= 0x41 && byte <= 0x5A)
    }
    private static func isLowerHex(_ byte: UInt8) -> Bool { isDigit(byte) || (byte >= 0x61 && byte <= 0x66) }
    private static func isHex(_ byte: UInt8) -> Bool { isLowerHex(byte) || (byte >= 0x41 && byte <= 0x46) }
}
