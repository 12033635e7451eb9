/// A request to any of the three services, typed.
///
/// MERGE: main has this file with the `cloudMap(CloudMapRequest)` cases as well; take main's version.
public enum AWSRequest: Sendable, Hashable {
    case lattice(LatticeRequest)
    case codeDeploy(CodeDeployRequest)

    /// The service the request goes to.
    public var service: AWSService {
        switch self {
        case .lattice: .vpcLattice
        case .codeDeploy: .codeDeploy
        }
    }

    /// The API operation name, e.g. `RegisterTargets`.
    public var operationName: String {
        switch self {
        case .lattice(let request): request.operationName
        case .codeDeploy(let request): request.operationName
        }
    }
}

/// A successful answer from any of the three services, typed.
public enum AWSResponse: Sendable, Hashable {
    case lattice(LatticeResponse)
    case codeDeploy(CodeDeployResponse)
}
