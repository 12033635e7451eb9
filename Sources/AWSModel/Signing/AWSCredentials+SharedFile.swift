import Foundation

extension AWSCredentials {
    /// Credentials from a profile of the shared credentials file, the INI file botocore reads.
    ///
    /// - Parameters:
    ///   - path: The file; `nil` means `AWS_SHARED_CREDENTIALS_FILE`, else `$HOME/.aws/credentials`.
    ///   - profile: The section; `nil` means `AWS_PROFILE`, else `default`.
    ///   - environment: Where `AWS_SHARED_CREDENTIALS_FILE`, `AWS_PROFILE` and `HOME` are looked up.
    /// - Returns: `nil` when the file does not exist, the profile is absent, or it holds no key pair (for
    ///   example a profile that assumes a role).
    /// - Throws: ``CredentialsFileError`` when the file cannot be read or parsed, or the profile holds only
    ///   one half of the key pair.
    public static func fromSharedFile(
        path: String? = nil, profile: String? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> AWSCredentials? {
        let home = environment["HOME"] ?? FileManager.default.homeDirectoryForCurrentUser.path
        let path = path ?? environment["AWS_SHARED_CREDENTIALS_FILE"] ?? "\(home)/.aws/credentials"
        let expanded = path.hasPrefix("~/") ? home + path.dropFirst() : path
        guard FileManager.default.fileExists(atPath: expanded) else { return nil }
        let text: String
        do {
            text = try String(contentsOfFile: expanded, encoding: .utf8)
        } catch {
            throw CredentialsFileError.unreadable(path: expanded, reason: "\(error.localizedDescription)")
        }
        return try fromSharedFile(
            contents: text, profile: profile ?? environment["AWS_PROFILE"] ?? "default", path: expanded)
    }

    /// Credentials from the text of a shared credentials file; `path` only labels errors.
    /// - Throws: ``CredentialsFileError`` as ``fromSharedFile(path:profile:environment:)`` does.
    public static func fromSharedFile(contents: String, profile: String, path: String) throws -> AWSCredentials? {
        let sections = try parseINI(contents, path: path)
        guard let values = sections[profile] else { return nil }
        let keyId = values["aws_access_key_id"], secret = values["aws_secret_access_key"]
        switch (keyId, secret) {
        case (nil, nil):
            return nil
        case (let keyId?, let secret?):
            let token = values["aws_session_token"].flatMap { $0.isEmpty ? nil : $0 }
            return AWSCredentials(accessKeyId: keyId, secretAccessKey: secret, sessionToken: token)
        case (nil, _):
            throw CredentialsFileError.incompleteProfile(path: path, profile: profile, missing: "aws_access_key_id")
        case (_, nil):
            throw CredentialsFileError.incompleteProfile(path: path, profile: profile, missing: "aws_secret_access_key")
        }
    }

    /// Parses INI text the way Python's `configparser` (botocore's parser) reads it: `[section]` headers,
    /// `key = value` or `key: value` split at the first delimiter, keys lower-cased, values trimmed, `#` and
    /// `;` comment lines, and indented continuation lines appended to the previous value.
    private static func parseINI(_ text: String, path: String) throws -> [String: [String: String]] {
        var sections: [String: [String: String]] = [:]
        var section: String?
        var lastKey: String?
        for (index, rawLine) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix(";") { continue }
            if let first = rawLine.first, first == " " || first == "\t", let key = lastKey, let name = section {
                sections[name, default: [:]][key, default: ""] += "\n" + line
                continue
            }
            if line.hasPrefix("[") {
                guard line.hasSuffix("]"), line.count > 2 else {
                    throw CredentialsFileError.malformedLine(
                        path: path, line: index + 1, reason: "a section header must look like [name]")
                }
                let name = line.dropFirst().dropLast().trimmingCharacters(in: .whitespaces)
                section = name
                lastKey = nil
                if sections[name] == nil { sections[name] = [:] }
                continue
            }
            guard let name = section else {
                throw CredentialsFileError.malformedLine(
                    path: path, line: index + 1, reason: "a key appears before any [section] header")
            }
            guard let delimiter = line.firstIndex(where: { $0 == "=" || $0 == ":" }) else {
                throw CredentialsFileError.malformedLine(
                    path: path, line: index + 1, reason: "expected `key = value`")
            }
            let key = line[..<delimiter].trimmingCharacters(in: .whitespaces).lowercased()
            sections[name, default: [:]][key] = line[line.index(after: delimiter)...]
                .trimmingCharacters(in: .whitespaces)
            lastKey = key
        }
        return sections
    }
}
