import BenchKit
import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `bench proxy`: a fault-injecting proxy in front of an AWS endpoint until SIGINT or SIGTERM.
enum ProxyCommand {
    static let help = """
        USAGE: bench proxy --upstream http://HOST:PORT [options]

        Forwards every request unchanged to the upstream (headers, Host and Authorization included, body bytes
        identical, so SigV4 signatures stay valid) and injects faults on the way. Prints
        `proxying http://HOST:PORT -> UPSTREAM` when ready; Ctrl-C or SIGTERM stops it gracefully.

        OPTIONS:
          --upstream URL       the endpoint to forward to, http://HOST:PORT (required)
          --host H             address to bind (default 127.0.0.1, loopback only)
          --port N             port (default 4567; 0 picks a free one)
          --fault SPEC         inject a fault (repeatable; see docs/faults.md): throttle, conflict, error5xx
                               (answered without forwarding), latency, duplicate, lose-response, reset;
                               e.g. --fault lose-response:p=0.1 --fault throttle:p=0.05,op=RegisterTargets
          --seed N             seed of the fault draws (default 1)
          --faults-csv PATH    write every injected fault to PATH (on stop)
          -h, --help           show this help

        EXAMPLE:
          bench serve --port 4566 &
          bench proxy --upstream http://127.0.0.1:4566 --port 4567 --fault duplicate:p=0.2 &
          aws --endpoint-url http://127.0.0.1:4567 vpc-lattice list-target-groups
        """

    static func parse(_ arguments: [String]) throws -> ProxyServer.Configuration {
        let parsed = try CommandArguments(
            arguments, command: "proxy",
            valued: ["--upstream", "--host", "--port", "--fault", "--seed", "--faults-csv"])
        try parsed.expectNoPositionals(command: "proxy")
        guard let url = parsed.value("--upstream") else {
            throw UsageError("--upstream is required: the endpoint to forward to, http://HOST:PORT")
        }
        var configuration: ProxyServer.Configuration
        do {
            configuration = ProxyServer.Configuration(upstream: try ProxyServer.endpoint(url))
        } catch {
            throw UsageError("--upstream: \(error)")
        }
        configuration.port = 4567
        if let host = try parsed.host() { configuration.host = host }
        if let port = try parsed.integer("--port", in: 0...65_535) { configuration.port = port }
        if let seed = try parsed.seed() { configuration.seed = seed }
        configuration.faults.faults = try parsed.faults()
        if let path = parsed.value("--faults-csv") {
            guard !path.isEmpty, !path.hasSuffix("/") else {
                throw UsageError("--faults-csv needs a file path (got \"\(path)\")")
            }
            configuration.faultsCSV = URL(fileURLWithPath: path)
        }
        return configuration
    }

    static func run(_ arguments: [String]) throws -> ExitCode {
        let configuration = try parse(arguments)
        let proxy = try ProxyServer(configuration: configuration)
        let port: Int
        do {
            port = try proxy.start()
        } catch {
            throw UsageError("cannot listen on \(configuration.host):\(configuration.port): \(error)")
        }
        let banner = "proxying http://\(configuration.host):\(port) -> http://\(configuration.upstream)\n"
        FileHandle.standardOutput.write(Data(banner.utf8))  // unbuffered: a waiting script sees it at once
        Termination.wait()
        try proxy.stop()
        let counts = proxy.faultCounts.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        FileHandle.standardOutput.write(
            Data("stopped; faults injected: \(counts.isEmpty ? "none" : counts.joined(separator: " "))\n".utf8))
        return .success
    }
}
