import Foundation
import Testing

/// `bench serve` and `bench proxy` refuse bad arguments before they bind anything: exit code 2 and one line that
/// names the option and what it accepts. Both read their options through the same `CommandArguments` helpers.
@Suite("bench serve and bench proxy: argument errors")
struct ServeProxyArgumentTests {
    static let upstream = ["--upstream", "http://127.0.0.1:9"]

    @Test(arguments: [
        (["serve", "--port", "65536"], "--port must be an integer in 0...65535 (got \"65536\")"),
        (["serve", "--deployments", "1001"], "--deployments must be an integer in 0...1000"),
        (["serve", "--targets-per-deployment", "0"], "--targets-per-deployment must be an integer in 1...100000"),
        (["serve", "--operation-delay-ms", "60001"], "--operation-delay-ms must be an integer in 0...60000"),
        (["serve", "--seed", "-1"], "--seed must be an integer in 0...2^64-1"),
        (["serve", "--host", "10.0.0"], "--host must be an IPv4 address or localhost (got \"10.0.0\")"),
        (["serve", "--platform", "mainframe"], "--platform must be server, lambda, ecs or cloudformation"),
        (["serve", "--fault", "latency:ms=5"], "latency is a client-side fault"),
        (["serve", "--fault", "throttle:p=2"], "--fault:"),
        (["serve", "--port"], "--port needs a value"),
        (["serve", "--bogus"], "unknown option \"--bogus\"; see `bench serve --help`"),
        (["serve", "extra"], "unexpected argument \"extra\"; see `bench serve --help`"),
        (["proxy", "--port", "-1"] + upstream, "--port must be an integer in 0...65535"),
        (["proxy", "--host", "1.2.3.4.5"] + upstream, "--host must be an IPv4 address or localhost"),
        (["proxy", "--seed", "x"] + upstream, "--seed must be an integer in 0...2^64-1"),
        (["proxy", "--fault", "nope"] + upstream, "unknown kind 'nope'"),
        (["proxy", "extra"] + upstream, "unexpected argument \"extra\"; see `bench proxy --help`"),
    ])
    func refusesWithTheOptionNamed(arguments: [String], message: String) throws {
        let result = try BenchExecutable().run(arguments, in: FileManager.default.temporaryDirectory)
        #expect(result.status == 2, "\(arguments): \(result.stderr)")
        #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
    }

    /// The edges of each range are accepted: the parse gets past every option (and on to binding, which this
    /// test makes fail on purpose with an address it cannot bind).
    @Test func acceptsTheEdgesOfEachRange() throws {
        let result = try BenchExecutable().run(
            ["serve", "--port", "65535", "--deployments", "0", "--targets-per-deployment", "100000",
             "--operation-delay-ms", "60000", "--seed", "18446744073709551615", "--platform", "LAMBDA",
             "--fault", "throttle:p=0.5", "--host", "192.0.2.1"],
            in: FileManager.default.temporaryDirectory)
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains("cannot listen on 192.0.2.1:65535"), "\(result.stderr)")
    }
}
