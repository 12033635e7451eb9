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
        var configuration = EmulatorServer.Configuration()
        configuration.port = 4566
        // Nothing reads the ledger of a served emulator, and a long-lived server must not grow with every change.
        configuration.emulator.recordsLedger = false
        var index = 0
        func value(_ flag: String) throws -> String {
            index += 1
            guard index < arguments.count, !arguments[index].hasPrefix("--") else { throw UsageError("\(flag) needs a value") }
            return arguments[index]
        }
        func integer(_ flag: String, _ range: ClosedRange<Int>) throws -> Int {
            let text = try value(flag)
            guard let number = Int(text), range.contains(number) else {
                throw UsageError("\(flag) must be an integer in \(range.lowerBound)...\(range.upperBound) (got \"\(text)\")")
            }
            return number
        }
        while index < arguments.count {
            let flag = arguments[index]
            switch flag {
            case "--host":
                let host = try value(flag)
                guard host == "localhost" || host.split(separator: ".").count == 4 else {
                    throw UsageError("--host must be an IPv4 address or localhost (got \"\(host)\")")
                }
                configuration.host = host
            case "--port": configuration.port = try integer(flag, 0...65_535)
            case "--seed":
                let text = try value(flag)
                guard let seed = UInt64(text) else { throw UsageError("--seed must be an integer in 0...2^64-1 (got \"\(text)\")") }
                configuration.seed = seed
            case "--deployments": configuration.deployments = try integer(flag, 0...1_000)
            case "--targets-per-deployment": configuration.targetsPerDeployment = try integer(flag, 1...100_000)
            case "--platform":
                let text = try value(flag).lowercased()
                guard let platform = ComputePlatform.allCases.first(where: { $0.rawValue.lowercased() == text }) else {
                    throw UsageError("--platform must be server, lambda, ecs or cloudformation (got \"\(text)\")")
                }
                configuration.platform = platform
            case "--operation-delay-ms":
                configuration.emulator.cloudMapOperationDelayNanoseconds = UInt64(try integer(flag, 0...60_000)) * 1_000_000
            case "--fault":
                let spec = try value(flag)
                let fault: Fault
                do {
                    fault = try FaultSpecParser.parse(spec)
                } catch {
                    throw UsageError("--fault: \(error)")
                }
                guard EmulatorServer.servable(fault.kind) else {
                    throw UsageError(
                        "--fault \(spec): bench serve injects only throttle, conflict and error5xx; "
                            + "\(fault.kind.name) is a client-side fault (use it with bench run --fault)")
                }
                configuration.faults.faults.append(fault)
            case "--verify-signatures": configuration.verifySignatures = true
            default: throw UsageError("unknown option \"\(flag)\"; see `bench serve --help`")
            }
            index += 1
        }
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
