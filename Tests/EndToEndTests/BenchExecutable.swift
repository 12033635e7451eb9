import Foundation
import TestSupport

#if canImport(Glibc)
import Glibc
#endif

/// Runs the built `bench` executable, which sits next to the test bundle in SwiftPM's bin folder
/// (swift-argument-parser's `AssertExecuteCommand` finds its examples the same way).
struct BenchExecutable {
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    let url: URL

    init() throws {
        let bin = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        url = bin.appendingPathComponent("bench")
        guard FileManager.default.isExecutableFile(atPath: url.path) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "\(url.path): run `swift build` first"])
        }
    }

    /// Starts `bench` with `arguments` in `folder`; the caller waits.
    func start(_ arguments: [String], in folder: URL) throws -> (Process, Pipe, Pipe) {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        process.currentDirectoryURL = folder
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        return (process, out, err)
    }

    /// Runs `bench` to completion, reading both pipes before waiting so a large output cannot block it.
    func run(_ arguments: [String], in folder: URL) throws -> Result {
        let (process, out, err) = try start(arguments, in: folder)
        return Self.finish(process, out, err)
    }

    /// Reads both pipes of a started `bench` to their end and waits for it (``finishProcess(_:_:_:)``).
    static func finish(_ process: Process, _ out: Pipe, _ err: Pipe) -> Result {
        let (status, output, errors) = finishProcess(process, out, err)
        return Result(status: status, stdout: output, stderr: errors)
    }
}

/// The package root, from this file's path (Tests/EndToEndTests/BenchExecutable.swift).
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// Runs `scripts/<name>` with bash to completion, with `environment` added to this process's.
func runScript(_ name: String, _ arguments: [String], environment: [String: String] = [:]) throws
    -> BenchExecutable.Result
{
    let (status, output, errors) = try runProcess(
        URL(fileURLWithPath: "/bin/bash"), [packageRoot.appendingPathComponent("scripts/\(name)").path] + arguments,
        environment: environment)
    return BenchExecutable.Result(status: status, stdout: output, stderr: errors)
}
