import AWSModel

extension AWSWireCodec {
    /// The HTTP answer the real service sends for `result`.
    ///
    /// Success: the operation's status (201 for `CreateTargetGroup`, else 200), `Content-Type` of the protocol,
    /// `x-amzn-RequestId`, and the output as JSON (timestamps ISO 8601 for VPC Lattice, epoch seconds for
    /// the others). Errors: see ``errorResponse(_:format:requestId:)``.
    /// - Parameters:
    ///   - request: the request answered, when it could be decoded; its service wins over `service`.
    ///   - service: the service that answers (from ``service(for:)``) when `request` is `nil`.
    /// - Complexity: O(n) in the size of the answer.
    public static func encodeResponse(
        _ result: Result<AWSResponse, ServiceError>, for request: AWSRequest?, service: AWSService, requestId: String
    ) -> WireResponse {
        let format = ErrorWireFormat(service: request?.service ?? service)
        switch result {
        case .success(let response):
            let wireProtocol = response.service.wireProtocol
            do {
                let body = try WireJSONWriter(dateStyle: wireProtocol.dateStyle).encode(response.body)
                var headers = WireHeaders()
                headers.add(WireHeaderName.contentType, wireProtocol.contentType)
                headers.add(WireHeaderName.requestId, requestId)
                return WireResponse(status: response.successStatus, headers: headers, body: body)
            } catch {
                let failure = ServiceError(
                    code: response.service == .vpcLattice ? "InternalServerException" : "InternalFailure",
                    httpStatus: 500, message: "The response cannot be written as JSON: \(error)")
                return errorResponse(failure, format: ErrorWireFormat(service: response.service), requestId: requestId)
            }
        case .failure(let error):
            return errorResponse(error, format: format, requestId: requestId)
        }
    }

    /// Decodes `request`, lets `handler` answer it, and encodes the answer: the whole of one `bench serve`
    /// exchange. Requests that cannot be decoded are answered without calling `handler`, including those
    /// whose `X-Amz-Target` names no known service (a Coral-style `UnknownOperationException`).
    public static func respond(
        to request: WireRequest, requestId: String,
        handler: (AWSRequest) async -> Result<AWSResponse, ServiceError>
    ) async -> WireResponse {
        switch decodeRequest(request) {
        case .success(let typed):
            return encodeResponse(await handler(typed), for: typed, service: typed.service, requestId: requestId)
        case .failure(let error):
            let format = service(for: request).map { ErrorWireFormat(service: $0) } ?? .unknownAWSJSONService
            return errorResponse(error, format: format, requestId: requestId)
        }
    }
}

extension AWSResponse {
    /// The service that answered.
    var service: AWSService {
        switch self {
        case .lattice: .vpcLattice
        case .cloudMap: .cloudMap
        case .codeDeploy: .codeDeploy
        }
    }

    /// The HTTP status of success (the model's `responseCode`).
    var successStatus: Int {
        if case .lattice(.createTargetGroup) = self { return 201 }
        return 200
    }

    /// The output, which is the whole body for every operation here.
    var body: any Encodable {
        switch self {
        case .lattice(let response):
            switch response {
            case .createTargetGroup(let output): output
            case .registerTargets(let output): output
            case .deregisterTargets(let output): output
            case .getTargetGroup(let output): output
            case .listTargetGroups(let output): output
            case .listTargets(let output): output
            }
        case .cloudMap(let response):
            switch response {
            case .registerInstance(let output): output
            case .deregisterInstance(let output): output
            case .getOperation(let output): output
            case .listOperations(let output): output
            case .getInstance(let output): output
            case .listInstances(let output): output
            case .createHttpNamespace(let output): output
            case .getNamespace(let output): output
            case .createService(let output): output
            case .getService(let output): output
            }
        case .codeDeploy(let response):
            switch response {
            case .batchGetDeploymentTargets(let output): output
            case .listDeployments(let output): output
            case .listDeploymentTargets(let output): output
            case .getDeploymentTarget(let output): output
            case .getDeployment(let output): output
            }
        }
    }
}
