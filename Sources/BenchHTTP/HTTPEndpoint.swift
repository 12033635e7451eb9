/// Where the client connects: a host (IPv4 literal or `localhost`) and a TCP port. One keep-alive pool each.
public struct HTTPEndpoint: Sendable, Hashable, CustomStringConvertible {
    public var host: String
    public var port: Int

    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    public var description: String { "\(host):\(port)" }
}
