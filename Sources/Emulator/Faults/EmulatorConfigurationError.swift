/// A fault or mutation setting outside its range, naming the field and the limit.
public struct EmulatorConfigurationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The setting, e.g. `faults.rateLimits[RegisterTargets].rate`.
    public var field: String
    /// What the limit is and what was given.
    public var message: String

    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }

    public var description: String { "\(field) \(message)" }
}
