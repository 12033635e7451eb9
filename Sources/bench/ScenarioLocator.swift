import BenchKit
import Foundation

/// Turns what the user typed (`scenarios/smoke.swift`, `smoke`) into a scenario file.
struct ScenarioLocator {
    let products: BuildProducts

    /// The folders searched for built-in scenarios: `./scenarios`, then the bench package's `scenarios`.
    var searchFolders: [URL] {
        var folders = [URL(fileURLWithPath: "scenarios")]
        if let package = products.packageFolder { folders.append(package.appendingPathComponent("scenarios")) }
        return folders
    }

    func resolve(_ target: String) throws -> (url: URL, display: String) {
        if target.hasSuffix(".swift") || target.contains("/") {
            guard FileManager.default.fileExists(atPath: target) else {
                throw UsageError("no scenario file at \(target)")
            }
            return (URL(fileURLWithPath: target), target)
        }
        for folder in searchFolders {
            let candidate = folder.appendingPathComponent(target + ".swift")
            if FileManager.default.fileExists(atPath: candidate.path) {
                let display = candidate.path.hasPrefix(FileManager.default.currentDirectoryPath + "/")
                    ? String(candidate.path.dropFirst(FileManager.default.currentDirectoryPath.count + 1)) : candidate.path
                return (candidate, display)
            }
        }
        let known = builtIns().map(\.name).joined(separator: ", ")
        throw UsageError("no scenario named \"\(target)\" (built-in: \(known.isEmpty ? "none found" : known))")
    }

    /// Built-in scenarios with the first line of their leading comment.
    func builtIns() -> [(name: String, summary: String, path: String)] {
        var seen: Set<String> = []
        var found: [(String, String, String)] = []
        for folder in searchFolders {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            for file in files.sorted() where file.hasSuffix(".swift") {
                let name = String(file.dropLast(6))
                guard seen.insert(name).inserted else { continue }
                let path = folder.appendingPathComponent(file).path
                let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
                var summary = text.split(separator: "\n").first { $0.hasPrefix("//") }
                    .map { $0.drop { $0 == "/" || $0 == " " } }.map(String.init) ?? ""
                if summary.hasPrefix(name + ":") { summary = String(summary.dropFirst(name.count + 1).drop { $0 == " " }) }
                found.append((name, summary, path))
            }
        }
        return found
    }
}

/// `bench list`.
enum ListCommand {
    static func run(_ arguments: [String]) throws -> ExitCode {
        guard arguments.isEmpty else { throw UsageError("list takes no arguments") }
        let scenarios = ScenarioLocator(products: try BuildProducts.locate()).builtIns()
        guard !scenarios.isEmpty else {
            print("no built-in scenarios found (looked in ./scenarios and the bench package's scenarios/)")
            return .success
        }
        let width = scenarios.map(\.name.count).max() ?? 0
        for scenario in scenarios {
            print("\(scenario.name.padding(toLength: width, withPad: " ", startingAt: 0))  \(scenario.summary)")
        }
        return .success
    }
}
