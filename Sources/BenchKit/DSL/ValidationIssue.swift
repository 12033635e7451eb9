import AWSModel
import BenchCore
import Emulator

/// One problem found in a scenario before any traffic: the field's path and what is wrong with it.
///
/// Printed one per line as `error: <path>: <message>`, e.g.
/// `error: phases[1] "steady".executor.rate: must be > 0 and <= 1000000 per second (got -5)`.
public struct ValidationIssue: Sendable, Hashable, CustomStringConvertible {
    /// Where the problem is, e.g. `phases[0] "warm-up".mix[2].batch`.
    public var path: String
    /// What is wrong, naming the allowed range.
    public var message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "\(path): \(message)" }
}

/// The error a scenario with validation issues throws: every issue, not just the first.
public struct ScenarioValidationError: Error, Sendable, CustomStringConvertible {
    public let issues: [ValidationIssue]

    public var description: String { issues.map { "error: \($0)" }.joined(separator: "\n") }
}
