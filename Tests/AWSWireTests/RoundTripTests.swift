import AWSModel
import BenchCore
import Testing

@testable import AWSWire

/// Client encode → server decode, and server encode → client decode, for every operation and every modeled
/// error: what one side writes the other reads back unchanged.
@Suite("Wire round trips")
struct RoundTripTests {
    static let exchanges = WireFixtures.exchanges.map { Exchange(request: $0.request, response: $0.response) }

    struct Exchange: CustomTestStringConvertible, Sendable {
        var request: AWSRequest
        var response: AWSResponse
        var testDescription: String { request.operationName }
    }

    @Test("the server reads back the request the client wrote", arguments: exchanges)
    func requestRoundTrip(_ exchange: Exchange) throws {
        let wire = try AWSWireCodec.encode(exchange.request)
        #expect(AWSWireCodec.decodeRequest(wire) == .success(exchange.request))
        #expect(AWSWireCodec.service(for: wire) == exchange.request.service)
    }

    @Test("the client reads back the answer the server wrote", arguments: exchanges)
    func responseRoundTrip(_ exchange: Exchange) throws {
        let wire = AWSWireCodec.encodeResponse(
            .success(exchange.response), for: exchange.request, service: exchange.request.service, requestId: "rid-9")
        #expect(wire.status == (exchange.request.operationName == "CreateTargetGroup" ? 201 : 200))
        #expect(wire.headers["content-type"] == exchange.request.service.wireProtocol.contentType)
        let answer = AWSWireCodec.decodeAnswer(to: exchange.request, wire)
        #expect(answer.result == .success(exchange.response))
        #expect(answer.requestId == "rid-9")
        #expect(answer.httpStatus == wire.status)
    }

    @Test("timestamps: ISO 8601 for VPC Lattice, epoch seconds for awsJson, to the millisecond")
    func timestampForms() throws {
        let (lattice, cloudMap) = (WireFixtures.exchanges[3], WireFixtures.exchanges[8])
        let latticeBody = try json(
            AWSWireCodec.encodeResponse(.success(lattice.response), for: nil, service: .vpcLattice, requestId: "r")
                .body)
        let cloudMapBody = try json(
            AWSWireCodec.encodeResponse(.success(cloudMap.response), for: nil, service: .cloudMap, requestId: "r").body)
        guard case .object(let group) = latticeBody, case .object(let wrapper) = cloudMapBody,
            case .object(let operation) = wrapper["Operation"]
        else {
            Issue.record("bodies are not objects")
            return
        }
        #expect(group["createdAt"] == .string("2025-01-15T12:34:56.789Z"))
        #expect(group["lastUpdatedAt"] == .string("2025-01-15T12:34:57.000Z"))
        #expect(operation["CreateDate"] == .number(1_516_925_490.087))
        #expect(operation["UpdateDate"] == .number(1_516_925_491))
    }

    struct ErrorCase: CustomTestStringConvertible, Sendable {
        var service: AWSService
        var error: ServiceError
        var testDescription: String { "\(service.rawValue) \(error.code)" }
    }

    static let errors = WireFixtures.errors.map { ErrorCase(service: $0.service, error: $0.error) }

    @Test("every modeled error round-trips with code, status, message, fields and Retry-After", arguments: errors)
    func errorRoundTrip(_ item: ErrorCase) throws {
        let request = try #require(WireFixtures.exchanges.first { $0.request.service == item.service }).request
        let wire = AWSWireCodec.encodeResponse(
            .failure(item.error), for: request, service: item.service, requestId: "rid-e")
        #expect(wire.status == item.error.httpStatus)
        let answer = AWSWireCodec.decodeAnswer(to: request, wire)
        #expect(answer.result == .failure(item.error))
        #expect(answer.requestId == "rid-e")
    }

    @Test("header-bound fields travel as headers and come back as fields")
    func headerBoundFields() throws {
        let request = WireFixtures.exchanges[0].request
        var error = ServiceError.latticeThrottling(retryAfterSeconds: nil)
        error.fields["Retry-After"] = "1.5"
        error.fields["x-amz-retry-after"] = 1500
        let wire = AWSWireCodec.encodeResponse(.failure(error), for: request, service: .vpcLattice, requestId: "r")
        #expect(wire.headers["retry-after"] == "1.5")
        #expect(wire.headers["x-amz-retry-after"] == "1500")
        #expect(try json(wire.body) == json(#"{"message": "Rate exceeded"}"#))
        #expect(AWSWireCodec.decodeResponse(to: request, wire) == .failure(error))
    }

    @Test("awsJson error bodies: namespaced __type, Message for Cloud Map, message for CodeDeploy")
    func awsJSONErrorBytes() throws {
        let cloudMap = AWSWireCodec.encodeResponse(
            .failure(.duplicateRequest(duplicateOperationId: "op-abc", message: "busy")), for: nil, service: .cloudMap,
            requestId: "r")
        #expect(
            String(decoding: cloudMap.body, as: UTF8.self)
                == #"{"__type": "com.amazonaws.servicediscovery#DuplicateRequest", "Message": "busy", "#
                + #""DuplicateOperationId": "op-abc"}"#)
        #expect(cloudMap.headers["Content-Type"] == "application/x-amz-json-1.1")
        #expect(cloudMap.headers["x-amzn-ErrorType"] == nil)
        let codeDeploy = AWSWireCodec.encodeResponse(
            .failure(.codeDeploy(.deploymentTargetListSizeExceeded, "too many")), for: nil, service: .codeDeploy,
            requestId: "r")
        #expect(
            String(decoding: codeDeploy.body, as: UTF8.self)
                == #"{"__type": "com.amazonaws.codedeploy#DeploymentTargetListSizeExceededException", "#
                + #""message": "too many"}"#)
        let unknown = AWSWireCodec.encodeResponse(
            .failure(.unknownOperation("x")), for: nil, service: .codeDeploy, requestId: "r")
        #expect(
            try json(unknown.body)
                == json(#"{"__type": "com.amazon.coral.service#UnknownOperationException", "message": "x"}"#))
    }

    @Test("restJson error: status, x-amzn-ErrorType, integer Retry-After, message and fields in the body")
    func restJSONErrorBytes() throws {
        let wire = AWSWireCodec.encodeResponse(
            .failure(
                .latticeThrottling(
                    "Rate exceeded", retryAfterSeconds: 3, serviceCode: "vpc-lattice",
                    quotaCode: "L-1234")),
            for: nil, service: .vpcLattice, requestId: "rid-1")
        #expect(wire.status == 429)
        #expect(wire.headers["x-amzn-errortype"] == "ThrottlingException")
        #expect(wire.headers["Retry-After"] == "3")
        #expect(wire.headers["x-amzn-RequestId"] == "rid-1")
        #expect(
            String(decoding: wire.body, as: UTF8.self)
                == #"{"message": "Rate exceeded", "quotaCode": "L-1234", "serviceCode": "vpc-lattice"}"#)
    }
}
