import AWSModel
import BenchCore
import Testing

@testable import AWSWire

/// The canned error responses of `wire.md` Appendix A, parsed to what botocore reported for them.
@Suite("Appendix A: botocore's parsing of error responses")
struct AppendixAErrorTests {
    struct Canned: CustomTestStringConvertible, Sendable {
        var service: AWSService
        var status: Int
        var headers: WireHeaders
        var body: String
        var expected: ServiceError
        var requestId: String?
        var testDescription: String { "\(service.rawValue) \(status) \(expected.code)" }
    }

    static let canned: [Canned] = [
        Canned(
            service: .vpcLattice, status: 429,
            headers: [
                "x-amzn-ErrorType":
                    "ThrottlingException:http://internal.amazon.com/coral/com.amazon.coral.availability/",
                "Retry-After": "3", "Content-Type": "application/json", "x-amzn-RequestId": "rid-1",
            ],
            body: #"{"message": "Rate exceeded", "serviceCode": "vpc-lattice", "quotaCode": "L-1234"}"#,
            expected: .latticeThrottling(retryAfterSeconds: 3, serviceCode: "vpc-lattice", quotaCode: "L-1234"),
            requestId: "rid-1"),
        Canned(
            service: .vpcLattice, status: 400,
            headers: ["x-amzn-ErrorType": "ValidationException", "Content-Type": "application/json"],
            body: #"{"message": "1 validation error detected", "reason": "fieldValidationFailed", "#
                + #""fieldList": [{"name": "name", "message": "Invalid name"}]}"#,
            expected: .latticeValidation("1 validation error detected", fields: [("name", "Invalid name")])),
        Canned(
            service: .vpcLattice, status: 409,
            headers: ["x-amzn-ErrorType": "ConflictException", "Content-Type": "application/json"],
            body: #"{"message": "clientToken reused with different parameters", "resourceId": "#
                + #""tg-0123456789abcdefg", "resourceType": "TARGET_GROUP"}"#,
            expected: .latticeConflict(
                "clientToken reused with different parameters", resourceId: "tg-0123456789abcdefg",
                resourceType: "TARGET_GROUP")),
        Canned(
            service: .vpcLattice, status: 402,
            headers: ["x-amzn-ErrorType": "ServiceQuotaExceededException", "Content-Type": "application/json"],
            body: #"{"message": "quota exceeded", "resourceType": "TARGET", "serviceCode": "vpc-lattice", "#
                + #""quotaCode": "L-5678"}"#,
            expected: .latticeQuotaExceeded("quota exceeded", resourceType: "TARGET", quotaCode: "L-5678")),
        Canned(
            service: .vpcLattice, status: 500,
            headers: ["x-amzn-ErrorType": "InternalServerException", "Retry-After": "2"],
            body: #"{"message": "boom"}"#, expected: .latticeInternal("boom", retryAfterSeconds: 2)),
        Canned(
            service: .vpcLattice, status: 404, headers: ["Content-Type": "application/json"],
            body: #"{"code": "ResourceNotFoundException", "message": "no header, code only in body", "#
                + #""resourceId": "tg-0123456789abcdefg", "resourceType": "TARGET_GROUP"}"#,
            expected: .latticeNotFound(
                "no header, code only in body", resourceId: "tg-0123456789abcdefg", resourceType: "TARGET_GROUP")),
        Canned(
            service: .vpcLattice, status: 404, headers: ["Content-Type": "application/json"],
            body: #"{"__type": "ResourceNotFoundException", "message": "rest-json with __type only", "#
                + #""resourceId": "tg-0123456789abcdefg", "resourceType": "TARGET_GROUP"}"#,
            expected: .latticeNotFound(
                "rest-json with __type only", resourceId: "tg-0123456789abcdefg", resourceType: "TARGET_GROUP")),
        Canned(
            service: .cloudMap, status: 400,
            headers: ["Content-Type": "application/x-amz-json-1.1", "x-amzn-RequestId": "rid-2"],
            body: #"{"__type": "com.amazonaws.servicediscovery#DuplicateRequest", "Message": "#
                + #""Another operation is in progress", "DuplicateOperationId": "op-abc"}"#,
            expected: .duplicateRequest(duplicateOperationId: "op-abc", message: "Another operation is in progress"),
            requestId: "rid-2"),
        Canned(
            service: .cloudMap, status: 400, headers: ["Content-Type": "application/x-amz-json-1.1"],
            body: #"{"__type": "RequestLimitExceeded", "message": "throttled"}"#,
            expected: .requestLimitExceeded("throttled")),
        Canned(
            service: .cloudMap, status: 400, headers: ["Content-Type": "application/x-amz-json-1.1"],
            body: #"{"__type": "InvalidInput", "Message": "Attributes too long"}"#,
            expected: .invalidInput("Attributes too long")),
        Canned(
            service: .cloudMap, status: 400,
            headers: ["Content-Type": "application/x-amz-json-1.1", "x-amzn-ErrorType": "ResourceLimitExceeded"],
            body: #"{"message": "awsJson: header only, no __type"}"#,
            expected: ServiceError(code: "400", httpStatus: 400, message: "awsJson: header only, no __type")),
        Canned(
            service: .codeDeploy, status: 400, headers: ["Content-Type": "application/x-amz-json-1.1"],
            body: #"{"__type": "ThrottlingException", "message": "Rate exceeded"}"#,
            expected: .codeDeploy(.throttling, "Rate exceeded")),
        Canned(
            service: .codeDeploy, status: 400, headers: ["Content-Type": "application/x-amz-json-1.1"],
            body: #"{"__type": "DeploymentTargetListSizeExceededException", "message": "#
                + #""The maximum number of targets that can be specified is 25"}"#,
            expected: .codeDeploy(
                .deploymentTargetListSizeExceeded, "The maximum number of targets that can be specified is 25")),
        Canned(
            service: .codeDeploy, status: 503, headers: [:], body: "",
            expected: ServiceError(code: "503", httpStatus: 503, message: "Service Unavailable")),
        Canned(
            service: .codeDeploy, status: 502, headers: ["Content-Type": "text/html"],
            body: "<html><body>Bad Gateway</body></html>",
            expected: ServiceError(code: "502", httpStatus: 502, message: "Bad Gateway")),
    ]

    @Test("code, message, fields and request id as botocore reported them", arguments: canned)
    func parsesLikeBotocore(_ item: Canned) throws {
        let request = try #require(WireFixtures.exchanges.first { $0.request.service == item.service }).request
        let answer = AWSWireCodec.decodeAnswer(
            to: request, WireResponse(status: item.status, headers: item.headers, body: Array(item.body.utf8)))
        #expect(answer.result == .failure(item.expected))
        #expect(answer.requestId == item.requestId)
        #expect(answer.httpStatus == item.status)
    }

    struct Edge: CustomTestStringConvertible, Sendable {
        var name: String
        var service: AWSService
        var status: Int
        var headers: WireHeaders
        var body: String
        var code: String
        var message: String
        var fields: [String: JSONValue] = [:]
        var retryAfterSeconds: Int?
        var testDescription: String { name }
    }

    static let edges: [Edge] = [
        Edge(
            name: "non-integer Retry-After is kept as a string (botocore raises ValueError)", service: .vpcLattice,
            status: 429, headers: ["x-amzn-ErrorType": "ThrottlingException", "Retry-After": "1.5"],
            body: #"{"message": "slow"}"#, code: "ThrottlingException", message: "slow",
            fields: ["Retry-After": "1.5"]),
        Edge(
            name: "Retry-After read as Python int(): spaces, sign, underscores", service: .vpcLattice, status: 500,
            headers: ["x-amzn-ErrorType": "InternalServerException", "Retry-After": " +1_0 "], body: "{}",
            code: "InternalServerException", message: "", retryAfterSeconds: 10),
        Edge(
            name: "Retry-After ignored on a shape that does not bind it", service: .vpcLattice, status: 409,
            headers: ["x-amzn-ErrorType": "ConflictException", "Retry-After": "5"], body: "{}",
            code: "ConflictException", message: ""),
        Edge(
            name: "Retry-After ignored for awsJson", service: .cloudMap, status: 400, headers: ["Retry-After": "5"],
            body: #"{"__type": "RequestLimitExceeded"}"#, code: "RequestLimitExceeded", message: ""),
        Edge(
            name: "x-amz-retry-after becomes a number field", service: .codeDeploy, status: 400,
            headers: ["x-amz-retry-after": "1500"], body: #"{"__type": "ThrottlingException"}"#,
            code: "ThrottlingException", message: "", fields: ["x-amz-retry-after": 1500]),
        Edge(
            name: "a body that is not JSON becomes the message", service: .cloudMap, status: 400, headers: [:],
            body: "oops", code: "400", message: "oops"),
        Edge(
            name: "a 500 with a JSON body is not generic", service: .codeDeploy, status: 500, headers: [:],
            body: #"{"__type": "a.b#InternalFailure:x", "Message": "m"}"#, code: "InternalFailure", message: "m"),
        Edge(
            name: "a generic 503 body may have surrounding whitespace", service: .vpcLattice, status: 503,
            headers: ["x-amzn-ErrorType": "X"], body: "  \n<html>x</html>", code: "503",
            message: "Service Unavailable"),
        Edge(
            name: "a 4xx HTML body is not generic: its text is the message", service: .vpcLattice, status: 403,
            headers: [:], body: "<html>no</html>", code: "403", message: "<html>no</html>"),
        Edge(
            name: "restJson: header wins over body code and __type", service: .vpcLattice, status: 400,
            headers: ["X-Amzn-ErrorType": "A"], body: #"{"code": "B", "__type": "C"}"#, code: "A", message: ""),
        Edge(
            name: "restJson: Code (capital) in the body", service: .vpcLattice, status: 400, headers: [:],
            body: #"{"Code": "B", "__type": "C", "Message": "M"}"#, code: "B", message: "M"),
    ]

    @Test("botocore's edge cases", arguments: edges)
    func edgeCases(_ edge: Edge) throws {
        let request = try #require(WireFixtures.exchanges.first { $0.request.service == edge.service }).request
        let result = AWSWireCodec.decodeResponse(
            to: request, WireResponse(status: edge.status, headers: edge.headers, body: Array(edge.body.utf8)))
        #expect(
            result
                == .failure(
                    ServiceError(
                        code: edge.code, httpStatus: edge.status, message: edge.message, fields: edge.fields,
                        retryAfterSeconds: edge.retryAfterSeconds)))
    }

    @Test("2xx bodies are outputs whatever the status; a body that does not fit is a ResponseParserError")
    func successStatuses() throws {
        let request = WireFixtures.exchanges[6].request
        let body = Array(#"{"OperationId": "op-1"}"#.utf8)
        for status in [200, 201, 204] {
            #expect(
                AWSWireCodec.decodeResponse(to: request, WireResponse(status: status, body: body))
                    == .success(.cloudMap(.registerInstance(RegisterInstanceOutput(operationId: "op-1")))))
        }
        let broken = AWSWireCodec.decodeResponse(to: request, WireResponse(status: 200, body: Array("{".utf8)))
        #expect(broken.failure?.code == "ResponseParserError")
        let missing = AWSWireCodec.decodeResponse(to: request, WireResponse(status: 200, body: Array("{}".utf8)))
        #expect(missing.failure?.message.contains("OperationId") == true)
    }
}
