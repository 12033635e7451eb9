/// Diagnostic information about a lifecycle event (`Diagnostics`).
public struct Diagnostics: Sendable, Hashable, Codable {
    /// `Success | ScriptMissing | ScriptNotExecutable | ScriptTimedOut | ScriptFailed | UnknownError`.
    public var errorCode: String?
    public var scriptName: String?
    public var message: String?
    /// The last portion (up to 4 KB) of the diagnostic log.
    public var logTail: String?

    public init(errorCode: String? = nil, scriptName: String? = nil, message: String? = nil, logTail: String? = nil) {
        self.errorCode = errorCode
        self.scriptName = scriptName
        self.message = message
        self.logTail = logTail
    }
}
