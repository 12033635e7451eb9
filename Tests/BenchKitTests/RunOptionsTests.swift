import Testing

@testable import BenchKit

@Suite("RunOptions")
struct RunOptionsTests {
    @Test("flags parse and override the scenario")
    func overrides() throws {
        let options = try RunOptions.parse([
            "--seed", "99", "--duration-scale", "0.5", "--rate-scale", "2", "--out", "/tmp/x", "--quiet",
        ])
        #expect(options.seed == 99 && options.outputFolder == "/tmp/x" && options.quiet)
        let scenario = Scenario("s") {
            Seed(1)
            Phase("p", .constantRate(10, for: .seconds(4)))
            Phase("q", .rampingRate(from: 1, to: 3, over: .seconds(2)))
        }
        let applied = options.applied(to: scenario)
        #expect(applied.seed == 99)
        #expect(applied.phases[0].executor == .constantRate(20, for: .seconds(2)))
        #expect(applied.phases[1].executor == .rampingRate(from: 2, to: 6, over: .seconds(1)))
    }

    @Test("an endpoint flag replaces the embedded endpoint")
    func endpoint() throws {
        let options = try RunOptions.parse(["--endpoint", "http://127.0.0.1:4566", "--region", "eu-west-1"])
        let applied = options.applied(to: Scenario("s") {})
        #expect(applied.endpoint == .http("http://127.0.0.1:4566", region: "eu-west-1"))
    }

    @Test("bad flags name the flag and the allowed values", arguments: [
        // The same words as `bench serve` and `bench proxy` (one parser, OptionValue).
        (["--seed", "-3"], "--seed must be an integer in 0...2^64-1 (got \"-3\")"),
        (["--fault", "throttle:p=2"], "--fault: "),
        (["--seed"], "--seed needs a value"),
        (["--duration-scale", "0"], "--duration-scale must be a number in 0.001...1000"),
        (["--rate-scale", "abc"], "--rate-scale must be a number in 0.001...1000"),
        (["--endpoint", "ftp://x"], "--endpoint must start with http://"),
        (["--region", "US EAST"], "--region must be 1-32 of [a-z0-9-]"),
        (["--bogus"], "unknown option \"--bogus\""),
    ])
    func bad(arguments: [String], message: String) {
        #expect(throws: UsageError.self) { try RunOptions.parse(arguments) }
        do {
            _ = try RunOptions.parse(arguments)
        } catch {
            #expect(error.description.contains(message), "got: \(error)")
        }
    }
}
