/// Why the shared credentials file (`~/.aws/credentials`) could not be used.
public enum CredentialsFileError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file exists but could not be read as UTF-8 text.
    case unreadable(path: String, reason: String)
    /// A line is neither a `[section]`, a `key = value` pair, a comment nor blank.
    case malformedLine(path: String, line: Int, reason: String)
    /// The profile names only one half of the key pair (botocore's `PartialCredentialsError`).
    case incompleteProfile(path: String, profile: String, missing: String)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason):
            "cannot read credentials file \(path): \(reason)"
        case .malformedLine(let path, let line, let reason):
            "credentials file \(path), line \(line): \(reason)"
        case .incompleteProfile(let path, let profile, let missing):
            "credentials file \(path), profile [\(profile)]: \(missing) is missing"
        }
    }
}
