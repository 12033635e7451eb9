import Foundation

/// The first executable file named `name` in the folders of `path` (a `PATH` value, this process's by default), then
/// in `alsoIn`; nil when there is none.
///
/// The one lookup for every program bench and its tests start by name: `swiftc` for scenarios, `unshare` for
/// `--ca-bundle`, and the tests' peers (nginx, openssl, a C compiler), which skip with a printed reason when it is nil.
public func findExecutable(
    _ name: String, alsoIn folders: [String] = [], path: String? = ProcessInfo.processInfo.environment["PATH"]
) -> String? {
    let searched = (path ?? "").split(separator: ":").map(String.init) + folders
    return searched.map { $0 + "/" + name }.first { FileManager.default.isExecutableFile(atPath: $0) }
}
