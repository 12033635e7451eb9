import Foundation

/// Runs `body` with a new, empty folder under the system's temporary directory (named `prefix-` and a UUID, so that
/// tests running at once never share one), and removes the folder and everything in it when `body` returns or
/// throws.
public func withTemporaryFolder<Result>(_ prefix: String, _ body: (URL) throws -> Result) throws -> Result {
    let folder = try makeTemporaryFolder(prefix)
    defer { try? FileManager.default.removeItem(at: folder) }
    return try body(folder)
}

/// ``withTemporaryFolder(_:_:)`` for a body that awaits.
public func withTemporaryFolder<Result>(
    _ prefix: String, _ body: (URL) async throws -> Result
) async throws -> Result {
    let folder = try makeTemporaryFolder(prefix)
    defer { try? FileManager.default.removeItem(at: folder) }
    return try await body(folder)
}

/// A new, empty folder under the system's temporary directory, named as ``withTemporaryFolder(_:_:)`` names it, for
/// a folder that outlives one scope (a fixture's); the caller removes it.
public func makeTemporaryFolder(_ prefix: String) throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
}
