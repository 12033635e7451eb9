import BenchCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing
import TestSupport

@testable import BenchKit

/// nginx and openssl, found once; a missing one skips the TLS suite with a printed reason.
enum TLSTools {
    static let nginx = findExecutable("nginx", alsoIn: ["/usr/sbin", "/usr/bin"])
    static let openssl = findExecutable("openssl", alsoIn: ["/usr/sbin", "/usr/bin"])
    static let available: Bool = {
        if nginx == nil || openssl == nil {
            print("note: nginx or openssl not found; skipping the https:// endpoint tests")
        }
        return nginx != nil && openssl != nil
    }()
}

/// nginx terminating TLS (a fresh self-signed certificate for 127.0.0.1) in front of a `bench serve` server.
final class TLSFrontEnd {
    let folder: URL
    let port: Int
    let certificate: String
    private let server: PeerServer

    init(upstreamPort: Int) throws {
        folder = try makeTemporaryFolder("bench-tls")
        let path = folder.path
        certificate = path + "/cert.pem"
        let made = try runProcess(URL(fileURLWithPath: TLSTools.openssl ?? "/usr/bin/openssl"), [
            "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-keyout", path + "/key.pem",
            "-out", certificate, "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
        ])
        guard made.status == 0 else { throw SetupError("openssl: \(made.errors)") }
        port = try freePort()
        let config = """
            worker_processes 1; daemon off; master_process on;
            pid \(path)/nginx.pid; error_log \(path)/error.log warn;
            events { worker_connections 1024; }
            http {
              access_log off; client_body_temp_path \(path)/body; proxy_temp_path \(path)/proxy;
              fastcgi_temp_path \(path)/fastcgi; uwsgi_temp_path \(path)/uwsgi; scgi_temp_path \(path)/scgi;
              upstream bench { server 127.0.0.1:\(upstreamPort); keepalive 64; }
              server {
                listen 127.0.0.1:\(port) ssl; keepalive_requests 100000;
                ssl_certificate \(certificate); ssl_certificate_key \(path)/key.pem;
                location / {
                  proxy_pass http://bench; proxy_http_version 1.1;
                  proxy_set_header Connection ""; proxy_set_header Host $http_host;
                }
              }
            }
            """
        try config.write(to: folder.appendingPathComponent("nginx.conf"), atomically: true, encoding: .utf8)
        server = try PeerServer(
            TLSTools.nginx ?? "/usr/sbin/nginx", ["-e", "\(path)/error.log", "-p", path, "-c", "\(path)/nginx.conf"])
        for _ in 0..<500 where server.isRunning {  // ready when it accepts a connection; bounded to 5 s
            if canConnect(port: port) { return }
            usleep(10_000)
        }
        let log = (try? String(contentsOf: folder.appendingPathComponent("error.log"), encoding: .utf8)) ?? ""
        stop()
        throw SetupError("nginx did not start listening: \(log)")
    }

    /// Stops nginx (SIGQUIT, its graceful stop; SIGKILL after 5 s) and removes its folder.
    func stop() {
        server.stop(with: SIGQUIT)
        try? FileManager.default.removeItem(at: folder)
    }
}

@Suite("https:// endpoints: URL parsing and error mapping")
struct HTTPSParsingTests {
    @Test("endpoint URLs that parse", arguments: [
        ("http://127.0.0.1", EndpointURL(scheme: .http, host: "127.0.0.1", port: 80)),
        ("https://codedeploy.us-east-1.amazonaws.com",
         EndpointURL(scheme: .https, host: "codedeploy.us-east-1.amazonaws.com", port: 443)),
        ("https://127.0.0.1:8443/", EndpointURL(scheme: .https, host: "127.0.0.1", port: 8443)),
        ("HTTP://localhost:1", EndpointURL(scheme: .http, host: "localhost", port: 1)),
        ("http://localhost:65535", EndpointURL(scheme: .http, host: "localhost", port: 65_535)),
    ])
    func parses(url: String, expected: EndpointURL) throws {
        #expect(try EndpointURL.parse(url) == expected)
    }

    @Test("endpoint URLs refused, each error naming the URL and the reason", arguments: [
        ("127.0.0.1:8080", "expected http://HOST[:PORT] or https://HOST[:PORT]"),
        ("ftp://127.0.0.1", "the scheme must be http:// or https://"),
        ("https://127.0.0.1:8443/v1", "a path is not supported"),
        ("https://127.0.0.1?x=1", "a query or fragment is not supported"),
        ("https://user:pw@127.0.0.1", "user info is not supported"),
        ("https://[::1]:8443", "IPv6 literals are not supported"),
        ("https://", "the host is empty"),
        ("https://:8443", "the host is empty"),
        ("https://bad_host", "the host must be at most 253 of [A-Za-z0-9.-]"),
        ("http://127.0.0.1:0", "the port must be in 1...65535 (got \"0\")"),
        ("http://127.0.0.1:65536", "the port must be in 1...65535 (got \"65536\")"),
        ("http://127.0.0.1:+80", "the port must be in 1...65535"),
        ("http://127.0.0.1:", "the port must be in 1...65535"),
        ("http://127.0.0.1:80:1", "the port must be in 1...65535"),
    ])
    func refuses(url: String, reason: String) {
        #expect {
            try EndpointURL.parse(url)
        } throws: { error in
            "\(error)".hasPrefix("endpoint \(url): ") && "\(error)".contains(reason)
        }
    }

    @Test("each transport refuses the other's scheme; a host over 253 bytes is refused")
    func transportsCheckTheirScheme() {
        let keys = AWSCredentials(accessKeyId: "a", secretAccessKey: "b")
        #expect(throws: SetupError.self) {
            try HTTPTransport(url: "https://127.0.0.1:1", region: "us-east-1", credentials: keys, clock: SystemClock(),
                              timeoutNanoseconds: 1_000_000_000, maxConnections: 1)
        }
        #expect(throws: SetupError.self) {
            try URLSessionTransport(url: "http://127.0.0.1:1", region: "us-east-1", credentials: keys,
                                    clock: SystemClock(), timeoutNanoseconds: 1_000_000_000, maxConnections: 1)
        }
        #expect(throws: SetupError.self) { try EndpointURL.parse("https://" + String(repeating: "a", count: 254)) }
        #expect(throws: Never.self) { try EndpointURL.parse("https://" + String(repeating: "a", count: 253)) }
    }

    @Test("URLSession errors: nothing sent for DNS, connect and TLS failures; unknown outcome otherwise", arguments: [
        (NSURLErrorCannotConnectToHost, "Couldn't connect to server", "connect", false),
        (NSURLErrorCannotFindHost, "Could not resolve host", "connect", false),
        (NSURLErrorServerCertificateUntrusted, "untrusted", "connect", false),
        (NSURLErrorUnknown, "SSL certificate problem: self-signed certificate", "connect", false),
        (NSURLErrorTimedOut, "timed out", "timeout", true),
        (NSURLErrorNetworkConnectionLost, "lost", "reset", true),
        (NSURLErrorBadServerResponse, "bad", "protocolError", true),
        (NSURLErrorCancelled, "cancelled", "cancelled", true),
        (NSURLErrorUnknown, "something else", "reset", true),
    ])
    func failureMapping(code: Int, message: String, kind: String, sent: Bool) {
        let error = NSError(domain: NSURLErrorDomain, code: code, userInfo: [NSLocalizedDescriptionKey: message])
        let failure = URLSessionTransport.failure(for: error)
        #expect(failure.kind == kind)
        #expect(failure.requestSent == sent)
        #expect(failure.detail.contains(message))
    }

    @Test("--ca-bundle: a missing or non-PEM file is a usage error naming the flag; a PEM file is accepted")
    func caBundleFlag() throws {
        #expect { try RunOptions.parse(["--ca-bundle", "/nonexistent/ca.pem"]) } throws: { error in
            "\(error)".hasPrefix("--ca-bundle: cannot read \"/nonexistent/ca.pem\"")
        }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("bench-ca-\(UUID().uuidString).pem")
        defer { try? FileManager.default.removeItem(at: file) }
        try "not a certificate".write(to: file, atomically: true, encoding: .utf8)
        #expect { try RunOptions.parse(["--ca-bundle", file.path]) } throws: { error in
            "\(error)".contains("--ca-bundle: \"\(file.path)\" holds no PEM certificate")
        }
        let pem = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n"
        try pem.write(to: file, atomically: true, encoding: .utf8)
        let options = try RunOptions.parse(["--endpoint", "https://127.0.0.1:8443", "--ca-bundle", file.path])
        let scenario = options.applied(to: Scenario("s") { Phase("p", .iterations(1)) { Mix { CreateTargetGroup() } } })
        #expect(scenario.endpoint.caBundle == file.path)
        #expect(!scenario.validationIssues().contains { $0.path.hasPrefix("endpoint") })
        let embedded = Scenario("e") {
            Endpoint.embedded.trusting(caBundle: file.path)
            Phase("p", .iterations(1))
        }
        #expect(embedded.validationIssues().contains { $0.path == "endpoint.caBundle" })
    }
}

@Suite("https:// endpoints: nginx TLS in front of bench serve", .serialized,
       .enabled(if: TLSTools.available, "nginx or openssl is not installed (apt-get install nginx-light openssl)"))
struct HTTPSEndpointTests {
    static let keys = AWSCredentials(accessKeyId: "AKIDHTTPSTEST", secretAccessKey: "https-secret")

    @Test("bench run --ca-bundle: all four operations over TLS succeed, signatures verify, the checker reads back")
    func trustedRun() throws {
        let (server, upstream) = try LiveEndpointTests.server {
            $0.verifySignatures = true
            $0.credentials = [Self.keys]
        }
        defer { server.stop() }
        let tls = try TLSFrontEnd(upstreamPort: upstream)
        defer { tls.stop() }
        let bench = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
            .appendingPathComponent("bench")
        try #require(FileManager.default.isExecutableFile(atPath: bench.path), "run `swift build` first")
        let file = tls.folder.appendingPathComponent("https.swift"), out = tls.folder.appendingPathComponent("out")
        try """
            import BenchKit
            let scenario = Scenario("https") {
                Endpoint.http("http://127.0.0.1:1")
                Seed(7)
                Setup {
                    TargetGroups(2)
                    CloudMapService(namespace: "tls.local", name: "svc")
                    Deployment(targets: 30)
                }
                Phase("p", .iterations(48, concurrency: 4))
            }
            """.write(to: file, atomically: true, encoding: .utf8)
        let run = try runProcess(URL(fileURLWithPath: "/usr/bin/env"), [
            "-u", "AWS_SESSION_TOKEN", "-u", "AWS_PROFILE", "AWS_ACCESS_KEY_ID=\(Self.keys.accessKeyId)",
            "AWS_SECRET_ACCESS_KEY=\(Self.keys.secretAccessKey)", bench.path, "run", file.path, "--quiet",
            "--endpoint", "https://127.0.0.1:\(tls.port)", "--ca-bundle", tls.certificate, "--out", out.path,
        ])
        #expect(run.status == 0, "\(run.output)\n\(run.errors)")
        let data = try Data(contentsOf: out.appendingPathComponent("summary.json"))
        let summary = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect((summary["endpoint"] as? String)?.hasPrefix("https://127.0.0.1:\(tls.port)") == true)
        let totals = try #require(summary["totals"] as? [String: [String: Any]])
        let operations: Set = ["CreateTargetGroup", "RegisterTargets", "RegisterInstance", "BatchGetDeploymentTargets"]
        #expect(Set(totals.keys) == operations)
        #expect(totals.values.reduce(0) { $0 + ($1["count"] as? Int ?? 0) } == 48)
        for (name, op) in totals { #expect(op["ok"] as? Int == op["count"] as? Int, "\(name): \(op)") }
        let idempotency = try #require(summary["idempotency"] as? [String: Any], "the checker did not run")
        #expect(idempotency["violations"] as? Int == 0)
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("readback.json").path))
        let ledger = server.emulator.ledger.snapshot
        #expect(ledger.contains { $0.operation == "RegisterInstance" && $0.invocationId != nil })
    }

    @Test("an untrusted certificate: every call is a TLS transport failure with nothing sent, no hang, no crash")
    func untrustedCertificate() async throws {
        let (server, upstream) = try LiveEndpointTests.server()
        defer { server.stop() }
        let tls = try TLSFrontEnd(upstreamPort: upstream)
        defer { tls.stop() }
        let url = "https://127.0.0.1:\(tls.port)"
        let transport = try URLSessionTransport(
            url: url, region: "us-east-1", credentials: Self.keys, clock: SystemClock(),
            timeoutNanoseconds: 10_000_000_000, maxConnections: 2)
        let request = AWSRequest.codeDeploy(.listDeployments(ListDeploymentsInput()))
        guard case .failure(let failure) = await transport.send(request, context: RequestContext(requestId: "t")) else {
            Issue.record("an untrusted certificate was accepted")
            return
        }
        #expect(failure.kind == "connect" && !failure.requestSent)
        #expect(failure.detail.hasPrefix("TLS: ") && failure.detail.contains("certificate"), "\(failure.detail)")
        let scenario = Scenario("untrusted") {
            Endpoint.http(url)
            Phase("p", .iterations(12, concurrency: 2)) { Mix { CreateTargetGroup() } }
        }
        let result = try await Runner(scenario: scenario).run()
        let op = try #require(result.summary.phases[0].operations["CreateTargetGroup"])
        #expect(op.count == 12 && op.unknown == 12)
        #expect(op.calls.outcomes["fail"] == 12)  // nothing was sent, so nothing can have been applied
        #expect(!server.emulator.ledger.snapshot.contains { $0.operation == "CreateTargetGroup" })
    }
}
