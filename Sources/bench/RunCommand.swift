import BenchKit
import Foundation

/// `bench run` and `bench validate`: resolve the file, check the flags, compile (or reuse the cache), then
/// become the compiled scenario.
enum RunCommand {
    static func run(_ arguments: [String], validateOnly: Bool) throws -> ExitCode {
        var rest = arguments
        let optimize = rest.contains("--optimize")
        rest.removeAll { $0 == "--optimize" }
        guard let target = rest.first, !target.hasPrefix("-") else {
            throw UsageError("\(validateOnly ? "validate" : "run") needs a scenario file or name; see `bench \(validateOnly ? "validate" : "run") --help`")
        }
        var flags = Array(rest.dropFirst())
        _ = try RunOptions.parse(flags)  // reject bad flags before spending time compiling
        if validateOnly { flags.append("--validate-only") }

        let products = try BuildProducts.locate()
        let file = try ScenarioLocator(products: products).resolve(target)
        var compiler = ScenarioCompiler(products: products, swiftc: try ScenarioCompiler.locateCompiler())
        compiler.optimize = optimize
        let (binary, _) = try compiler.executable(for: file.url, displayPath: file.display)
        flags += ["--scenario-file", file.url.standardizedFileURL.path]  // recorded in summary.json for reruns
        let failure = ChildProcess.replaceProcess(with: binary, arguments: flags)
        throw UsageError("could not start the compiled scenario \(binary.path): errno \(failure)")
    }
}
