import AWSModel
import AWSWire
import BenchCore
import Resilience

/// Encodes and signs attempts for one live endpoint, the way botocore does, for every live transport: one place
/// decides the `Host` header, which headers are signed, and where `amz-sdk-invocation-id` and `amz-sdk-request` go.
struct RequestSigner: Sendable {
    /// `Host` as botocore derives it: with `:port` unless the port is the scheme's default.
    let hostHeader: String
    private let signers: [AWSService: SigV4Signer]
    private let clock: any BenchClock

    /// - Parameters:
    ///   - endpoint: where the requests go (its scheme and port shape the signed `Host` header).
    ///   - region: the signing region.
    ///   - credentials: the keys to sign with; never written anywhere.
    ///   - clock: signing time comes from `clock.wallNow`.
    init(endpoint: EndpointURL, region: String, credentials: AWSCredentials, clock: any BenchClock) {
        hostHeader = SigV4Signer.hostHeader(scheme: endpoint.scheme.rawValue, host: endpoint.host, port: endpoint.port)
        signers = Dictionary(uniqueKeysWithValues: AWSService.allCases.map {
            ($0, SigV4Signer(credentials: credentials, region: region, service: $0.signingName))
        })
        self.clock = clock
    }

    /// `request` encoded and signed for attempt `context.attempt`, or an `unsupported` failure (nothing sent)
    /// when the codec cannot encode it.
    /// - Complexity: O(request size): one encoding pass and one SHA-256 pass over the body.
    func sign(_ request: AWSRequest, context: RequestContext) -> Result<SignedWireRequest, TransportFailure> {
        let wire: WireRequest
        do {
            wire = try AWSWireCodec.encode(request)
        } catch {
            return .failure(TransportFailure(
                kind: TransportFailure.Kind.unsupported, detail: "cannot encode: \(error)", requestSent: false))
        }
        var headers = wire.headers.fields.map { ($0.name, $0.value) }
        headers.append(("Host", hostHeader))
        if let invocation = context.invocationId { headers.append(("amz-sdk-invocation-id", invocation)) }
        // Every service has a signer: the dictionary is built from `AWSService.allCases`.
        headers += signers[request.service]!.sign(
            method: wire.method, path: wire.path, query: wire.query, headers: headers, body: wire.body,
            date: clock.wallNow)
        headers.append(("amz-sdk-request", "attempt=\(context.attempt)"))  // unsigned, as botocore sends it
        return .success(SignedWireRequest(
            method: wire.method, target: wire.query.isEmpty ? wire.path : wire.path + "?" + wire.query,
            headers: headers.map { (name: $0.0, value: $0.1) }, body: wire.body))
    }

    /// The attempt's result from the endpoint's answer, parsed exactly as botocore parses it.
    static func answer(to request: AWSRequest, status: Int, headers: WireHeaders, body: [UInt8]) -> AttemptResult {
        let response = WireResponse(status: status, headers: headers, body: body)
        switch AWSWireCodec.decodeAnswer(to: request, response).result {
        case .success(let typed): return .response(typed)
        case .failure(let error): return .serviceError(error)
        }
    }
}
