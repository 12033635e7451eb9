/// An AWS access key pair, optionally with the session token of temporary credentials.
///
/// The secret and the token never appear in text made from this value: `description`, `debugDescription`
/// and the reflection `dump` uses all print `<redacted>` (DESIGN.md: credentials never reach reports or logs).
public struct AWSCredentials: Sendable, Hashable {
    /// The access key id (`AKIA…`, `ASIA…`); it names the key and goes into every `Authorization` header.
    public var accessKeyId: String
    /// The secret access key; it only ever feeds the signing key derivation.
    public var secretAccessKey: String
    /// The session token of temporary credentials, sent (and signed) as `X-Amz-Security-Token`.
    public var sessionToken: String?

    public init(accessKeyId: String, secretAccessKey: String, sessionToken: String? = nil) {
        self.accessKeyId = accessKeyId
        self.secretAccessKey = secretAccessKey
        self.sessionToken = sessionToken
    }

    /// Credentials from `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY` and the optional `AWS_SESSION_TOKEN`, as
    /// botocore's environment provider reads them; `nil` unless both the key id and the secret are non-empty.
    public static func fromEnvironment(_ environment: [String: String]) -> AWSCredentials? {
        guard let keyId = environment["AWS_ACCESS_KEY_ID"], !keyId.isEmpty,
            let secret = environment["AWS_SECRET_ACCESS_KEY"], !secret.isEmpty
        else { return nil }
        let token = environment["AWS_SESSION_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
        return AWSCredentials(accessKeyId: keyId, secretAccessKey: secret, sessionToken: token)
    }

    /// The environment first, then the shared credentials file: the part of botocore's provider chain that
    /// needs no network. `nil` when neither has credentials.
    /// - Throws: ``CredentialsFileError`` when the shared file exists but cannot be used.
    public static func resolve(environment: [String: String]) throws -> AWSCredentials? {
        if let credentials = fromEnvironment(environment) { return credentials }
        return try fromSharedFile(path: nil, profile: nil, environment: environment)
    }
}

extension AWSCredentials: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// `AWSCredentials(accessKeyId: AKID…, secret: <redacted>)`, plus `sessionToken: <redacted>` when there is one.
    /// Only the first four characters of the key id are shown: enough to tell keys apart in a log line.
    public var description: String {
        let token = sessionToken == nil ? "" : ", sessionToken: <redacted>"
        return "AWSCredentials(accessKeyId: \(accessKeyId.prefix(4))…, secret: <redacted>\(token))"
    }

    public var debugDescription: String { description }

    /// Keeps `dump`, `Mirror` and `String(reflecting:)` on nested values from printing the stored secret.
    public var customMirror: Mirror {
        var children: [(label: String?, value: Any)] = [
            ("accessKeyId", "\(accessKeyId.prefix(4))…"), ("secretAccessKey", "<redacted>"),
        ]
        if sessionToken != nil { children.append(("sessionToken", "<redacted>")) }
        return Mirror(self, children: children, displayStyle: .struct)
    }
}
