import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Runs `executable` with `arguments` to its end; returns its exit status, standard output and standard error.
/// `input`, when given, is written to its standard input (on another thread), which is then closed; `environment`
/// is added to this process's.
public func runProcess(
    _ executable: URL, _ arguments: [String], input: Data? = nil, environment: [String: String] = [:]
) throws -> (status: Int32, output: String, errors: String) {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    if !environment.isEmpty { process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    let stdin = input.map { _ in Pipe() }
    if let stdin { process.standardInput = stdin }
    try process.run()
    let writing = DispatchGroup()
    if let stdin, let input {
        DispatchQueue.global().async(group: writing) {
            stdin.fileHandleForWriting.write(input)
            try? stdin.fileHandleForWriting.close()
        }
    }
    let result = finishProcess(process, out, err)
    writing.wait()
    return result
}

/// Reads a started child's standard output and standard error to their end, then waits for it to exit.
/// Standard error is read on another thread while standard output is read, so a chatty child cannot block on a
/// full pipe.
public func finishProcess(
    _ process: Process, _ out: Pipe, _ err: Pipe
) -> (status: Int32, output: String, errors: String) {
    let group = DispatchGroup()
    nonisolated(unsafe) var errors = Data()
    DispatchQueue.global().async(group: group) { errors = err.fileHandleForReading.readDataToEndOfFile() }
    let output = out.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: output, as: UTF8.self), String(decoding: errors, as: UTF8.self))
}

/// Runs `python3` (through `/usr/bin/env`) with `arguments`, as ``runProcess(_:_:input:)`` does.
public func runPython(
    arguments: [String], input: Data? = nil
) throws -> (status: Int32, output: String, errors: String) {
    try runProcess(URL(fileURLWithPath: "/usr/bin/env"), ["python3"] + arguments, input: input)
}

/// Runs a Python script with `arguments`; the script goes to a temporary file, so that its `sys.argv` is theirs.
public func runPython(
    _ script: String, _ arguments: [String]
) throws -> (status: Int32, output: String, errors: String) {
    try withTemporaryFolder("bench-py") { folder in
        let file = folder.appendingPathComponent("script.py")
        try script.write(to: file, atomically: true, encoding: .utf8)
        return try runPython(arguments: [file.path] + arguments)
    }
}

/// Whether `python3 -c "import <module>"` succeeds: the test peers installed by scripts/install-test-deps.sh
/// (`botocore`, `moto.server`, `hdrh`). Suites that need one are `.enabled(if:)` it, so a missing peer shows as
/// a named skip.
public func pythonCanImport(_ module: String) -> Bool {
    (try? runPython(arguments: ["-c", "import \(module)"]).status) == 0
}

/// A child process that exited with a non-zero status.
public struct ChildProcessFailed: Error, CustomStringConvertible {
    public var description: String
}

/// Runs `python3 -c <script>` with `input` on its standard input and returns its standard output.
/// - Throws: ``ChildProcessFailed`` with the script's standard error when it exits non-zero.
public func runPython(script: String, input: Data) throws -> Data {
    let run = try runPython(arguments: ["-c", script], input: input)
    guard run.status == 0 else { throw ChildProcessFailed(description: "python3 failed: \(run.errors)") }
    return Data(run.output.utf8)
}
