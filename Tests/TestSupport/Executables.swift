import Foundation

/// The first executable file named `name` in the folders of `PATH`, then in `alsoIn`; nil when there is none.
/// Tests that need a peer program (nginx, openssl, a C compiler) look it up with this once, and skip with a printed
/// reason when it is missing.
public func findExecutable(_ name: String, alsoIn folders: [String] = []) -> String? {
    let path = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init)
    return (path + folders).map { $0 + "/" + name }.first { FileManager.default.isExecutableFile(atPath: $0) }
}
