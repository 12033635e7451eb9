import Foundation
import Testing

/// `scripts/perf.sh` (issue 8's suite) checks its arguments before it installs or builds anything. The suite
/// itself is minutes of load and is run by hand or by the nightly job, not by `swift test`.
@Suite("scripts/perf.sh arguments")
struct PerfScriptTests {
    /// Runs `scripts/perf.sh`; its standard output and error together.
    static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let result = try runScript("perf.sh", arguments)
        return (result.status, result.stdout + result.stderr)
    }

    @Test("--help lists the options without building")
    func help() throws {
        let (status, output) = try Self.run(["--help"])
        #expect(status == 0)
        for option in ["--seconds", "--only", "--out", "--update-docs", "PERF_P6_SMALL"] {
            #expect(output.contains(option), "\(option) missing from: \(output)")
        }
        #expect(!output.contains("building bench"))
    }

    @Test("bad arguments name the option and the allowed values, exit 2, nothing built", arguments: [
        (["--only", "P9"], "unknown measure(s) P9; expected P1...P7"),
        (["--seconds", "0"], "--seconds must be a whole number in 1...120"),
        (["--seconds", "2.5"], "--seconds must be a whole number in 1...120"),
    ])
    func badArguments(arguments: [String], message: String) throws {
        let (status, output) = try Self.run(arguments)
        #expect(status == 2)
        #expect(output.contains(message), "\(output)")
        #expect(!output.contains("building bench"))
    }
}
