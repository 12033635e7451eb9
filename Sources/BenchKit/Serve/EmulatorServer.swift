import AWSModel
import AWSWire
import BenchCore
import BenchHTTP
import Emulator
import Foundation
import Resilience
import Synchronization

/// The embedded emulator served over HTTP (`bench serve`): VPC Lattice (restJson1) and Cloud Map and CodeDeploy
/// (awsJson1_1) on one port, routed by `X-Amz-Target` and path as AWS and moto do, so boto3, the AWS CLI and any
/// SDK can use it with `endpoint_url`.
///
/// Each request is decoded, optionally checked for a valid SigV4 signature, answered by the emulator and encoded
/// exactly as the real service answers. Requests are handled on the server's event-loop thread: the emulator
/// answers in microseconds.
public final class EmulatorServer: Sendable {
    public struct Configuration: Sendable {
        /// The address to bind; loopback unless told otherwise.
        public var host = "127.0.0.1"
        /// The port; 0 picks a free one.
        public var port = 0
        /// The emulator's seed.
        public var seed: UInt64 = 1
        /// Quotas and timings of the emulator.
        public var emulator = EmulatorConfiguration()
        /// Refuse requests without a valid SigV4 signature by one of `credentials`.
        public var verifySignatures = false
        /// The keys `verifySignatures` accepts.
        public var credentials: [AWSCredentials] = []
        /// CodeDeploy deployments to create at start, so clients can find targets to batch-get.
        public var deployments = 0
        /// Targets in each seeded deployment.
        public var targetsPerDeployment = 25
        /// The compute platform of the seeded deployments.
        public var platform = ComputePlatform.server
        /// Faults answered instead of the emulator (synthetic throttles, conflicts and 5xx in the exact wire shape;
        /// nothing is applied). Only the kinds that decide an answer on their own can be served: see ``servable``.
        public var faults = FaultPlan()
        /// HTTP limits and timeouts of the server.
        public var http = HTTPServer.Configuration()

        public init() {}
    }

    public let configuration: Configuration
    /// The emulator behind the server (its ledger is the source of truth for checks).
    public let emulator: Emulator
    /// The ids of the deployments seeded at start.
    public let seededDeployments: [String]
    private let server: HTTPServer

    public init(configuration: Configuration, clock: any BenchClock = SystemClock()) {
        self.configuration = configuration
        let emulator = Emulator(configuration: configuration.emulator, clock: clock, seed: configuration.seed)
        self.emulator = emulator
        seededDeployments = (0..<configuration.deployments).map { index in
            emulator.codeDeploy.createDeployment(
                platform: configuration.platform, targetCount: configuration.targetsPerDeployment,
                context: RequestContext(requestId: "seed-\(index)"))
        }
        let verifier = configuration.verifySignatures ? SigV4Verifier(credentials: configuration.credentials) : nil
        let requestIds = RequestIdGenerator()
        let faults = ServedFaults(plan: configuration.faults, seed: configuration.seed, clock: clock)
        server = HTTPServer(host: configuration.host, port: configuration.port, configuration: configuration.http) {
            request in
            EmulatorServer.answer(
                request, emulator: emulator, verifier: verifier, faults: faults, requestId: requestIds.next())
        }
    }

    /// Whether `bench serve` can inject `kind`: the ones that replace the answer (throttle, conflict, 5xx). Latency,
    /// duplicates, lost answers and resets belong to the client side (`bench run --fault`).
    public static func servable(_ kind: FaultKind) -> Bool {
        switch kind {
        case .throttle, .conflict, .error5xx: true
        case .duplicate, .loseResponse, .latency, .reset: false
        }
    }

    /// Binds and starts serving. - Returns: the bound port.
    public func start() throws -> Int { try server.start() }

    /// Stops accepting, lets requests in progress finish, and closes every connection.
    public func stop() { server.stop() }

    /// One exchange: HTTP request in, HTTP answer out.
    static func answer(
        _ request: HTTPRequest, emulator: Emulator, verifier: SigV4Verifier?, faults: ServedFaults, requestId: String
    ) -> HTTPResponse {
        let wire = WireRequest(http: request)
        if let verifier, let refusal = check(wire, with: verifier) {
            let service = AWSWireCodec.service(for: wire) ?? .vpcLattice
            return HTTPResponse(AWSWireCodec.encodeResponse(.failure(refusal), for: nil, service: service, requestId: requestId))
        }
        let answer: WireResponse
        switch AWSWireCodec.decodeRequest(wire) {
        case .success(let typed):
            let context = RequestContext(
                requestId: requestId, invocationId: wire.headers["amz-sdk-invocation-id"],
                attempt: SDKRequestHeader.attempt(wire.headers["amz-sdk-request"]))
            let result: Result<AWSResponse, ServiceError>
            if let injected = faults.error(for: typed, attempt: context.attempt) {
                result = .failure(injected)
            } else {
                do throws(ServiceError) {
                    result = .success(try emulator.handle(typed, context: context))
                } catch {
                    result = .failure(error)
                }
            }
            answer = AWSWireCodec.encodeResponse(result, for: typed, service: typed.service, requestId: requestId)
        case .failure(let error):
            let service = AWSWireCodec.service(for: wire) ?? .vpcLattice
            answer = AWSWireCodec.encodeResponse(.failure(error), for: nil, service: service, requestId: requestId)
        }
        return HTTPResponse(answer)
    }

    /// The error a real AWS front door answers for a missing or wrong signature, or `nil` when it is valid.
    static func check(_ request: WireRequest, with verifier: SigV4Verifier) -> ServiceError? {
        let headers = request.headers.fields.map { ($0.name, $0.value) }
        switch verifier.verify(method: request.method, path: request.path, query: request.query, headers: headers,
                               body: request.body) {
        case .valid:
            return nil
        case .missing:
            return ServiceError(code: "MissingAuthenticationTokenException", httpStatus: 403, message: "Missing Authentication Token")
        case .malformed(let reason):
            return ServiceError(code: "IncompleteSignatureException", httpStatus: 400, message: reason)
        case .unknownAccessKey:
            return ServiceError(
                code: "UnrecognizedClientException", httpStatus: 403,
                message: "The security token included in the request is invalid.")
        case .mismatch:
            return ServiceError(
                code: "InvalidSignatureException", httpStatus: 403,
                message: "The request signature we calculated does not match the signature you provided.")
        }
    }
}

/// The faults `bench serve` injects (drawn per request, ``RequestFaultDraws``): synthetic error answers only.
final class ServedFaults: Sendable {
    private let draws: RequestFaultDraws

    init(plan: FaultPlan, seed: UInt64, clock: any BenchClock) {
        draws = RequestFaultDraws(plan: plan, seed: seed, clock: clock)
    }

    /// The synthetic error that replaces the answer to `request`, if a fault hits it.
    func error(for request: AWSRequest, attempt: Int) -> ServiceError? {
        guard !draws.plan.faults.isEmpty else { return nil }
        for hit in draws.hits(for: request, attempt: attempt).hits {
            if let error = SyntheticErrors.answer(for: hit.kind, to: request) { return error }
        }
        return nil
    }
}

/// Request ids in the shape AWS uses (a UUID), from a counter: unique per server, cheap, no lock.
final class RequestIdGenerator: Sendable {
    private let counter = Atomic<UInt64>(0)

    func next() -> String {
        let value = counter.add(1, ordering: .relaxed).newValue
        let hex = String(value, radix: 16)
        return "00000000-0000-4000-8000-" + String(repeating: "0", count: max(0, 12 - hex.count)) + hex
    }
}

/// botocore's `amz-sdk-request: attempt=N; max=M` header.
enum SDKRequestHeader {
    /// The attempt number it carries, 1 when absent or unreadable.
    static func attempt(_ value: String?) -> Int {
        guard let value else { return 1 }
        for part in value.split(separator: ";") {
            let pair = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2, pair[0] == "attempt", let number = Int(pair[1]), number > 0 { return number }
        }
        return 1
    }
}

extension WireRequest {
    /// The wire form of an HTTP request: the target split into path and query.
    init(http request: HTTPRequest) {
        let target = request.path
        let (path, query): (String, String)
        if let mark = target.firstIndex(of: "?") {
            (path, query) = (String(target[..<mark]), String(target[target.index(after: mark)...]))
        } else {
            (path, query) = (target, "")
        }
        self.init(
            method: request.method, path: path, query: query,
            headers: WireHeaders(request.headers.map { WireHeader(name: $0.name, value: $0.value) }),
            body: request.body)
    }
}

extension HTTPResponse {
    /// The HTTP form of a wire answer.
    init(_ response: WireResponse) {
        self.init(
            status: response.status, headers: HTTPHeaders(response.headers.fields.map { (name: $0.name, value: $0.value) }),
            body: response.body)
    }
}
