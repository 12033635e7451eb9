#if canImport(Glibc)
import Glibc
#endif

/// Thin wrappers over the socket calls this module needs. Every descriptor is non-blocking and close-on-exec.
enum Socket {
    /// The IPv4 address of `host` (a dotted literal or `localhost`) and `port`.
    static func ipv4Address(host: String, port: Int) throws(HTTPSystemError) -> sockaddr_in {
        guard (0...65535).contains(port) else {
            throw HTTPSystemError(operation: "address", message: "port \(port) is outside 0...65535")
        }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        let literal = host == "localhost" ? "127.0.0.1" : host
        guard inet_pton(AF_INET, literal, &address.sin_addr) == 1 else {
            throw HTTPSystemError(operation: "address", message: "host '\(host)' is not an IPv4 literal or localhost")
        }
        return address
    }

    /// A new non-blocking TCP socket.
    static func makeTCP() throws(HTTPSystemError) -> Int32 {
        let type = Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue)
        let fd = socket(AF_INET, type, 0)
        guard fd >= 0 else { throw HTTPSystemError(operation: "socket") }
        return fd
    }

    static func setOption(_ fd: Int32, level: Int32, name: Int32, value: Int32 = 1) {
        var value = value
        setsockopt(fd, level, name, &value, socklen_t(MemoryLayout<Int32>.size))
    }

    /// Starts a non-blocking connect: 0 when connected at once, EINPROGRESS while pending, else the errno.
    static func connect(_ fd: Int32, to address: sockaddr_in) -> Int32 {
        var address = address
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        return result == 0 ? 0 : errno
    }

    /// The pending error of a socket (`SO_ERROR`), 0 when none.
    static func pendingError(_ fd: Int32) -> Int32 {
        var value: Int32 = 0
        var length = socklen_t(MemoryLayout<Int32>.size)
        guard getsockopt(fd, SOL_SOCKET, SO_ERROR, &value, &length) == 0 else { return errno }
        return value
    }

    /// A listening socket bound to `host:port` (`SO_REUSEADDR`), and the port it got (useful with port 0).
    static func listen(host: String, port: Int, backlog: Int32) throws(HTTPSystemError) -> (fd: Int32, port: Int) {
        var address = try ipv4Address(host: host, port: port)
        let fd = try makeTCP()
        setOption(fd, level: SOL_SOCKET, name: SO_REUSEADDR)
        let length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
        }
        guard bound == 0 else {
            let error = HTTPSystemError(operation: "bind \(host):\(port)")
            close(fd)
            throw error
        }
        guard Glibc.listen(fd, backlog) == 0 else {
            let error = HTTPSystemError(operation: "listen")
            close(fd)
            throw error
        }
        var actual = sockaddr_in()
        var actualLength = length
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &actualLength) }
        }
        return (fd, Int(UInt16(bigEndian: actual.sin_port)))
    }
}

extension Socket {
    /// Accepts one pending connection as a non-blocking, close-on-exec socket with TCP_NODELAY.
    /// Returns the fd, or -1 with `errno` set (`EAGAIN` when none is pending).
    static func acceptNonBlocking(_ listener: Int32) -> Int32 {
        let fd = accept(listener, nil, nil)
        guard fd >= 0 else { return -1 }
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        setOption(fd, level: Int32(IPPROTO_TCP), name: TCP_NODELAY)
        return fd
    }
}
