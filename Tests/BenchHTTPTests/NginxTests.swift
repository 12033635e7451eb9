import BenchCore
import Foundation
import Testing
import TestSupport

@testable import BenchHTTP

#if canImport(Glibc)
import Glibc
#endif

/// Where nginx is installed, looked up once.
enum NginxBinary {
    /// The nginx binary, if any (also prints why the suite is skipped when there is none).
    static let path: String? = {
        let found = findExecutable("nginx", alsoIn: ["/usr/sbin", "/usr/local/sbin"])
        if found == nil { print("note: nginx not found; skipping the real-nginx client tests") }
        return found
    }()
}

/// The client against a real nginx (`nginx-light`), configured like research/peers.md §2.
/// Skipped, with a printed note, when nginx is not installed.
@Suite("nginx", .enabled(if: NginxBinary.path != nil, "nginx is not on the PATH (apt-get install nginx-light)"))
struct NginxTests {
    static let helloJSON = #"{"message":"hello","from":"bench","value":1234}"# + "\n"

    /// A running nginx on a free 127.0.0.1 port (a ``PeerServer``); `stop()` sends SIGQUIT and waits for it.
    final class Nginx {
        let directory: URL
        let port: Int
        let server: PeerServer

        init() async throws {
            let (probe, port) = try Socket.listen(host: "127.0.0.1", port: 0, backlog: 1)
            close(probe)
            self.port = port
            directory = try makeTemporaryFolder("bench-nginx")
            let html = directory.appendingPathComponent("html")
            try FileManager.default.createDirectory(at: html, withIntermediateDirectories: true)
            chmod(directory.path, 0o755)
            chmod(html.path, 0o755)
            try NginxTests.helloJSON.write(
                to: html.appendingPathComponent("hello.json"), atomically: true, encoding: .utf8)
            let big = String(repeating: #"{"id":"tg-0123456789abcdef","port":8080,"status":"HEALTHY"},"#, count: 200)
            try "[\(big){}]".write(to: html.appendingPathComponent("big.json"), atomically: true, encoding: .utf8)
            let path = directory.path
            let config = """
                worker_processes 1; daemon off; master_process on;
                pid \(path)/nginx.pid; error_log \(path)/error.log warn;
                events { worker_connections 1024; }
                http {
                  access_log off; keepalive_timeout 65s; keepalive_requests 10000; tcp_nodelay on;
                  default_type application/json; types { application/json json; }
                  client_body_temp_path \(path)/body; proxy_temp_path \(path)/proxy;
                  fastcgi_temp_path \(path)/fastcgi; uwsgi_temp_path \(path)/uwsgi; scgi_temp_path \(path)/scgi;
                  server {
                    listen 127.0.0.1:\(port);
                    root \(path)/html;
                    location = /hello.json { }
                    location = /big.json { gzip on; gzip_types application/json; gzip_min_length 1; }
                    location = /inline { return 200 '{"ok":true}'; }
                    location = /limited { keepalive_requests 2; return 200 'limited'; }
                  }
                }
                """
            try config.write(to: directory.appendingPathComponent("nginx.conf"), atomically: true, encoding: .utf8)
            server = try PeerServer(
                NginxBinary.path ?? "/usr/sbin/nginx",
                ["-e", "\(path)/error.log", "-p", path, "-c", "\(path)/nginx.conf"])
            // Ready when it accepts a connection: poll, bounded to 5 s.
            for _ in 0..<500 {
                if (try? RawSocket(port: port, readTimeout: 1)) != nil { return }
                guard server.isRunning else { break }
                try await Task.sleep(for: .milliseconds(10))
            }
            let log = (try? String(contentsOf: directory.appendingPathComponent("error.log"), encoding: .utf8)) ?? ""
            stop()
            throw HTTPSystemError(operation: "nginx", message: "did not start listening: \(log)")
        }

        /// Stops nginx (SIGQUIT, its graceful stop; SIGKILL after 5 s) and removes its folder.
        func stop() {
            server.stop(with: SIGQUIT)
            try? FileManager.default.removeItem(at: directory)
        }
    }

    static func withNginx(_ body: (Nginx, HTTPEndpoint) async throws -> Void) async throws {
        let nginx = try await Nginx()
        defer { nginx.stop() }
        try await body(nginx, HTTPEndpoint(host: "127.0.0.1", port: nginx.port))
    }

    @Test func keepAliveStaticAndInline() async throws {
        try await Self.withNginx { _, endpoint in
            let client = try HTTPClient()
            defer { client.shutdown() }
            for _ in 0..<20 {
                let response = try await client.execute(HTTPRequest(path: "/hello.json"), to: endpoint)
                #expect(response.status == 200)
                #expect(response.body.count == 48)
                #expect(String(decoding: response.body, as: UTF8.self) == Self.helloJSON)
            }
            let inline = try await client.execute(HTTPRequest(path: "/inline"), to: endpoint)
            #expect(String(decoding: inline.body, as: UTF8.self) == #"{"ok":true}"#)
            let head = try await client.execute(HTTPRequest(method: "HEAD", path: "/hello.json"), to: endpoint)
            #expect(head.headers["Content-Length"] == "48")
            #expect(head.body.isEmpty)
            let missing = try await client.execute(HTTPRequest(path: "/missing"), to: endpoint)
            #expect(missing.status == 404)
            #expect(client.statistics.connectionsOpened == 1)
        }
    }

    @Test func chunkedGzipResponse() async throws {
        try await Self.withNginx { _, endpoint in
            let client = try HTTPClient()
            defer { client.shutdown() }
            for _ in 0..<3 {
                let response = try await client.execute(
                    HTTPRequest(path: "/big.json", headers: ["Accept-Encoding": "gzip"]), to: endpoint)
                #expect(response.status == 200)
                #expect(response.headers["Transfer-Encoding"] == "chunked")
                #expect(response.headers["Content-Encoding"] == "gzip")
                #expect(response.body.starts(with: [0x1f, 0x8b]))
            }
            #expect(client.statistics.connectionsOpened == 1)
        }
    }

    @Test func keepaliveRequestsLimitClosesAndClientReconnects() async throws {
        try await Self.withNginx { _, endpoint in
            let client = try HTTPClient()
            defer { client.shutdown() }
            var closes = 0
            for _ in 0..<6 {
                let response = try await client.execute(HTTPRequest(path: "/limited"), to: endpoint)
                #expect(String(decoding: response.body, as: UTF8.self) == "limited")
                if response.headers.listContains("Connection", token: "close") { closes += 1 }
            }
            #expect(closes == 3)
            #expect(client.statistics.connectionsOpened == 3)
        }
    }

    @Test func concurrentRequestsOverAPool() async throws {
        try await Self.withNginx { _, endpoint in
            let client = try HTTPClient(configuration: HTTPClient.Configuration(maxConnectionsPerEndpoint: 8))
            defer { client.shutdown() }
            try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<16 {
                    group.addTask {
                        var bytes = 0
                        for _ in 0..<50 {
                            bytes += try await client.execute(HTTPRequest(path: "/hello.json"), to: endpoint).body.count
                        }
                        return bytes
                    }
                }
                var total = 0
                for try await bytes in group { total += bytes }
                #expect(total == 16 * 50 * 48)
            }
            #expect(client.statistics.connectionsOpened <= 8)
        }
    }
}
