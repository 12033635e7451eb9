import AWSModel
import BenchCore
import Foundation

extension AWSRequest {
    /// A ``StableDigest`` of the request's parameters *without* its idempotency token: the same for every
    /// attempt of a call whatever the token policy, so the idempotency checker can tell "same token, other
    /// parameters" from a retry.
    ///
    /// The parameters are encoded as JSON with sorted keys (dictionaries such as tags are unordered in memory).
    /// - Complexity: O(size of the request); computed once per logical call.
    public var parameterDigest: String {
        var digest = StableDigest()
        digest.combine(service.rawValue)
        digest.combine(operationName)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let payload = withIdempotencyToken(nil).parameters
        if let data = try? encoder.encode(payload) {
            digest.combine(String(decoding: data, as: UTF8.self))
        }
        return digest.hex
    }

    /// The operation's input shape.
    private var parameters: any Encodable {
        switch self {
        case .lattice(let request):
            switch request {
            case .createTargetGroup(let input): input
            case .registerTargets(let input): input
            case .deregisterTargets(let input): input
            case .getTargetGroup(let input): input
            case .listTargetGroups(let input): input
            case .listTargets(let input): input
            }
        case .cloudMap(let request):
            switch request {
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
        case .codeDeploy(let request):
            switch request {
            case .batchGetDeploymentTargets(let input): input
            case .listDeployments(let input): input
            case .listDeploymentTargets(let input): input
            case .getDeploymentTarget(let input): input
            case .getDeployment(let input): input
            }
        }
    }
}
