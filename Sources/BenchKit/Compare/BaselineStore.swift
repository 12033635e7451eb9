import AWSModel
import BenchCore
import Emulator
import Foundation

/// Named baselines on disk, one folder per name holding the saved run's `summary.json`:
///
///     .bench/baselines/            (or --baselines DIR, or $BENCH_BASELINES)
///       nightly/summary.json
///       release-1.2/summary.json
///
/// The folder is meant to be kept: commit it, or cache it between CI runs (`docs/ci.md`).
public struct BaselineStore: Sendable {
    /// The default folder, relative to the current directory.
    public static let defaultFolder = ".bench/baselines"

    public let folder: URL

    public init(folder: URL) { self.folder = folder }

    /// The folder from `--baselines`, else `$BENCH_BASELINES`, else ``defaultFolder``.
    public init(option: String?, environment: [String: String] = ProcessInfo.processInfo.environment) {
        folder = URL(fileURLWithPath: option ?? environment["BENCH_BASELINES"] ?? BaselineStore.defaultFolder)
    }

    /// Saves the `summary.json` of `runFolder` as baseline `name`, replacing an older one of that name.
    /// - Throws: ``UsageError`` for a bad name or a folder without a readable summary.
    @discardableResult
    public func save(_ name: String, from runFolder: URL) throws -> RunSummary {
        try BaselineStore.checkName(name)
        let summary = try BaselineStore.loadSummary(runFolder)
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent(name), withIntermediateDirectories: true)
        try AtomicFile.write(summary.jsonData(), to: url(of: name))
        return summary
    }

    /// The saved summary of baseline `name`.
    public func load(_ name: String) throws -> RunSummary {
        try BaselineStore.checkName(name)
        guard FileManager.default.fileExists(atPath: url(of: name).path) else {
            throw UsageError(
                "no baseline named \"\(name)\" in \(folder.path) "
                    + "(save one with `bench baseline save \(name) <run folder>`)"
            )
        }
        return try BaselineStore.loadSummary(url(of: name))
    }

    /// Every saved baseline's name, sorted.
    public func names() -> [String] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return entries.filter { FileManager.default.fileExists(atPath: url(of: $0).path) }.sorted()
    }

    /// Removes baseline `name`.
    public func delete(_ name: String) throws {
        try BaselineStore.checkName(name)
        guard FileManager.default.fileExists(atPath: url(of: name).path) else {
            throw UsageError("no baseline named \"\(name)\" in \(folder.path)")
        }
        try FileManager.default.removeItem(at: folder.appendingPathComponent(name))
    }

    /// Resolves a `bench compare` argument: a run folder (or a `summary.json` file) when one exists at that
    /// path, else a baseline name.
    public func resolve(_ argument: String) throws -> RunSummary {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory) {
            return try BaselineStore.loadSummary(URL(fileURLWithPath: argument))
        }
        guard (try? BaselineStore.checkName(argument)) != nil else {
            throw UsageError("\"\(argument)\" is neither a run folder nor a baseline name")
        }
        return try load(argument)
    }

    private func url(of name: String) -> URL {
        folder.appendingPathComponent(name).appendingPathComponent("summary.json")
    }

    /// Names are 1-64 of `[A-Za-z0-9._-]`, not starting with a dot (so never `..`).
    static func checkName(_ name: String) throws(UsageError) {
        let ok =
            (1...64).contains(name.utf8.count) && !name.hasPrefix(".")
            && name.utf8.allSatisfy { byte in
                (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || byte == 0x2E
                    || byte == 0x5F || byte == 0x2D
            }
        if !ok { throw UsageError("baseline name \"\(name)\" must be 1-64 of [A-Za-z0-9._-], not starting with '.'") }
    }

    /// Reads a `summary.json`, given the file or its run folder.
    /// - Throws: ``UsageError`` saying which file is missing or not a `bench.summary/1`.
    public static func loadSummary(_ url: URL) throws -> RunSummary {
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
        let file = isDirectory.boolValue ? url.appendingPathComponent("summary.json") : url
        guard exists, let data = try? Data(contentsOf: file) else {
            throw UsageError("cannot read \(file.path): not a run folder with a summary.json")
        }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        do {
            let summary = try decoder.decode(RunSummary.self, from: data)
            guard summary.schema.hasPrefix("bench.summary/1") else {
                throw UsageError("\(file.path) has schema \(summary.schema); this bench reads bench.summary/1")
            }
            return summary
        } catch let error as UsageError {
            throw error
        } catch {
            throw UsageError("\(file.path) is not a bench summary: \(error)")
        }
    }
}
