import Foundation
import Testing

/// `scripts/perf.sh` (issue 8's suite) checks its arguments before it installs or builds anything. The suite
/// itself is minutes of load and is run by hand or by the nightly job, not by `swift test`.
@Suite("scripts/perf.sh arguments")
struct PerfScriptTests {
    /// Runs `scripts/perf.sh`; its standard output and error together.
    static func run(
        _ arguments: [String], environment: [String: String] = [:]
    ) throws -> (status: Int32, output: String) {
        let result = try runScript("perf.sh", arguments, environment: environment)
        return (result.status, result.stdout + result.stderr)
    }

    @Test("--help lists the options without building")
    func help() throws {
        let (status, output) = try Self.run(["--help"])
        #expect(status == 0)
        let options = [
            "--seconds", "--only", "--out", "--update-docs", "PERF_P6_SMALL", "PERF_P1_ROUNDS", "PERF_P3_ROUNDS",
            "PERF_P5_ROUNDS",
        ]
        for option in options {
            #expect(output.contains(option), "\(option) missing from: \(output)")
        }
        #expect(!output.contains("building bench"))
    }

    @Test("bad arguments name the option and the allowed values, exit 2, nothing built", arguments: [
        (["--only", "P9"], "unknown measure(s) P9; expected P1...P7"),
        (["--seconds", "0"], "--seconds must be a whole number in 1...120"),
        (["--seconds", "2.5"], "--seconds must be a whole number in 1...120"),
        (["--only", "P3", "--update-docs"], "--update-docs replaces the whole table"),
    ])
    func badArguments(arguments: [String], message: String) throws {
        let (status, output) = try Self.run(arguments)
        #expect(status == 2)
        #expect(output.contains(message), "\(output)")
        #expect(!output.contains("building bench"))
    }

    @Test("bad counts in the environment name the variable and its range, exit 2, nothing built", arguments: [
        ("PERF_P5_ROUNDS", "0", "PERF_P5_ROUNDS must be a whole number in 1...100 (got '0')"),
        ("PERF_P5_ROUNDS", "three", "PERF_P5_ROUNDS must be a whole number in 1...100 (got 'three')"),
        ("PERF_P6_LARGE", "-5", "PERF_P6_LARGE must be a whole number in 1...1000000000 (got '-5')"),
        ("PERF_P3_ROUNDS", "101", "PERF_P3_ROUNDS must be a whole number in 1...100 (got '101')"),
        ("PERF_P1_ROUNDS", "0", "PERF_P1_ROUNDS must be a whole number in 1...100 (got '0')"),
        ("PERF_KEEP_HISTORY", "yes", "PERF_KEEP_HISTORY must be a whole number in 0...1 (got 'yes')"),
    ])
    func badEnvironment(name: String, value: String, message: String) throws {
        let (status, output) = try Self.run(["--only", "P3,P5"], environment: [name: value])
        #expect(status == 2)
        #expect(output.contains(message), "\(output)")
        #expect(!output.contains("building bench"))
    }
}
