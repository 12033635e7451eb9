import AWSModel

extension AWSWireCodec {
    /// The HTTP request botocore builds for `request` (`wire.md` §1.0, Appendix A), without `Host`,
    /// `Content-Length` and signing headers, which the transport adds.
    ///
    /// - restJson1 (VPC Lattice): the operation's method and URI, the identifier percent-encoded with only
    ///   `-._~` left as is, query members sorted by name and encoded the same way, the other members as a JSON
    ///   body with `Content-Type: application/json` (`{}` when the operation has body members but none is set);
    ///   `GET` operations have neither body nor `Content-Type`.
    /// - awsJson1_1 (Cloud Map, CodeDeploy): `POST /` with `X-Amz-Target: <prefix>.<Operation>`,
    ///   `Content-Type: application/x-amz-json-1.1` and every member in the body.
    ///
    /// Bodies list members in model order with botocore's separators, so they equal botocore's bytes when its
    /// caller passed the members in model order. Idempotency tokens are sent as given: a missing token is not
    /// filled in here (botocore would add a UUID; bench's workloads choose their tokens deterministically).
    /// - Throws: `EncodingError` only for a non-finite number, which no input shape has.
    /// - Complexity: O(n) in the size of the request.
    public static func encode(_ request: AWSRequest) throws -> WireRequest {
        let service = request.service
        let binding = RequestBinding(request)
        var headers = WireHeaders()
        if let prefix = service.targetPrefix { headers.add("X-Amz-Target", prefix + "." + request.operationName) }
        var body: [UInt8] = []
        if let members = binding.body {
            headers.add("Content-Type", service.wireProtocol.contentType)
            body = try WireJSONWriter(dateStyle: service.wireProtocol.dateStyle).encode(members)
        }
        return WireRequest(
            method: binding.method, path: binding.path, query: PercentEncoding.encodeQuery(binding.query),
            headers: headers, body: body)
    }
}
