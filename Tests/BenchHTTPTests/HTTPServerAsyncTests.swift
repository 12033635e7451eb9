import Dispatch
import Foundation
import Synchronization
import Testing
@testable import BenchHTTP
#if canImport(Glibc)
import Glibc
#endif

@Suite("HTTPServer with an asynchronous handler")
struct HTTPServerAsyncTests {
    static func withServer(
        _ handler: @escaping HTTPServer.AsyncHandler, _ body: (Int) throws -> Void
    ) throws {
        let server = HTTPServer(port: 0, asyncHandler: handler)
        let port = try server.start()
        defer { server.stop() }
        try body(port)
    }

    /// Replies with the request's path from another thread.
    static let echoLater: HTTPServer.AsyncHandler = { request, reply in
        DispatchQueue.global().async {
            reply(.response(HTTPResponse(status: 200, body: Array(request.path.utf8))))
        }
    }

    @Test func pipelinedRequestsAreAnsweredInOrderWhenRepliesComeFromOtherThreads() throws {
        try Self.withServer(Self.echoLater) { port in
            let socket = try RawSocket(port: port)
            socket.send((0..<20).map { "GET /p\($0) HTTP/1.1\r\nHost: x\r\n\r\n" }.joined())
            let responses = socket.readResponses(20)
            #expect(responses.map { String(decoding: $0.body, as: UTF8.self) } == (0..<20).map { "/p\($0)" })
            #expect(responses.allSatisfy { $0.keepAlive })
        }
    }

    @Test func aPendingReplyDoesNotBlockOtherConnections() throws {
        let held = Mutex<(@Sendable (HTTPServerReply) -> Void)?>(nil)
        try Self.withServer({ request, reply in
            if request.path == "/hold" {
                held.withLock { $0 = reply }
            } else {
                reply(.response(HTTPResponse(status: 200, body: Array("quick".utf8))))
            }
        }) { port in
            let slow = try RawSocket(port: port)
            slow.send("GET /hold HTTP/1.1\r\nHost: x\r\n\r\n")
            let fast = try RawSocket(port: port)
            fast.send("GET /now HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(fast.readResponses(1).first.map { String(decoding: $0.body, as: UTF8.self) } == "quick")
            let reply = try #require(held.withLock { $0 })
            reply(.response(HTTPResponse(status: 201)))
            reply(.response(HTTPResponse(status: 500)))  // a second call is ignored
            slow.send("GET /now HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(slow.readResponses(2).map(\.status) == [201, 200])
        }
    }

    @Test func dropClosesWithoutAnAnswerAfterEarlierAnswers() throws {
        try Self.withServer({ request, reply in
            reply(request.path == "/drop" ? .dropConnection : .response(HTTPResponse(status: 200)))
        }) { port in
            let socket = try RawSocket(port: port)
            socket.send("GET /ok HTTP/1.1\r\nHost: x\r\n\r\nGET /drop HTTP/1.1\r\nHost: x\r\n\r\n")
            let text = socket.readToEnd()
            #expect(text.hasPrefix("HTTP/1.1 200 OK\r\n"))
            #expect(text.components(separatedBy: "HTTP/1.1").count == 2)  // exactly one answer, then EOF
        }
    }

    @Test func resetAbortsTheConnection() throws {
        try Self.withServer({ _, reply in reply(.resetConnection) }) { port in
            let socket = try RawSocket(port: port)
            socket.send("GET /x HTTP/1.1\r\nHost: x\r\n\r\n")
            var byte: UInt8 = 0
            let count = read(socket.fd, &byte, 1)
            #expect(count < 0 && errno == ECONNRESET)
        }
    }
}
