import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs other programs: the compiler (output captured) and the compiled scenario (output passed through).
enum ChildProcess {
    /// Runs `executable` and returns its exit status and its standard output and error, merged.
    /// Reads the pipe to its end before waiting, so a chatty child cannot block on a full pipe.
    static func capture(_ executable: URL, arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// Replaces this process with `executable` (same pid, terminal and signals), so Ctrl-C and SIGTERM reach the
    /// scenario directly and its exit code is bench's. Returns only if the exec failed.
    static func replaceProcess(with executable: URL, arguments: [String]) -> Int32 {
        let argv = ([executable.path] + arguments).map { strdup($0) } + [nil]
        execv(executable.path, argv)
        let code = errno
        for pointer in argv { free(pointer) }
        return code
    }
}
