import AWSModel

extension AWSWireCodec {
    /// The answer to `request`, read as botocore reads it: see ``decodeAnswer(to:_:)``.
    public static func decodeResponse(
        to request: AWSRequest, _ response: WireResponse
    ) -> Result<AWSResponse, ServiceError> {
        decodeAnswer(to: request, response).result
    }

    /// The answer to `request`, read as botocore reads it, with the request id and status.
    ///
    /// A status below 301 is a success whatever its value (201 and 200 alike) and its body is read as the
    /// operation's output; a body that does not fit gives a ``ServiceError`` with code `ResponseParserError`
    /// (botocore raises its `ResponseParserError` there). Anything else is an error, parsed as in `wire.md`
    /// §2.3; see ``ErrorResponseParser``.
    /// - Complexity: O(n) in the size of the body.
    public static func decodeAnswer(to request: AWSRequest, _ response: WireResponse) -> DecodedAnswer {
        let result: Result<AWSResponse, ServiceError>
        if response.status < 301 {
            do {
                result = .success(try decodeOutput(of: request, from: response.body))
            } catch {
                result = .failure(
                    ServiceError(
                        code: "ResponseParserError", httpStatus: response.status,
                        message: "Unable to parse the \(request.operationName) response: \(error.message)"))
            }
        } else {
            result = .failure(ErrorResponseParser.parse(response, service: request.service))
        }
        return DecodedAnswer(
            result: result, requestId: response.headers[WireHeaderName.requestId], httpStatus: response.status)
    }

    /// The output shape of `request`'s operation, read from `body`.
    static func decodeOutput(of request: AWSRequest, from body: [UInt8]) throws(WireJSONReader.Failure)
        -> AWSResponse
    {
        func read<T: Decodable>() throws(WireJSONReader.Failure) -> T { try WireJSONReader.decode(from: body) }
        switch request {
        case .lattice(let lattice):
            switch lattice {
            case .createTargetGroup: return .lattice(.createTargetGroup(try read()))
            case .registerTargets: return .lattice(.registerTargets(try read()))
            case .deregisterTargets: return .lattice(.deregisterTargets(try read()))
            case .getTargetGroup: return .lattice(.getTargetGroup(try read()))
            case .listTargetGroups: return .lattice(.listTargetGroups(try read()))
            case .listTargets: return .lattice(.listTargets(try read()))
            }
        case .cloudMap(let cloudMap):
            switch cloudMap {
            case .registerInstance: return .cloudMap(.registerInstance(try read()))
            case .deregisterInstance: return .cloudMap(.deregisterInstance(try read()))
            case .getOperation: return .cloudMap(.getOperation(try read()))
            case .listOperations: return .cloudMap(.listOperations(try read()))
            case .getInstance: return .cloudMap(.getInstance(try read()))
            case .listInstances: return .cloudMap(.listInstances(try read()))
            case .createHttpNamespace: return .cloudMap(.createHttpNamespace(try read()))
            case .getNamespace: return .cloudMap(.getNamespace(try read()))
            case .createService: return .cloudMap(.createService(try read()))
            case .getService: return .cloudMap(.getService(try read()))
            }
        case .codeDeploy(let codeDeploy):
            switch codeDeploy {
            case .batchGetDeploymentTargets: return .codeDeploy(.batchGetDeploymentTargets(try read()))
            case .listDeployments: return .codeDeploy(.listDeployments(try read()))
            case .listDeploymentTargets: return .codeDeploy(.listDeploymentTargets(try read()))
            case .getDeploymentTarget: return .codeDeploy(.getDeploymentTarget(try read()))
            case .getDeployment: return .codeDeploy(.getDeployment(try read()))
            }
        }
    }
}
