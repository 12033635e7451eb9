/// One Cloud Map request, typed: what a client sends and what the emulator handles.
public enum CloudMapRequest: Sendable, Hashable {
    case registerInstance(RegisterInstanceInput)
    case deregisterInstance(DeregisterInstanceInput)
    case getOperation(GetOperationInput)
    case listOperations(ListOperationsInput)
    case getInstance(GetInstanceInput)
    case listInstances(ListInstancesInput)
    case createHttpNamespace(CreateHttpNamespaceInput)
    case getNamespace(GetNamespaceInput)
    case createService(CreateServiceInput)
    case getService(GetServiceInput)

    /// The API operation name, as in `X-Amz-Target: Route53AutoNaming_v20170314.<name>`.
    public var operationName: String {
        switch self {
        case .registerInstance: "RegisterInstance"
        case .deregisterInstance: "DeregisterInstance"
        case .getOperation: "GetOperation"
        case .listOperations: "ListOperations"
        case .getInstance: "GetInstance"
        case .listInstances: "ListInstances"
        case .createHttpNamespace: "CreateHttpNamespace"
        case .getNamespace: "GetNamespace"
        case .createService: "CreateService"
        case .getService: "GetService"
        }
    }
}

/// The answer to a ``CloudMapRequest``: the case matches the request's.
public enum CloudMapResponse: Sendable, Hashable {
    case registerInstance(RegisterInstanceOutput)
    case deregisterInstance(DeregisterInstanceOutput)
    case getOperation(GetOperationOutput)
    case listOperations(ListOperationsOutput)
    case getInstance(GetInstanceOutput)
    case listInstances(ListInstancesOutput)
    case createHttpNamespace(CreateHttpNamespaceOutput)
    case getNamespace(GetNamespaceOutput)
    case createService(CreateServiceOutput)
    case getService(GetServiceOutput)
}
