import BenchHTTP
import Foundation
import Testing

/// `bench http-load` against a real HTTP server on 127.0.0.1 (BenchHTTP's), run as the built executable.
@Suite("bench http-load")
struct HTTPLoadCommandTests {
    static func withServer(_ body: (Int) throws -> Void) throws {
        let server = HTTPServer(port: 0) { request in
            request.path == "/busy"
                ? HTTPResponse(status: 503, body: Array("busy".utf8))
                : HTTPResponse(status: 200, headers: [("Content-Type", "application/json")], body: Array("{}".utf8))
        }
        let port = try server.start()
        defer { server.stop() }
        try body(port)
    }

    static func json(_ result: BenchExecutable.Result) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        return try #require(object, "not a JSON object: \(result.stdout) \(result.stderr)")
    }

    @Test("a closed loop against a live server: requests counted, latency and client CPU reported, exit 0")
    func loadsALiveServer() throws {
        try Self.withServer { port in
            let bench = try BenchExecutable()
            let result = try bench.run(
                ["http-load", "http://127.0.0.1:\(port)/ok", "-c", "2", "-d", "0.3", "--json"],
                in: FileManager.default.temporaryDirectory)
            #expect(result.status == 0, "\(result.stderr)")
            let report = try Self.json(result)
            let succeeded = try #require(report["succeeded"] as? Double)
            #expect(succeeded > 0)
            #expect(report["failed"] as? Double == 0)
            #expect(report["nonSuccess"] as? Double == 0)
            #expect((report["cpuMicrosecondsPerRequest"] as? Double ?? 0) > 0)
            let latency = try #require(report["latencyMilliseconds"] as? [String: Double])
            #expect((latency["p50"] ?? 0) > 0 && (latency["p50"] ?? 0) <= (latency["max"] ?? 0))
        }
    }

    @Test("answers that are not 2xx are counted as such, not as failures")
    func countsNon2xx() throws {
        try Self.withServer { port in
            let result = try BenchExecutable().run(
                ["http-load", "http://127.0.0.1:\(port)/busy", "-c", "1", "-d", "0.2", "--json"],
                in: FileManager.default.temporaryDirectory)
            let report = try Self.json(result)
            #expect(report["nonSuccess"] as? Double == report["succeeded"] as? Double)
            #expect((report["succeeded"] as? Double ?? 0) > 0)
        }
    }

    @Test("nothing listening: every request fails, the first failure is named, exit 1")
    func reportsFailures() throws {
        let result = try BenchExecutable().run(
            ["http-load", "http://127.0.0.1:1/", "-c", "1", "-d", "0.2"], in: FileManager.default.temporaryDirectory)
        #expect(result.status == 1)
        #expect(result.stdout.contains("first failure connect"), "\(result.stdout)")
    }

    @Test("bad arguments name the flag and the limit, exit 2", arguments: [
        (["http-load", "https://127.0.0.1/"], "must start with http://"),
        (["http-load", "http://127.0.0.1:70000/"], "port must be in 1...65535"),
        (["http-load", "http://127.0.0.1/", "-c", "0"], "--connections must be an integer in 1...10000"),
        (["http-load", "http://127.0.0.1/", "-d", "0"], "--duration must be seconds in 0.1...3600"),
        (["http-load", "http://127.0.0.1/", "--header", "nocolon"], "--header must look like 'Name: value'"),
    ])
    func usageErrors(arguments: [String], message: String) throws {
        let result = try BenchExecutable().run(arguments, in: FileManager.default.temporaryDirectory)
        #expect(result.status == 2)
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }
}
