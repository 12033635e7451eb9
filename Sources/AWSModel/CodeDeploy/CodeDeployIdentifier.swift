import BenchCore

/// The formats of CodeDeploy identifiers, checked by hand over UTF-8 (no regular expressions: these run on
/// every request of a load test).
///
/// The model puts no constraint on `DeploymentId` or `TargetId`; the formats are those the real service issues
/// (`wire.md` §1.1): deployments `d-` + 9 of `[0-9A-Z]`, and target ids that depend on the compute platform.
public enum CodeDeployIdentifier {
    /// Whether `id` is `d-` followed by exactly 9 of `[0-9A-Z]`.
    /// - Complexity: O(n) in the length of `id`, no allocation.
    public static func isDeploymentId(_ id: String) -> Bool {
        UTF8Scanner.scan(id) { scanner in
            scanner.literal("d-") && scanner.run(isUpperAlphanumeric, 9...9) && scanner.atEnd
        }
    }

    /// Whether `id` has the target id format of `platform`:
    /// - `server`: an EC2 instance id, `i-` + 8 or 17 of `[0-9a-f]`;
    /// - `lambda`: a function name, 1–64 of `[A-Za-z0-9_-]`;
    /// - `ecs`: `<clustername>:<servicename>`, each 1–255 of `[A-Za-z0-9_-]`;
    /// - `cloudFormation`: a stack id, `arn:<partition>:cloudformation:<region>:<12 digits>:stack/<name>/<id>`.
    /// - Complexity: O(n) in the length of `id`, no allocation.
    public static func isTargetId(_ id: String, for platform: ComputePlatform) -> Bool {
        UTF8Scanner.scan(id) { scanner in isTargetId(&scanner, for: platform) }
    }

    private static func isTargetId(_ scanner: inout UTF8Scanner, for platform: ComputePlatform) -> Bool {
        switch platform {
        case .server:
            guard scanner.literal("i-") else { return false }
            let digits = scanner.count(while: isLowerHex)
            return (digits == 8 || digits == 17) && scanner.atEnd
        case .lambda:
            return scanner.run(isNameCharacter, 1...64) && scanner.atEnd
        case .ecs:
            return scanner.run(isNameCharacter, 1...255) && scanner.literal(":")
                && scanner.run(isNameCharacter, 1...255) && scanner.atEnd
        case .cloudFormation:
            return scanner.literal("arn:") && scanner.run(isPartitionCharacter, 1...32)
                && scanner.literal(":cloudformation:") && scanner.run(isPartitionCharacter, 1...32)
                && scanner.literal(":") && scanner.run(isDigit, 12...12) && scanner.literal(":stack/")
                && scanner.run(isNameCharacter, 1...128) && scanner.literal("/")
                && scanner.run(isNameCharacter, 1...128) && scanner.atEnd
        }
    }

    /// The target id format of `platform` in words, for error messages.
    public static func targetIdFormat(for platform: ComputePlatform) -> String {
        switch platform {
        case .server: "an EC2 instance id (i- followed by 8 or 17 of [0-9a-f])"
        case .lambda: "a Lambda function name (1-64 of [A-Za-z0-9_-])"
        case .ecs: "<clustername>:<servicename> (each 1-255 of [A-Za-z0-9_-])"
        case .cloudFormation:
            "a CloudFormation stack id (arn:<partition>:cloudformation:<region>:<account>:stack/<name>/<id>)"
        }
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    private static func isUpper(_ byte: UInt8) -> Bool { byte >= 0x41 && byte <= 0x5A }
    private static func isLower(_ byte: UInt8) -> Bool { byte >= 0x61 && byte <= 0x7A }
    private static func isUpperAlphanumeric(_ byte: UInt8) -> Bool { isDigit(byte) || isUpper(byte) }
    private static func isLowerHex(_ byte: UInt8) -> Bool { isDigit(byte) || (byte >= 0x61 && byte <= 0x66) }
    private static func isNameCharacter(_ byte: UInt8) -> Bool {
        isDigit(byte) || isUpper(byte) || isLower(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
    }
    /// Partitions and regions: `[a-z0-9-]`.
    private static func isPartitionCharacter(_ byte: UInt8) -> Bool {
        isDigit(byte) || isLower(byte) || byte == UInt8(ascii: "-")
    }
}

/// A forward cursor over a string's UTF-8 bytes for the identifier checks above. It reads the bytes in place
/// (a native string's storage): stepping a `String.UTF8View` index costs several times more per byte, and a
/// `BatchGetDeploymentTargets` checks up to 25 ids.
private struct UTF8Scanner {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0

    private init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// Runs `body` with a scanner at the start of `string`'s UTF-8 bytes.
    static func scan(_ string: String, _ body: (inout UTF8Scanner) -> Bool) -> Bool {
        string.withUTF8Bytes { bytes in
            var scanner = UTF8Scanner(bytes)
            return body(&scanner)
        }
    }

    var atEnd: Bool { index == bytes.count }

    /// Consumes `text` if the input continues with it.
    mutating func literal(_ text: StaticString) -> Bool {
        let expected = UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount)
        guard bytes.count - index >= expected.count,
            bytes[index..<index + expected.count].elementsEqual(expected)
        else { return false }
        index += expected.count
        return true
    }

    /// Consumes the longest run of bytes that satisfy `accepts` and returns its length.
    mutating func count(while accepts: (UInt8) -> Bool) -> Int {
        let start = index
        while index < bytes.count, accepts(bytes[index]) { index += 1 }
        return index - start
    }

    /// Consumes the longest run of bytes that satisfy `accepts`; true if its length lies in `lengths`.
    mutating func run(_ accepts: (UInt8) -> Bool, _ lengths: ClosedRange<Int>) -> Bool {
        lengths.contains(count(while: accepts))
    }
}
