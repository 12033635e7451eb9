import BenchKit
import Foundation

/// Where the BenchKit library that `bench` was built with lives: its module interface folder and the object
/// files `bench` itself was linked from. Compiled scenarios link exactly those objects, so they always match
/// this `bench` (a plain `swift run bench` does not refresh `libBenchKit.a`; style.md §7.5, pitfall 1).
struct BuildProducts {
    /// The folder holding the `bench` executable (SwiftPM's bin folder).
    let binFolder: URL
    /// `<bin>/Modules`, with `BenchKit.swiftmodule`.
    let modulesFolder: URL
    /// The library's object files (every target `bench` links except its own).
    let objects: [URL]

    /// Finds the products next to the running executable, or in `BENCH_BUILD_PATH`.
    static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> BuildProducts {
        let bin: URL
        if let override = environment["BENCH_BUILD_PATH"], !override.isEmpty {
            bin = URL(fileURLWithPath: override)
        } else {
            bin = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        }
        let modules = bin.appendingPathComponent("Modules")
        guard FileManager.default.fileExists(atPath: modules.appendingPathComponent("BenchKit.swiftmodule").path) else {
            throw UsageError("BenchKit is not built in \(bin.path): run `swift build` in the bench package first")
        }
        let list = bin.appendingPathComponent("bench.product/Objects.LinkFileList")
        if let text = try? String(contentsOf: list, encoding: .utf8) {
            let objects = text.split(separator: "\n").map { line -> String in
                var path = String(line)
                if path.hasPrefix("\""), path.hasSuffix("\""), path.count >= 2 { path = String(path.dropFirst().dropLast()) }
                return path
            }.filter { !$0.isEmpty && !$0.contains("/bench.build/") }
            return BuildProducts(binFolder: bin, modulesFolder: modules, objects: objects.map(URL.init(fileURLWithPath:)))
        }
        let archive = bin.appendingPathComponent("libBenchKit.a")
        guard FileManager.default.fileExists(atPath: archive.path) else {
            throw UsageError("neither \(list.path) nor \(archive.path) exists: run `swift build` in the bench package first")
        }
        return BuildProducts(binFolder: bin, modulesFolder: modules, objects: [archive])
    }

    /// The package folder, when `bench` runs from its build tree (`<package>/.build/<triple>/<config>/bench`).
    var packageFolder: URL? {
        let candidate = binFolder.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let manifest = candidate.appendingPathComponent("Package.swift")
        return FileManager.default.fileExists(atPath: manifest.path) ? candidate : nil
    }
}
