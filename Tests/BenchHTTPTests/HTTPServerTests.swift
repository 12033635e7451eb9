import BenchCore
import Testing
@testable import BenchHTTP

@Suite("HTTPServer")
struct HTTPServerTests {
    /// Echoes method, path and body; `/count` reports the body length.
    static let echo: HTTPServer.Handler = { request in
        HTTPResponse(
            status: 200, headers: ["Content-Type": "text/plain", "X-Path": request.path],
            body: Array("\(request.method) \(request.path) ".utf8) + request.body)
    }

    static func withServer(
        _ configuration: HTTPServer.Configuration = HTTPServer.Configuration(),
        handler: @escaping HTTPServer.Handler = echo, _ body: (Int) throws -> Void
    ) throws {
        let server = HTTPServer(port: 0, configuration: configuration, handler: handler)
        let port = try server.start()
        defer { server.stop() }
        try body(port)
    }

    @Test func answersKeepAliveRequestsOnOneConnection() throws {
        try Self.withServer { port in
            let socket = try RawSocket(port: port)
            for index in 0..<3 {
                socket.send("POST /n\(index) HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\nhi")
                let response = socket.readResponses(1)
                #expect(response.first?.status == 200)
                #expect(response.first.map { String(decoding: $0.body, as: UTF8.self) } == "POST /n\(index) hi")
                #expect(response.first?.keepAlive == true)
            }
        }
    }

    @Test func answersPipelinedRequestsInOrder() throws {
        try Self.withServer { port in
            let socket = try RawSocket(port: port)
            let requests = (0..<20).map { "GET /p\($0) HTTP/1.1\r\nHost: x\r\n\r\n" }.joined()
            socket.send(requests + "POST /chunked HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n")
            let responses = socket.readResponses(21)
            #expect(responses.map { $0.headers["X-Path"] ?? "" } == (0..<20).map { "/p\($0)" } + ["/chunked"])
            #expect(responses.last.map { String(decoding: $0.body, as: UTF8.self) } == "POST /chunked abc")
        }
    }

    @Test func connectionCloseAndHTTP10CloseAfterTheAnswer() throws {
        try Self.withServer { port in
            for request in ["GET /a HTTP/1.1\r\nConnection: close\r\n\r\n", "GET /b HTTP/1.0\r\n\r\n"] {
                let socket = try RawSocket(port: port)
                socket.send(request)
                let text = socket.readToEnd()
                #expect(text.hasPrefix("HTTP/1.1 200 OK\r\n"))
                #expect(text.contains("Connection: close\r\n"))
            }
            let keepAlive10 = try RawSocket(port: port)
            keepAlive10.send("GET /c HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
            let response = keepAlive10.readResponses(1).first
            #expect(response?.headers["Connection"] == "keep-alive")
        }
    }

    @Test func headResponseHasLengthButNoBody() throws {
        try Self.withServer { port in
            let socket = try RawSocket(port: port)
            socket.send("HEAD /h HTTP/1.1\r\n\r\nGET /g HTTP/1.1\r\n\r\n")
            let responses = socket.readResponses(2, firstIsHEAD: true)
            #expect(responses.count == 2)
            #expect(responses.first?.headers["Content-Length"] == "8")
            #expect(responses.first?.body.isEmpty == true)
            #expect(responses.last.map { String(decoding: $0.body, as: UTF8.self) } == "GET /g ")
        }
    }

    /// Each limit is answered with its status, then the connection is closed; just under each limit is served.
    @Test(arguments: [
        ("GET / HTTP/1.1\r\nX: \(String(repeating: "a", count: 200))\r\n\r\n", 431),
        ("GET / HTTP/1.1\r\nX: \(String(repeating: "a", count: 100))\r\n\r\n", 200),
        ("GET / HTTP/1.1\r\n" + (0..<11).map { "F\($0): v\r\n" }.joined() + "\r\n", 431),
        ("GET / HTTP/1.1\r\n" + (0..<10).map { "F\($0): v\r\n" }.joined() + "\r\n", 200),
        ("POST / HTTP/1.1\r\nContent-Length: 65\r\n\r\n" + String(repeating: "b", count: 65), 413),
        ("POST / HTTP/1.1\r\nContent-Length: 64\r\n\r\n" + String(repeating: "b", count: 64), 200),
        ("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n41\r\n" + String(repeating: "b", count: 65)
            + "\r\n0\r\n\r\n", 413),
        ("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nxyz\r\n", 400),
        ("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabcd\r\n", 400),
        ("GET / HTTP/1.1\r\nBad Header: x\r\n\r\n", 400),
        ("NOT A REQUEST\r\n\r\n", 400),
        ("POST / HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n", 501),
    ])
    func limitsAreAnsweredWithTheirStatus(request: String, status: Int) throws {
        let limits = HTTPLimits(maxHeaderBytes: 160, maxHeaderCount: 10, maxBodyBytes: 64)
        try Self.withServer(HTTPServer.Configuration(limits: limits)) { port in
            let socket = try RawSocket(port: port)
            socket.send(request)
            let response = socket.readResponses(1).first
            #expect(response?.status == status)
            if status != 200 {
                #expect(response?.keepAlive == false)
                #expect(socket.peerClosed())
            }
        }
    }

    @Test func slowClientGets408() throws {
        let configuration = HTTPServer.Configuration(headerTimeout: .milliseconds(100))
        try Self.withServer(configuration) { port in
            let socket = try RawSocket(port: port)
            socket.send("GET / HTTP/1.1\r\nHost: slow\r\n")
            let response = socket.readResponses(1).first
            #expect(response?.status == 408)
            #expect(socket.peerClosed())
        }
    }

    @Test func idleKeepAliveConnectionIsClosedWithoutAnswer() throws {
        let configuration = HTTPServer.Configuration(idleTimeout: .milliseconds(100))
        try Self.withServer(configuration) { port in
            let socket = try RawSocket(port: port)
            socket.send("GET / HTTP/1.1\r\n\r\n")
            #expect(socket.readResponses(1).first?.status == 200)
            #expect(socket.readToEnd().isEmpty)
        }
    }

    @Test func garbageNeverCrashesTheServer() throws {
        var random = SplitMix64(seed: 99)
        let limits = HTTPLimits(maxHeaderBytes: 512, maxHeaderCount: 10, maxBodyBytes: 256)
        try Self.withServer(HTTPServer.Configuration(limits: limits, lingerTimeout: .milliseconds(50))) { port in
            for round in 0..<40 {
                let socket = try RawSocket(port: port, readTimeout: 2)
                let prefix = round % 2 == 0 ? Array("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n".utf8) : []
                let noise = (0..<Int(random.next() % 2048)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
                socket.send(prefix + noise)
                socket.send("\r\n\r\n")
                _ = socket.readResponses(1)
            }
            let healthy = try RawSocket(port: port)
            healthy.send("GET /still-alive HTTP/1.1\r\n\r\n")
            #expect(healthy.readResponses(1).first?.headers["X-Path"] == "/still-alive")
        }
    }

    @Test func stopClosesIdleConnectionsAndRefusesNewOnes() throws {
        let server = HTTPServer(port: 0, handler: Self.echo)
        let port = try server.start()
        let socket = try RawSocket(port: port)
        socket.send("GET / HTTP/1.1\r\n\r\n")
        #expect(socket.readResponses(1).first?.status == 200)
        server.stop()
        #expect(socket.peerClosed())
        #expect(throws: HTTPSystemError.self) { try RawSocket(port: port) }
        #expect(throws: HTTPSystemError.self) { try server.start() }
    }

    @Test func bindsOnlyTheGivenHostAndReportsBadAddresses() {
        #expect(throws: HTTPSystemError.self) { try HTTPServer(host: "not-an-ip", port: 0, handler: Self.echo).start() }
        #expect(throws: HTTPSystemError.self) { try HTTPServer(port: 70000, handler: Self.echo).start() }
    }
}
