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
        let payload = withIdempotencyToken(nil).input
        if let data = try? encoder.encode(payload) {
            digest.combine(String(decoding: data, as: UTF8.self))
        }
        return digest.hex
    }
}
