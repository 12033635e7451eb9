import AWSModel
import BenchCore
import Emulator
import Foundation
import Testing

@Suite("CodeDeploy errors")
struct CodeDeployErrorTests {
    @Test("error codes are spelled exactly as the model names them")
    func codeSpelling() {
        let required: Set<String> = [
            "InvalidDeploymentIdException", "DeploymentIdRequiredException", "DeploymentDoesNotExistException",
            "DeploymentNotStartedException", "DeploymentTargetIdRequiredException",
            "InvalidDeploymentTargetIdException", "DeploymentTargetDoesNotExistException",
            "DeploymentTargetListSizeExceededException", "InvalidNextTokenException", "ThrottlingException",
        ]
        #expect(required.isSubset(of: Set(CodeDeployErrorCode.allCases.map(\.rawValue))))
        let error = ServiceError.codeDeploy(.throttling, "Rate exceeded")
        #expect(error.code == "ThrottlingException" && error.httpStatus == 400 && error.fields.isEmpty)
    }

    /// Each deployment id and the error every deployment-taking operation answers it with.
    static let deploymentIdCases: [(String?, CodeDeployErrorCode)] = [
        (nil, .deploymentIdRequired),
        ("", .deploymentIdRequired),
        ("d-ABCDEFGH", .invalidDeploymentId),  // 8 characters
        ("d-ABCDEFGHIJ", .invalidDeploymentId),  // 10 characters
        ("d-abcdefghi", .invalidDeploymentId),  // lower case
        ("x-ABCDEFGHI", .invalidDeploymentId),
        ("d-ABCD-FGHI", .invalidDeploymentId),
        ("d-ZZZZZZZZZ", .deploymentDoesNotExist),
    ]

    @Test("deployment id: missing, malformed and unknown, for every operation", arguments: deploymentIdCases)
    func deploymentIdChecks(id: String?, code: CodeDeployErrorCode) throws {
        let fixture = CodeDeployFixture()
        let (_, targets) = try fixture.deployment(.server, targets: 3)
        let requests: [CodeDeployRequest] = [
            .batchGetDeploymentTargets(BatchGetDeploymentTargetsInput(deploymentId: id, targetIds: targets)),
            .getDeploymentTarget(GetDeploymentTargetInput(deploymentId: id, targetId: targets[0])),
            .listDeploymentTargets(ListDeploymentTargetsInput(deploymentId: id)),
            .getDeployment(GetDeploymentInput(deploymentId: id)),
        ]
        for request in requests {
            expectCodeDeployError(code) { () throws(ServiceError) in
                try fixture.emulator.handle(request, context: RequestContext())
            }
        }
    }

    @Test("target ids: missing, empty list and empty id are DeploymentTargetIdRequiredException")
    func targetIdsRequired() throws {
        let fixture = CodeDeployFixture()
        let (id, targets) = try fixture.deployment(.server, targets: 2)
        for targetIds in [nil, [], [""], [targets[0], ""]] as [[String]?] {
            expectCodeDeployError(.deploymentTargetIdRequired) { () throws(ServiceError) in
                try fixture.emulator.batchGetDeploymentTargets(.init(deploymentId: id, targetIds: targetIds))
            }
        }
        for targetId in [nil, ""] as [String?] {
            expectCodeDeployError(.deploymentTargetIdRequired) { () throws(ServiceError) in
                try fixture.emulator.getDeploymentTarget(.init(deploymentId: id, targetId: targetId))
            }
        }
    }

    @Test("25 ids are answered, 26 are refused with DeploymentTargetListSizeExceededException")
    func batchSizeLimit() throws {
        let fixture = CodeDeployFixture()
        let (id, targets) = try fixture.deployment(.server, targets: 30)
        let answer = try fixture.emulator.batchGetDeploymentTargets(
            .init(deploymentId: id, targetIds: Array(targets.prefix(25))))
        #expect(answer.deploymentTargets?.count == 25)
        expectCodeDeployError(.deploymentTargetListSizeExceeded) { () throws(ServiceError) in
            try fixture.emulator.batchGetDeploymentTargets(
                .init(deploymentId: id, targetIds: Array(targets.prefix(26))))
        }
        // The limit counts ids as sent: 25 distinct ids plus one repeat is still 26.
        expectCodeDeployError(.deploymentTargetListSizeExceeded) { () throws(ServiceError) in
            try fixture.emulator.batchGetDeploymentTargets(
                .init(deploymentId: id, targetIds: Array(targets.prefix(25)) + [targets[0]]))
        }
    }

    /// Ids that are not in the target id format of the platform.
    static let malformedTargetIds: [(ComputePlatform, String)] = [
        (.server, "bench-fn-abc"),
        (.server, "i-0123456789abcdef"),  // 16 hex digits
        (.server, "i-0123456789ABCDEF0"),  // upper case
        (.server, "bench-cluster:bench-svc-1"),
        (.lambda, "bad name"),
        (.lambda, String(repeating: "f", count: 65)),
        (.lambda, "bench-cluster:bench-svc-1"),
        (.ecs, "bench-svc-1"),
        (.ecs, "a:b:c"),
        (.ecs, ":service"),
        (.cloudFormation, "bench-stack"),
        (.cloudFormation, "arn:aws:cloudformation:us-east-1:12345:stack/name/id"),
        (.cloudFormation, "arn:aws:ec2:us-east-1:123456789012:stack/name/id"),
    ]

    @Test("a target id in the wrong format is InvalidDeploymentTargetIdException", arguments: malformedTargetIds)
    func malformedTargetId(platform: ComputePlatform, targetId: String) throws {
        let fixture = CodeDeployFixture()
        let (id, targets) = try fixture.deployment(platform, targets: 2)
        expectCodeDeployError(.invalidDeploymentTargetId) { () throws(ServiceError) in
            try fixture.emulator.batchGetDeploymentTargets(.init(deploymentId: id, targetIds: [targets[0], targetId]))
        }
        expectCodeDeployError(.invalidDeploymentTargetId) { () throws(ServiceError) in
            try fixture.emulator.getDeploymentTarget(.init(deploymentId: id, targetId: targetId))
        }
    }

    @Test("a well-formed id of another deployment is DeploymentTargetDoesNotExistException",
          arguments: ComputePlatform.allCases)
    func targetOfAnotherDeployment(platform: ComputePlatform) throws {
        let fixture = CodeDeployFixture()
        let (first, _) = try fixture.deployment(platform, targets: 3)
        let (_, otherTargets) = try fixture.deployment(platform, targets: 3)
        expectCodeDeployError(.deploymentTargetDoesNotExist) { () throws(ServiceError) in
            try fixture.emulator.batchGetDeploymentTargets(.init(deploymentId: first, targetIds: [otherTargets[1]]))
        }
        expectCodeDeployError(.deploymentTargetDoesNotExist) { () throws(ServiceError) in
            try fixture.emulator.getDeploymentTarget(.init(deploymentId: first, targetId: otherTargets[1]))
        }
    }

    @Test("a bad nextToken is InvalidNextTokenException")
    func invalidNextToken() throws {
        let fixture = CodeDeployFixture(pageSize: 2)
        let (first, _) = try fixture.deployment(.server, targets: 5)
        let (second, _) = try fixture.deployment(.server, targets: 5)
        let issued = try #require(fixture.emulator.listDeploymentTargets(.init(deploymentId: second)).nextToken)
        let outOfRange = Data("\(first)#6".utf8).base64EncodedString()
        for token in ["", "not a token", issued, outOfRange, Data("\(first)#-1".utf8).base64EncodedString()] {
            expectCodeDeployError(.invalidNextToken) { () throws(ServiceError) in
                try fixture.emulator.listDeploymentTargets(.init(deploymentId: first, nextToken: token))
            }
        }
        // The same token is good for the deployment that issued it, and for no other list.
        #expect(try fixture.emulator.listDeploymentTargets(.init(deploymentId: second, nextToken: issued))
            .targetIds?.count == 2)
        expectCodeDeployError(.invalidNextToken) { () throws(ServiceError) in
            try fixture.emulator.listDeployments(.init(nextToken: issued))
        }
    }

    @Test("bad target filters name the filter and the allowed values")
    func invalidTargetFilters() throws {
        let fixture = CodeDeployFixture()
        let (id, _) = try fixture.deployment(.server, targets: 2)
        let cases: [([String: [String]], CodeDeployErrorCode)] = [
            (["Colour": ["Blue"]], .invalidTargetFilterName),
            (["TargetStatus": ["Succeeded", "Done"]], .invalidInstanceStatus),
            (["ServerInstanceLabel": ["Red"]], .invalidInstanceType),
        ]
        for (filters, code) in cases {
            expectCodeDeployError(code) { () throws(ServiceError) in
                try fixture.emulator.listDeploymentTargets(.init(deploymentId: id, targetFilters: filters))
            }
        }
    }

    @Test("ListDeployments: application and group go together, must exist and be 1-100 characters")
    func listDeploymentsFilters() throws {
        let fixture = CodeDeployFixture()
        _ = try fixture.deployment(.server, targets: 1)
        let cases: [(ListDeploymentsInput, CodeDeployErrorCode)] = [
            (.init(deploymentGroupName: "bench-server-group"), .applicationNameRequired),
            (.init(applicationName: "bench-server"), .deploymentGroupNameRequired),
            (.init(applicationName: "nope", deploymentGroupName: "bench-server-group"), .applicationDoesNotExist),
            (.init(applicationName: "bench-server", deploymentGroupName: "nope"), .deploymentGroupDoesNotExist),
            (.init(applicationName: "", deploymentGroupName: "g"), .invalidApplicationName),
            (.init(applicationName: String(repeating: "a", count: 101), deploymentGroupName: "g"),
             .invalidApplicationName),
            (.init(applicationName: "bench-server", deploymentGroupName: String(repeating: "g", count: 101)),
             .invalidDeploymentGroupName),
        ]
        for (input, code) in cases {
            expectCodeDeployError(code) { () throws(ServiceError) in try fixture.emulator.listDeployments(input) }
        }
        // 100 characters is within the limit: the name is checked, then found missing.
        expectCodeDeployError(.applicationDoesNotExist) { () throws(ServiceError) in
            try fixture.emulator.listDeployments(
                .init(applicationName: String(repeating: "a", count: 100), deploymentGroupName: "g"))
        }
    }
}
