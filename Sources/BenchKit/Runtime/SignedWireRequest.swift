/// One attempt ready for the network: encoded in the service's wire protocol and signed with SigV4.
/// Both live transports send exactly these bytes; only how they carry them differs.
struct SignedWireRequest: Sendable {
    let method: String
    /// The request target: the percent-encoded path, plus `?query` when there is one.
    let target: String
    /// Every header to send, `Host` and the signature included, in sending order.
    let headers: [(name: String, value: String)]
    let body: [UInt8]
}
