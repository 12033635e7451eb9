import BenchKit
import BenchHTTP
import Foundation
import Synchronization

/// `bench http-load`: wrk's closed loop with the project's HTTP client: a fixed number of keep-alive connections,
/// each sending its next request the moment the previous answered, for a fixed time. It measures an HTTP server,
/// and the client's own cost per request (the figure issue 8's P1 compares with wrk).
enum HTTPLoadCommand {
    static let help = """
        USAGE: bench http-load <http://HOST[:PORT][/PATH]> [options]

        Keeps N keep-alive connections busy for a fixed time, each sending its next request as soon as the previous
        one answered (a closed loop, like wrk), then prints requests/s, latency percentiles, non-2xx answers,
        failures, and the client's CPU time per request (user + system, from getrusage). Plain HTTP/1.1 only.

        OPTIONS:
          -c, --connections N   connections kept busy (default 8, 1...10000)
          -d, --duration S      seconds to run (default 10, 0.1...3600)
          -t, --threads N       client event loop threads (default 1, 1...64)
          --method M            request method (default GET)
          --header 'N: V'       add a request header (repeatable)
          --body-file FILE      send the file's bytes as the request body
          --timeout S           per-request timeout in seconds (default 10)
          --json                print one JSON object instead of the table
          -h, --help            show this help

        EXAMPLE:
          bench http-load http://127.0.0.1:8080/ -c 8 -d 5
        """

    /// What one run is asked to do.
    struct Options {
        var endpoint: HTTPEndpoint
        var request: HTTPRequest
        var connections = 8
        var seconds = 10.0
        var threads = 1
        var timeoutSeconds = 10.0
        var json = false
    }

    static func run(_ arguments: [String]) throws -> ExitCode {
        let options = try parse(arguments)
        var configuration = HTTPClient.Configuration(
            maxConnectionsPerEndpoint: options.connections, eventLoopThreads: options.threads)
        configuration.requestTimeout = .milliseconds(Int64(options.timeoutSeconds * 1000))
        configuration.keepsResponseHeaders = false  // counted, never read: no String per header field
        let client = try HTTPClient(configuration: configuration)
        defer { client.shutdown() }
        let before = ProcessResources.sample()
        let wallStart = SystemClock.monotonicNanoseconds()
        let summary = blockingAwait {
            await client.runClosedLoop(
                options.request, to: options.endpoint, concurrency: options.connections,
                duration: .milliseconds(Int64(options.seconds * 1000)))
        }
        let wall = Double(SystemClock.monotonicNanoseconds() - wallStart) / 1e9
        let after = ProcessResources.sample()
        let report = Report(
            options: options, summary: summary, wallSeconds: wall,
            cpuUserSeconds: after.cpuUserSeconds - before.cpuUserSeconds,
            cpuSystemSeconds: after.cpuSystemSeconds - before.cpuSystemSeconds)
        print(options.json ? report.json : report.table)
        return summary.succeeded > 0 ? .success : .runtimeError
    }

    static func parse(_ arguments: [String]) throws -> Options {
        let aliases = ["-c": "--connections", "-d": "--duration", "-t": "--threads"]
        let parsed = try CommandArguments(
            arguments.map { aliases[$0] ?? $0 }, command: "http-load",
            valued: ["--connections", "--duration", "--threads", "--method", "--header", "--body-file", "--timeout"],
            flags: ["--json"])
        let url = try parsed.expect(1, usage: "bench http-load <http://HOST[:PORT][/PATH]> [options]")[0]
        let (endpoint, target) = try parseURL(url)
        var headers: [(name: String, value: String)] = []
        for header in parsed.values["--header"] ?? [] {
            guard let colon = header.firstIndex(of: ":"), colon != header.startIndex else {
                throw UsageError("--header must look like 'Name: value' (got \"\(header)\")")
            }
            headers.append((String(header[..<colon]), header[header.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
        }
        var body: [UInt8] = []
        if let file = parsed.value("--body-file") {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw UsageError("--body-file: cannot read \"\(file)\"")
            }
            body = Array(data)
        }
        var options = Options(
            endpoint: endpoint,
            request: HTTPRequest(
                method: parsed.value("--method") ?? "GET", path: target, headers: HTTPHeaders(headers), body: body))
        options.connections = try parsed.integer("--connections", in: 1...10_000) ?? options.connections
        options.threads = try parsed.integer("--threads", in: 1...64) ?? options.threads
        options.seconds = try seconds(parsed, "--duration", 0.1...3600) ?? options.seconds
        options.timeoutSeconds = try seconds(parsed, "--timeout", 0.001...3600) ?? options.timeoutSeconds
        options.json = parsed.flags.contains("--json")
        return options
    }

    /// The endpoint and request target of `http://HOST[:PORT][/PATH[?QUERY]]`: the origin is parsed (and
    /// checked) as every endpoint is, by ``EndpointURL``; the rest is the request target.
    static func parseURL(_ url: String) throws -> (HTTPEndpoint, String) {
        guard url.hasPrefix("http://") else {
            throw UsageError("the URL must start with http:// (got \"\(url)\"); https is not supported by http-load")
        }
        let afterScheme = url.index(url.startIndex, offsetBy: "http://".count)
        let targetStart = url[afterScheme...].firstIndex { $0 == "/" || $0 == "?" } ?? url.endIndex
        let origin: EndpointURL
        do {
            origin = try EndpointURL.parse(String(url[..<targetStart]))
        } catch {
            throw UsageError("\(error)")
        }
        var target = String(url[targetStart...])
        if target.isEmpty { target = "/" } else if target.hasPrefix("?") { target = "/" + target }
        return (HTTPEndpoint(host: origin.host, port: origin.port), target)
    }

    private static func seconds(_ parsed: CommandArguments, _ flag: String, _ range: ClosedRange<Double>) throws -> Double? {
        guard let text = parsed.value(flag) else { return nil }
        guard let number = Double(text.hasSuffix("s") ? String(text.dropLast()) : text), range.contains(number) else {
            throw UsageError("\(flag) must be seconds in \(range.lowerBound)...\(range.upperBound) (got \"\(text)\")")
        }
        return number
    }

    /// The printed result of one run.
    struct Report {
        let options: Options
        let summary: ClosedLoopSummary
        let wallSeconds: Double
        let cpuUserSeconds: Double
        let cpuSystemSeconds: Double

        var requests: Int { summary.succeeded + summary.failed }
        var nonSuccess: Int { summary.nonSuccess }
        /// The first failure's message (`connect: Connection refused`, a timeout), when any request failed.
        var firstFailure: String? { summary.firstFailure.map { "\($0.kind.rawValue): \($0.message)" } }
        var requestsPerSecond: Double { Double(summary.succeeded) / max(wallSeconds, 1e-9) }
        /// Client CPU microseconds (user + system, all threads) per completed request.
        var cpuMicrosecondsPerRequest: Double { requests == 0 ? 0 : (cpuUserSeconds + cpuSystemSeconds) * 1e6 / Double(requests) }

        private func percentile(_ p: Double) -> Double {
            summary.latency.totalCount == 0 ? 0 : Double(summary.latency.valueAtPercentile(p)) / 1e6
        }

        var table: String {
            func ms(_ value: Double) -> String { String(format: "%.3f ms", value) }
            let options = self.options
            let failure = firstFailure.map { "\n  first failure \($0)" } ?? ""
            return """
                http-load \(options.endpoint)\(options.request.path): \(options.connections) connections, \
                \(options.threads) thread(s), \(String(format: "%.1f", wallSeconds)) s
                  requests     \(summary.succeeded) (\(String(format: "%.1f", requestsPerSecond))/s), \
                non-2xx \(nonSuccess), failed \(summary.failed)
                  latency      p50 \(ms(percentile(50)))  p90 \(ms(percentile(90)))  p99 \(ms(percentile(99)))  \
                max \(ms(Double(summary.latency.max) / 1e6))
                  client CPU   \(String(format: "%.2f", cpuMicrosecondsPerRequest)) us/request (user \
                \(String(format: "%.2f", cpuUserSeconds)) s, system \(String(format: "%.2f", cpuSystemSeconds)) s)\(failure)
                """
        }

        var json: String {
            let object: JSONValue = .object([
                "connections": .number(Double(options.connections)), "threads": .number(Double(options.threads)),
                "seconds": .number(wallSeconds), "succeeded": .number(Double(summary.succeeded)),
                "failed": .number(Double(summary.failed)), "nonSuccess": .number(Double(nonSuccess)),
                "firstFailure": firstFailure.map(JSONValue.string) ?? .null,
                "requestsPerSecond": .number(requestsPerSecond),
                "cpuUserSeconds": .number(cpuUserSeconds), "cpuSystemSeconds": .number(cpuSystemSeconds),
                "cpuMicrosecondsPerRequest": .number(cpuMicrosecondsPerRequest),
                "latencyMilliseconds": .object([
                    "p50": .number(percentile(50)), "p90": .number(percentile(90)), "p99": .number(percentile(99)),
                    "max": .number(Double(summary.latency.max) / 1e6),
                ]),
            ])
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            return (try? encoder.encode(object)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        }
    }
}

/// Runs `body` on the cooperative pool and blocks the calling (main) thread until it returns.
private func blockingAwait<T: Sendable>(_ body: @escaping @Sendable () async -> T) -> T {
    let done = DispatchSemaphore(value: 0)
    let result = Mutex<T?>(nil)
    Task {
        let value = await body()
        result.withLock { $0 = value }
        done.signal()
    }
    done.wait()
    return result.withLock { $0! }
}
