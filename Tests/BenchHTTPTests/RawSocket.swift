import Foundation
@testable import BenchHTTP
#if canImport(Glibc)
import Glibc
#endif

/// A blocking client socket for tests that speak raw bytes to a server. Every read is bounded by a receive
/// timeout, so a test that waits for an answer can never hang.
final class RawSocket {
    let fd: Int32

    /// Connects to 127.0.0.1:`port`; reads give up after `readTimeout` seconds.
    init(port: Int, readTimeout: Int = 5) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        var timeout = timeval(tv_sec: readTimeout, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = try Socket.ipv4Address(host: "127.0.0.1", port: port)
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        // No close here: a class whose stored properties are all set runs deinit when init throws.
        guard result == 0 else { throw HTTPSystemError(operation: "connect") }
    }

    deinit { close(fd) }

    func send(_ text: String) { send(Array(text.utf8)) }

    func send(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let count = Glibc.send(fd, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
                if count <= 0 { return }
                offset += count
            }
        }
    }

    /// Everything until the peer closes (or the read timeout, or a reset).
    func readToEnd() -> String {
        var result: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = read(fd, &buffer, buffer.count)
            if count <= 0 { break }
            result.append(contentsOf: buffer[0..<count])
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// Reads until `count` whole responses have arrived (or the peer closes / the read times out); the first one
    /// answers a HEAD request when `firstIsHEAD`.
    func readResponses(_ count: Int, firstIsHEAD: Bool = false) -> [HTTPParser.Message] {
        var parser = HTTPParser(role: .response)
        var messages: [HTTPParser.Message] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while messages.count < count {
            if messages.isEmpty { parser.nextResponseHasNoBody = firstIsHEAD }
            if let message = try? parser.nextMessage() {
                messages.append(message)
                continue
            }
            let received = read(fd, &buffer, buffer.count)
            if received <= 0 {
                if let last = try? parser.finishAtEOF() { messages.append(last) }
                break
            }
            parser.append(buffer[0..<received])
        }
        return messages
    }

    /// Whether the peer closed: a read returns EOF or a reset within the read timeout.
    func peerClosed() -> Bool {
        var byte: UInt8 = 0
        while true {
            let count = read(fd, &byte, 1)
            if count == 0 { return true }
            if count < 0 { return errno == ECONNRESET }
        }
    }
}

/// A blocking listener whose connections a test scripts by hand (for servers that misbehave on purpose).
/// Accepts on a background thread; each accepted connection runs `script` there, one after another.
/// Its sockets are close-on-exec, so a child process started meanwhile cannot keep a connection open after its
/// script closed it (a response read to its end would then wait for that child).
final class ScriptedServer: @unchecked Sendable {
    // @unchecked Sendable: `fd` and `port` are immutable; `script` runs only on the accept thread.
    let fd: Int32
    let port: Int
    private let finished = DispatchSemaphore(value: 0)

    /// - Parameter script: given each accepted socket and its index; the socket is closed when it returns.
    init(connections: Int, script: @escaping @Sendable (Int32, Int) -> Void) throws {
        var address = try Socket.ipv4Address(host: "127.0.0.1", port: 0)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        self.fd = fd
        _ = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        listen(fd, 16)
        var actual = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        port = Int(UInt16(bigEndian: actual.sin_port))
        let listener = fd
        let done = finished
        let thread = Thread {
            for index in 0..<connections {
                let client = accept(listener, nil, nil)
                if client < 0 { break }
                _ = fcntl(client, F_SETFD, FD_CLOEXEC)
                script(client, index)
                close(client)
            }
            done.signal()
        }
        thread.start()
    }

    /// Stops accepting and waits for the scripts to end (bounded: scripts must not block forever).
    /// A script still running after 10 s keeps the listener open: closed, its number could be reused by another
    /// test's socket, on which the accept thread would then accept that test's connections.
    func stop() {
        shutdown(fd, Int32(SHUT_RDWR))  // wakes a blocked accept; closing first could let it accept on a reused fd
        if finished.wait(timeout: .now() + 10) == .success { close(fd) }
    }

    /// Reads one request head (up to the blank line) from a blocking socket; false on EOF.
    static func readHead(_ fd: Int32) -> Bool {
        var window: [UInt8] = []
        var byte: UInt8 = 0
        while read(fd, &byte, 1) == 1 {
            window.append(byte)
            if window.count >= 4, window.suffix(4) == [13, 10, 13, 10] { return true }
        }
        return false
    }

    static func write(_ fd: Int32, _ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }
}
