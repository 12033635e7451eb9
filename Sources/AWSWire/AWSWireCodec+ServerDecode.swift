import AWSModel

extension AWSWireCodec {
    /// The service a request is for, as `bench serve` routes it: by the `X-Amz-Target` prefix when the header
    /// is present (`nil` if the prefix is unknown), else VPC Lattice (restJson1 requests carry no target).
    public static func service(for request: WireRequest) -> AWSService? {
        guard let target = request.headers[WireHeaderName.target] else { return .vpcLattice }
        let trimmed = target.trimmingASCIIWhitespace
        let prefix = trimmed[..<(trimmed.firstIndex(of: ".") ?? trimmed.endIndex)]
        return AWSService.allCases.first { $0.targetPrefix.map { $0[...] == prefix } ?? false }
    }

    /// The typed request in `request`, or the error the real service answers it with.
    ///
    /// - awsJson1_1 (an `X-Amz-Target` header): the prefix before the last `.` selects the service and the rest
    ///   the operation; unknown → `UnknownOperationException` (400, Coral's answer). Body not JSON or a member
    ///   of the wrong type → `SerializationException`; a missing required member → Coral's
    ///   `ValidationException` naming it.
    /// - restJson1 (VPC Lattice): method + path as in ``LatticeRoute``; unknown → `ValidationException` with
    ///   reason `unknownOperation` (modeled, so every SDK can read it). Body or query unreadable →
    ///   `ValidationException` `cannotParse`; a missing required member → `fieldValidationFailed`; both name
    ///   the member in `fieldList`.
    ///
    /// An empty body reads as `{}`. Value limits (lengths, ranges, patterns) are the emulator's to check.
    /// - Complexity: O(n) in the size of the request.
    public static func decodeRequest(_ request: WireRequest) -> Result<AWSRequest, ServiceError> {
        do throws(ServiceError) {
            if let target = request.headers[WireHeaderName.target] {
                return .success(try decodeAWSJSON(target: target.trimmingASCIIWhitespace, body: request.body))
            }
            return .success(try decodeLattice(request))
        } catch {
            return .failure(error)
        }
    }

    private static func decodeAWSJSON(target: String, body: [UInt8]) throws(ServiceError) -> AWSRequest {
        // The service prefix is everything before the last ".", the operation everything after it.
        let dot = target.lastIndex(of: ".")
        let prefix = dot.map { String(target[..<$0]) } ?? ""
        let operation = dot.map { String(target[target.index(after: $0)...]) } ?? target
        func read<T: Decodable>() throws(ServiceError) -> T {
            do throws(WireJSONReader.Failure) {
                return try WireJSONReader.decode(from: body)
            } catch {
                if case .missingMember(let member) = error { throw .missingMember(member) }
                throw .serialization(error.message)
            }
        }
        switch (AWSService.allCases.first { $0.targetPrefix == prefix }, operation) {
        case (.cloudMap, "RegisterInstance"): return .cloudMap(.registerInstance(try read()))
        case (.cloudMap, "DeregisterInstance"): return .cloudMap(.deregisterInstance(try read()))
        case (.cloudMap, "GetOperation"): return .cloudMap(.getOperation(try read()))
        case (.cloudMap, "ListOperations"): return .cloudMap(.listOperations(try read()))
        case (.cloudMap, "GetInstance"): return .cloudMap(.getInstance(try read()))
        case (.cloudMap, "ListInstances"): return .cloudMap(.listInstances(try read()))
        case (.cloudMap, "CreateHttpNamespace"): return .cloudMap(.createHttpNamespace(try read()))
        case (.cloudMap, "GetNamespace"): return .cloudMap(.getNamespace(try read()))
        case (.cloudMap, "CreateService"): return .cloudMap(.createService(try read()))
        case (.cloudMap, "GetService"): return .cloudMap(.getService(try read()))
        case (.codeDeploy, "BatchGetDeploymentTargets"): return .codeDeploy(.batchGetDeploymentTargets(try read()))
        case (.codeDeploy, "ListDeployments"): return .codeDeploy(.listDeployments(try read()))
        case (.codeDeploy, "ListDeploymentTargets"): return .codeDeploy(.listDeploymentTargets(try read()))
        case (.codeDeploy, "GetDeploymentTarget"): return .codeDeploy(.getDeploymentTarget(try read()))
        case (.codeDeploy, "GetDeployment"): return .codeDeploy(.getDeployment(try read()))
        default: throw .unknownOperation("Unknown operation: X-Amz-Target '\(target)'")
        }
    }

    private static func decodeLattice(_ request: WireRequest) throws(ServiceError) -> AWSRequest {
        guard let route = try LatticeRoute.match(method: request.method, path: request.path) else {
            throw .latticeValidation(
                "Unknown operation: \(request.method) \(request.path)", reason: "unknownOperation")
        }
        func read<T: Decodable>() throws(ServiceError) -> T {
            do throws(WireJSONReader.Failure) {
                return try WireJSONReader.decode(from: request.body)
            } catch {
                switch error {
                case .missingMember(let member):
                    throw .latticeValidation(
                        "1 validation error detected: Value null at '\(member)' failed to satisfy constraint: "
                            + "Member must not be null",
                        fields: [(member, "Member must not be null")])
                case .invalidMember(let member, _):
                    throw .latticeValidation(error.message, reason: "cannotParse", fields: [(member, error.message)])
                case .malformed:
                    throw .latticeValidation(error.message, reason: "cannotParse")
                }
            }
        }
        switch route {
        case .createTargetGroup:
            return .lattice(.createTargetGroup(try read()))
        case .listTargetGroups:
            let query = try LatticeQuery(
                request.query, known: ["maxResults", "nextToken", "vpcIdentifier", "targetGroupType"])
            return .lattice(
                .listTargetGroups(
                    ListTargetGroupsInput(
                        maxResults: try query.integer("maxResults"), nextToken: query.string("nextToken"),
                        vpcIdentifier: query.string("vpcIdentifier"),
                        targetGroupType: query.string("targetGroupType"))))
        case .getTargetGroup(let identifier):
            return .lattice(.getTargetGroup(GetTargetGroupInput(targetGroupIdentifier: identifier)))
        case .registerTargets(let identifier):
            let body: TargetsBody = try read()
            return .lattice(
                .registerTargets(RegisterTargetsInput(targetGroupIdentifier: identifier, targets: body.targets)))
        case .deregisterTargets(let identifier):
            let body: TargetsBody = try read()
            return .lattice(
                .deregisterTargets(DeregisterTargetsInput(targetGroupIdentifier: identifier, targets: body.targets)))
        case .listTargets(let identifier):
            let query = try LatticeQuery(request.query, known: ["maxResults", "nextToken"])
            let body: OptionalTargetsBody = try read()
            return .lattice(
                .listTargets(
                    ListTargetsInput(
                        targetGroupIdentifier: identifier, maxResults: try query.integer("maxResults"),
                        nextToken: query.string("nextToken"), targets: body.targets)))
        }
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs (header values).
    /// - Complexity: O(blanks at the ends); a string without them is returned as is (no copy).
    var trimmingASCIIWhitespace: String {
        let isBlank: (UInt8) -> Bool = { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
        guard let first = utf8.first, let last = utf8.last, isBlank(first) || isBlank(last) else { return self }
        let view = utf8
        guard let start = view.firstIndex(where: { !isBlank($0) }) else { return "" }
        let end = view.lastIndex(where: { !isBlank($0) })!
        return String(self[start...end])
    }
}
