/// A request to any of the three services, typed.
public enum AWSRequest: Sendable, Hashable {
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
public enum AWSResponse: Sendable, Hashable {
    case lattice(LatticeResponse)
    case cloudMap(CloudMapResponse)
    case codeDeploy(CodeDeployResponse)
}
