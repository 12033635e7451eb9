/// A fault specification the CLI could not read; the message names the spec, the key and what is allowed.
public struct FaultSpecError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
