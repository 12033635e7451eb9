import BenchKit
import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `bench serve`: the embedded emulator over HTTP until SIGINT or SIGTERM.
enum ServeCommand {
    static let help = """
        USAGE: bench serve [options]

        Serves the embedded emulator of VPC Lattice (restJson1), Cloud Map and CodeDeploy (awsJson1_1) on one port,
        so boto3, the AWS CLI or any SDK can use it with endpoint_url. Prints `listening on http://HOST:PORT` when
        ready; Ctrl-C or SIGTERM stops it gracefully.

        OPTIONS:
          --host H                     address to bind (default 127.0.0.1, loopback only)
          --port N                     port (default 4566; 0 picks a free one)
          --seed N                     seed of the emulator's ids (default 1)
          --deployments N              CodeDeploy deployments to create at start (default 0, at most 1000)
          --targets-per-deployment M   targets in each (default 25, 1...100000)
          --platform P                 server, lambda, ecs or cloudformation (default server)
          --operation-delay-ms N       Cloud Map asynchronous operation time (default 20, 0...60000)
          --fault SPEC                 answer some requests with a synthetic error instead (repeatable):
                                       throttle, conflict or error5xx, with keys p, op, from, to, retry-after,
                                       variant (see docs/faults.md); e.g. --fault throttle:p=1
          --verify-signatures          refuse requests not signed (SigV4) with AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY
                                       or the shared credentials file
          -h, --help                   show this help

        EXAMPLE:
          bench serve --port 4566 --deployments 2 &
          aws --endpoint-url http://127.0.0.1:4566 servicediscovery create-http-namespace --name demo
        """

    static func parse(_ arguments: [String]) throws -> EmulatorServer.Configuration {
        let parsed = try CommandArguments(
            arguments, command: "serve",
            valued: [
                "--host", "--port", "--seed", "--deployments", "--targets-per-deployment", "--platform",
                "--operation-delay-ms", "--fault",
            ],
            flags: ["--verify-signatures"])
        try parsed.expectNoPositionals(command: "serve")
        var configuration = EmulatorServer.Configuration()
        configuration.port = 4566
        // Nothing reads the ledger of a served emulator, and a long-lived server must not grow with every change.
        configuration.emulator.recordsLedger = false
        if let host = try parsed.host() { configuration.host = host }
        if let port = try parsed.integer("--port", in: 0...65_535) { configuration.port = port }
        if let seed = try parsed.seed() { configuration.seed = seed }
        if let count = try parsed.integer("--deployments", in: 0...1_000) { configuration.deployments = count }
        if let count = try parsed.integer("--targets-per-deployment", in: 1...100_000) {
            configuration.targetsPerDeployment = count
        }
        if let text = parsed.value("--platform")?.lowercased() {
            guard let platform = ComputePlatform.allCases.first(where: { $0.rawValue.lowercased() == text }) else {
                throw UsageError("--platform must be server, lambda, ecs or cloudformation (got \"\(text)\")")
            }
            configuration.platform = platform
        }
        if let milliseconds = try parsed.integer("--operation-delay-ms", in: 0...60_000) {
            configuration.emulator.cloudMapOperationDelayNanoseconds = UInt64(milliseconds) * 1_000_000
        }
        for fault in try parsed.faults() {
            guard EmulatorServer.servable(fault.kind) else {
                throw UsageError(
                    "--fault \(fault.kind.name): bench serve injects only throttle, conflict and error5xx; "
                        + "\(fault.kind.name) is a client-side fault (use it with bench run --fault)")
            }
            configuration.faults.faults.append(fault)
        }
        configuration.verifySignatures = parsed.flags.contains("--verify-signatures")
        if configuration.verifySignatures {
            guard let credentials = try AWSCredentials.resolve(environment: ProcessInfo.processInfo.environment) else {
                throw UsageError("--verify-signatures needs credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY")
            }
            configuration.credentials = [credentials]
        }
        return configuration
    }

    static func run(_ arguments: [String]) throws -> ExitCode {
        let server = EmulatorServer(configuration: try parse(arguments))
        let port: Int
        do {
            port = try server.start()
        } catch {
            throw UsageError("cannot listen on \(server.configuration.host):\(server.configuration.port): \(error)")
        }
        var banner = ""
        if !server.seededDeployments.isEmpty {
            banner += "seeded deployments: \(server.seededDeployments.joined(separator: " "))\n"
        }
        banner += "listening on http://\(server.configuration.host):\(port)\n"
        FileHandle.standardOutput.write(Data(banner.utf8))  // unbuffered: a waiting script sees it at once
        Termination.wait()
        server.stop()
        FileHandle.standardOutput.write(Data("stopped\n".utf8))
        return .success
    }
}
