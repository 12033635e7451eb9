/// The VPC Lattice operations bench drives or reads back.
public enum LatticeOperation: String, Sendable, Hashable, Codable, CaseIterable {
    case createTargetGroup = "CreateTargetGroup"
    case registerTargets = "RegisterTargets"
    case deregisterTargets = "DeregisterTargets"
    case getTargetGroup = "GetTargetGroup"
    case listTargetGroups = "ListTargetGroups"
    case listTargets = "ListTargets"
}

/// One VPC Lattice request, as a transport or the emulator receives it.
public enum LatticeRequest: Sendable, Hashable {
    case createTargetGroup(CreateTargetGroupInput)
    case registerTargets(RegisterTargetsInput)
    case deregisterTargets(DeregisterTargetsInput)
    case getTargetGroup(GetTargetGroupInput)
    case listTargetGroups(ListTargetGroupsInput)
    case listTargets(ListTargetsInput)

    public var operation: LatticeOperation {
        switch self {
        case .createTargetGroup: .createTargetGroup
        case .registerTargets: .registerTargets
        case .deregisterTargets: .deregisterTargets
        case .getTargetGroup: .getTargetGroup
        case .listTargetGroups: .listTargetGroups
        case .listTargets: .listTargets
        }
    }

    /// The API operation name, e.g. `CreateTargetGroup`.
    public var operationName: String { operation.rawValue }
}

/// The answer to a ``LatticeRequest``: one case per operation, carrying its output.
public enum LatticeResponse: Sendable, Hashable {
    case createTargetGroup(CreateTargetGroupOutput)
    case registerTargets(RegisterTargetsOutput)
    case deregisterTargets(DeregisterTargetsOutput)
    case getTargetGroup(GetTargetGroupOutput)
    case listTargetGroups(ListTargetGroupsOutput)
    case listTargets(ListTargetsOutput)

    public var operation: LatticeOperation {
        switch self {
        case .createTargetGroup: .createTargetGroup
        case .registerTargets: .registerTargets
        case .deregisterTargets: .deregisterTargets
        case .getTargetGroup: .getTargetGroup
        case .listTargetGroups: .listTargetGroups
        case .listTargets: .listTargets
        }
    }

    /// The API operation name, e.g. `CreateTargetGroup`.
    public var operationName: String { operation.rawValue }
}
