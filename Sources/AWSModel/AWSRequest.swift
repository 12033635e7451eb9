/// A request to any of the three services, typed.
///
/// `indirect`: the payload lives in one heap box, so a copy is one retain. A call's request is copied on its way
/// through the pipeline (the attempt, the token policy, the fault layer, the history line); copying the payload
/// itself retained every string and array of the operation's input, each time. In the pipeline without history
/// (P3 with `--no-check`), boxing requests and responses cut the CPU a call by about a tenth.
public indirect enum AWSRequest: Sendable, Hashable {
    case lattice(LatticeRequest)
    case cloudMap(CloudMapRequest)
    case codeDeploy(CodeDeployRequest)

    /// The service the request goes to.
    public var service: AWSService {
        switch self {
        case .lattice: .vpcLattice
        case .cloudMap: .cloudMap
        case .codeDeploy: .codeDeploy
        }
    }

    /// The API operation name, e.g. `RegisterTargets`.
    public var operationName: String {
        switch self {
        case .lattice(let request): request.operationName
        case .cloudMap(let request): request.operationName
        case .codeDeploy(let request): request.operationName
        }
    }
}

/// A successful answer from any of the three services, typed.
///
/// `indirect` for the reason ``AWSRequest`` is: an answer is copied into the attempt's result, the retry
/// decision and the call record.
public indirect enum AWSResponse: Sendable, Hashable {
    case lattice(LatticeResponse)
    case cloudMap(CloudMapResponse)
    case codeDeploy(CodeDeployResponse)
}

extension AWSRequest {
    /// The operation's input shape, for encoding (wire bodies, parameter digests).
    public var input: any Encodable {
        switch self {
        case .lattice(let request): request.input
        case .cloudMap(let request): request.input
        case .codeDeploy(let request): request.input
        }
    }
}

extension LatticeRequest {
    /// The operation's input shape (its uri and query members included).
    public var input: any Encodable {
        switch self {
        case .createTargetGroup(let input): input
        case .registerTargets(let input): input
        case .deregisterTargets(let input): input
        case .getTargetGroup(let input): input
        case .listTargetGroups(let input): input
        case .listTargets(let input): input
        }
    }
}

extension CloudMapRequest {
    /// The operation's input shape, which is the whole awsJson1_1 body.
    public var input: any Encodable {
        switch self {
        case .registerInstance(let input): input
        case .deregisterInstance(let input): input
        case .getOperation(let input): input
        case .listOperations(let input): input
        case .getInstance(let input): input
        case .listInstances(let input): input
        case .createHttpNamespace(let input): input
        case .getNamespace(let input): input
        case .createService(let input): input
        case .getService(let input): input
        }
    }
}

extension CodeDeployRequest {
    /// The operation's input shape, which is the whole awsJson1_1 body.
    public var input: any Encodable {
        switch self {
        case .batchGetDeploymentTargets(let input): input
        case .listDeployments(let input): input
        case .listDeploymentTargets(let input): input
        case .getDeploymentTarget(let input): input
        case .getDeployment(let input): input
        }
    }
}
