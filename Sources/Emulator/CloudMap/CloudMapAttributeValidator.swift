import AWSModel

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The `RegisterInstance` attribute rules of the model documentation (`api-reference/003`, `wire.md` §1.1).
///
/// - every key matches `^[a-zA-Z0-9!-~]+$` and has at most 255 characters;
/// - every value matches `^([a-zA-Z0-9!-~][ \ta-zA-Z0-9!-~]*){0,1}[a-zA-Z0-9!-~]{0,1}$` (empty, or a visible
///   character followed by visible characters, spaces and tabs) and has at most 1,024 characters;
/// - at most 30 custom attributes (keys that are not reserved); other `AWS_`-prefixed keys are refused;
/// - the keys and values of all attributes add up to at most 5,000 characters;
/// - `AWS_INIT_HEALTH_STATUS` is `HEALTHY` or `UNHEALTHY`, `AWS_INSTANCE_IPV4` an IPv4 address,
///   `AWS_INSTANCE_IPV6` an IPv6 address, `AWS_INSTANCE_PORT` an integer 1-65535;
/// - `AWS_EC2_INSTANCE_ID` only in HTTP namespaces, and then only beside `AWS_INIT_HEALTH_STATUS`;
/// - `AWS_ALIAS_DNS_NAME` excludes every `AWS_INSTANCE_*` key.
///
/// None of IPv4, IPv6, CNAME, alias or EC2 is required: that rule only applies to DNS namespaces, and the
/// emulator creates HTTP namespaces only.
enum CloudMapAttributeValidator {
    static let maxCustomAttributes = 30
    static let maxKeyLength = 255
    static let maxValueLength = 1_024
    static let maxTotalLength = 5_000

    /// Checks `attributes`, sorted by key so that the first error reported does not depend on dictionary order.
    /// - Complexity: O(total size of the keys and values).
    static func validate(
        _ attributes: UnsafeBufferPointer<(key: String, value: String)>, namespaceType: String
    ) throws(ServiceError) {
        var customCount = 0
        var totalLength = 0
        var hasExclusiveKey = false  // a key that excludes others (EC2, alias): only then are combinations checked
        for (key, value) in attributes {
            try checkKey(key)
            try checkValue(value, key: key)
            if !key.hasPrefix("AWS_") {  // every reserved key has the prefix: most keys are not hashed here
                customCount += 1
            } else if CloudMap.AttributeKey.reserved.contains(key) {
                try checkReservedValue(value, key: key)
                hasExclusiveKey =
                    hasExclusiveKey || key == CloudMap.AttributeKey.ec2InstanceId
                    || key == CloudMap.AttributeKey.aliasDNSName
            } else {
                throw .invalidInput(
                    "Attributes key \(key) is not supported: the only AWS_ keys are "
                        + CloudMap.AttributeKey.reserved.sorted().joined(separator: ", "))
            }
            // The checks above admit ASCII only, so a byte is a character.
            totalLength += key.utf8.count + value.utf8.count
        }
        if customCount > maxCustomAttributes {
            throw .invalidInput(
                "Attributes must have at most \(maxCustomAttributes) custom attributes (got \(customCount))")
        }
        if totalLength > maxTotalLength {
            throw .invalidInput(
                "Attributes keys and values must total at most \(maxTotalLength) characters (got \(totalLength))")
        }
        if hasExclusiveKey { try checkCombinations(attributes.lazy.map(\.key), namespaceType: namespaceType) }
    }

    private static func checkKey(_ key: String) throws(ServiceError) {
        try CloudMapValidation.required(key, "Attributes key")
        try CloudMapValidation.bytes(
            key, "Attributes key \(prefix(key))", pattern: "^[a-zA-Z0-9!-~]+$", CloudMapValidation.isVisible)
        try CloudMapValidation.maxLength(key, maxKeyLength, "Attributes key \(prefix(key))")
    }

    private static func checkValue(_ value: String, key: String) throws(ServiceError) {
        let field = { "Attributes[\(prefix(key))]" }  // built only for an error message
        try CloudMapValidation.maxLength(value, maxValueLength, field())
        let offset =
            if let first = value.utf8.first, !CloudMapValidation.isVisible(first) {
                0
            } else {
                CloudMapValidation.firstOffset(in: value, from: 1) { byte in
                    !(CloudMapValidation.isVisible(byte) || byte == 0x20 || byte == 0x09)
                }
            }
        if let offset {
            throw .invalidInput(
                "\(field()) must be empty or start with a visible ASCII character followed by visible ASCII "
                    + "characters, spaces or tabs (invalid character at offset \(offset))")
        }
    }

    private static func checkReservedValue(_ value: String, key: String) throws(ServiceError) {
        switch key {
        case CloudMap.AttributeKey.initHealthStatus:
            try CloudMapValidation.oneOf(value, ["HEALTHY", "UNHEALTHY"], key)
        case CloudMap.AttributeKey.instanceIPv4:
            if !isIPAddress(value, family: AF_INET) { throw .invalidInput("\(key) must be an IPv4 address") }
        case CloudMap.AttributeKey.instanceIPv6:
            if !isIPAddress(value, family: AF_INET6) { throw .invalidInput("\(key) must be an IPv6 address") }
        case CloudMap.AttributeKey.instancePort:
            if !isPort(value) { throw .invalidInput("\(key) must be an integer between 1 and 65535 inclusive") }
        default:
            try CloudMapValidation.required(value, key)
        }
    }

    private static func checkCombinations(
        _ keys: some Collection<String>, namespaceType: String
    ) throws(ServiceError) {
        let ec2 = CloudMap.AttributeKey.ec2InstanceId
        if keys.contains(ec2) {
            if namespaceType != CloudMap.ResourceKind.http {
                throw .invalidInput("\(ec2) is allowed only for instances in HTTP namespaces")
            }
            if let other = keys.first(where: { $0 != ec2 && $0 != CloudMap.AttributeKey.initHealthStatus }) {
                throw .invalidInput(
                    "\(ec2) allows only \(CloudMap.AttributeKey.initHealthStatus) beside it (got \(prefix(other)))")
            }
        }
        let alias = CloudMap.AttributeKey.aliasDNSName
        if keys.contains(alias), let other = keys.first(where: { $0.hasPrefix("AWS_INSTANCE_") }) {
            throw .invalidInput("\(alias) can't be combined with \(other)")
        }
    }

    /// Whether `value` is an address of `family` as `inet_pton` reads it (IPv4: exactly four decimal
    /// octets without leading zeros; IPv6: RFC 4291 text forms).
    private static func isIPAddress(_ value: String, family: Int32) -> Bool {
        var address = (UInt64(0), UInt64(0))  // room for an in6_addr
        return value.withCString { text in
            withUnsafeMutableBytes(of: &address) { inet_pton(family, text, $0.baseAddress) == 1 }
        }
    }

    /// Whether `value` is all decimal digits with a value of 1-65535.
    private static func isPort(_ value: String) -> Bool {
        guard !value.isEmpty else { return false }
        var number = 0
        for byte in value.utf8 {
            guard byte >= 0x30 && byte <= 0x39 else { return false }
            number = number * 10 + Int(byte - 0x30)
            if number > 65_535 { return false }
        }
        return number >= 1
    }

    /// The first 64 characters of a key, for messages (a key may be long or invalid).
    private static func prefix(_ key: String) -> String {
        key.unicodeScalars.count <= 64 ? key : String(key.unicodeScalars.prefix(64)) + "..."
    }
}
