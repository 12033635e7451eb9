import BenchCore
import Foundation
import Testing
import TestSupport

/// ``findExecutable(_:alsoIn:path:)`` finds `swiftc`, `unshare` and the tests' peer programs: the first executable
/// file of that name, in `PATH`'s order, then in the extra folders.
@Suite("findExecutable")
struct ExecutableSearchTests {
    /// Two folders: `first` holds an executable `tool` and a non-executable `plain`; `second` holds an executable
    /// `tool` and an executable `plain`.
    static func folders() throws -> (root: URL, first: String, second: String) {
        let root = try makeTemporaryFolder("bench-which")
        let first = root.appendingPathComponent("first"), second = root.appendingPathComponent("second")
        let files = [(first, [("tool", 0o755), ("plain", 0o644)]), (second, [("tool", 0o755), ("plain", 0o755)])]
        for (folder, files) in files {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for (name, mode) in files {
                let path = folder.appendingPathComponent(name).path
                #expect(FileManager.default.createFile(atPath: path, contents: Data("#!/bin/sh\n".utf8)))
                try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
            }
        }
        return (root, first.path, second.path)
    }

    @Test("the first executable in PATH's order, then the extra folders; a file without the execute bit is passed over")
    func searchOrder() throws {
        let (root, first, second) = try Self.folders()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(findExecutable("tool", path: "\(first):\(second)") == first + "/tool")
        #expect(findExecutable("tool", path: "\(second):\(first)") == second + "/tool")
        #expect(findExecutable("plain", path: "\(first):\(second)") == second + "/plain")
        #expect(findExecutable("tool", alsoIn: [second], path: nil) == second + "/tool")
        #expect(findExecutable("tool", alsoIn: [second], path: first) == first + "/tool")
        #expect(findExecutable("missing", alsoIn: [first], path: second) == nil)
        #expect(findExecutable("plain", path: first) == nil)
    }
}
