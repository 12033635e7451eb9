#if canImport(Glibc)
import Glibc
#endif

/// A system call failed (socket, bind, listen, epoll, ...): the call and the errno text.
public struct HTTPSystemError: Error, Sendable, Equatable, CustomStringConvertible {
    public var operation: String
    public var code: Int32
    public var message: String

    /// Captures the current `errno` for `operation`.
    public init(operation: String, code: Int32 = errno) {
        self.operation = operation
        self.code = code
        message = String(cString: strerror(code))
    }

    public init(operation: String, message: String) {
        self.operation = operation
        code = 0
        self.message = message
    }

    public var description: String { "\(operation): \(message)" }
}
