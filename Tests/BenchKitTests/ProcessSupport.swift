import Foundation

/// Runs `executable` with `arguments` to its end; returns its exit status, standard output and standard error.
/// Both pipes are read before waiting, so a chatty child cannot block on a full pipe.
func runProcess(_ executable: URL, _ arguments: [String]) throws -> (status: Int32, output: String, errors: String) {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let group = DispatchGroup()
    nonisolated(unsafe) var errors = Data()
    group.enter()
    DispatchQueue.global().async {
        errors = err.fileHandleForReading.readDataToEndOfFile()
        group.leave()
    }
    let output = out.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: output, as: UTF8.self), String(decoding: errors, as: UTF8.self))
}

/// Runs a Python script with `arguments` (through `/usr/bin/env python3`).
func runPython(_ script: String, _ arguments: [String]) throws -> (status: Int32, output: String, errors: String) {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bench-py-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("script.py")
    try script.write(to: file, atomically: true, encoding: .utf8)
    return try runProcess(URL(fileURLWithPath: "/usr/bin/env"), ["python3", file.path] + arguments)
}
