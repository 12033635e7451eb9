import AWSModel
import BenchCore

extension AWSRequest {
    /// A ``WordStreamDigest`` of the request's parameters *without* its idempotency token: the same for every
    /// attempt of a call whatever the token policy, so the idempotency checker can tell "same token, other
    /// parameters" from a retry.
    ///
    /// The service, the operation and every member of the input are fed to a ``ParameterDigestBuilder`` (map keys
    /// in sorted order: dictionaries such as tags are unordered in memory). The value is only compared with other
    /// values of this property (within a run's history), never with the emulator's ledger digests.
    /// - Complexity: O(size of the request); computed once per logical call, without `JSONEncoder`.
    public var parameterDigest: String {
        var builder = ParameterDigestBuilder()
        builder.label(service.rawValue)
        builder.label(operationName)
        switch withIdempotencyToken(nil) {
        case .lattice(let request): request.digestInput(into: &builder)
        case .cloudMap(let request): request.digestInput(into: &builder)
        case .codeDeploy(let request): request.digestInput(into: &builder)
        }
        return builder.digest.hex
    }
}

extension LatticeRequest {
    fileprivate func digestInput(into builder: inout ParameterDigestBuilder) {
        switch self {
        case .createTargetGroup(let input): input.digestParameters(into: &builder)
        case .registerTargets(let input): input.digestParameters(into: &builder)
        case .deregisterTargets(let input): input.digestParameters(into: &builder)
        case .getTargetGroup(let input): input.digestParameters(into: &builder)
        case .listTargetGroups(let input): input.digestParameters(into: &builder)
        case .listTargets(let input): input.digestParameters(into: &builder)
        }
    }
}

extension CloudMapRequest {
    fileprivate func digestInput(into builder: inout ParameterDigestBuilder) {
        switch self {
        case .registerInstance(let input): input.digestParameters(into: &builder)
        case .deregisterInstance(let input): input.digestParameters(into: &builder)
        case .getOperation(let input): input.digestParameters(into: &builder)
        case .listOperations(let input): input.digestParameters(into: &builder)
        case .getInstance(let input): input.digestParameters(into: &builder)
        case .listInstances(let input): input.digestParameters(into: &builder)
        case .createHttpNamespace(let input): input.digestParameters(into: &builder)
        case .getNamespace(let input): input.digestParameters(into: &builder)
        case .createService(let input): input.digestParameters(into: &builder)
        case .getService(let input): input.digestParameters(into: &builder)
        }
    }
}

extension CodeDeployRequest {
    fileprivate func digestInput(into builder: inout ParameterDigestBuilder) {
        switch self {
        case .batchGetDeploymentTargets(let input): input.digestParameters(into: &builder)
        case .listDeployments(let input): input.digestParameters(into: &builder)
        case .listDeploymentTargets(let input): input.digestParameters(into: &builder)
        case .getDeploymentTarget(let input): input.digestParameters(into: &builder)
        case .getDeployment(let input): input.digestParameters(into: &builder)
        }
    }
}
