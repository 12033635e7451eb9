import AWSModel
import BenchCore

/// The parameters of a `CreateTargetGroup` call in canonical form: what must be identical for a repeated
/// `clientToken` to get the original answer back.
///
/// An absent `config` equals an empty one and absent `tags` equal an empty map; the token itself is not a
/// parameter. Defaults are not filled in: the comparison is of what the caller sent.
struct TargetGroupParameters: Hashable {
    let name: String
    let type: String
    let config: TargetGroupConfig
    let tags: [String: String]

    init(_ input: CreateTargetGroupInput) {
        name = input.name
        type = input.type
        config = input.config ?? TargetGroupConfig()
        tags = input.tags ?? [:]
    }

    /// A ``StableDigest`` of the canonical form (tags in key order), for the ledger's `parameterDigest`.
    var digest: String {
        var digest = StableDigest()
        digest.combine("name", name)
        digest.combine("type", type)
        digest.combine("port", config.port)
        digest.combine("protocol", config.protocol)
        digest.combine("protocolVersion", config.protocolVersion)
        digest.combine("ipAddressType", config.ipAddressType)
        digest.combine("vpcIdentifier", config.vpcIdentifier)
        digest.combine("lambdaEventStructureVersion", config.lambdaEventStructureVersion)
        if let check = config.healthCheck {
            digest.combine("healthCheck")
            digest.combine("enabled", check.enabled.map { $0 ? "true" : "false" })
            digest.combine("protocol", check.protocol)
            digest.combine("protocolVersion", check.protocolVersion)
            digest.combine("port", check.port)
            digest.combine("path", check.path)
            digest.combine("healthCheckIntervalSeconds", check.healthCheckIntervalSeconds)
            digest.combine("healthCheckTimeoutSeconds", check.healthCheckTimeoutSeconds)
            digest.combine("healthyThresholdCount", check.healthyThresholdCount)
            digest.combine("unhealthyThresholdCount", check.unhealthyThresholdCount)
            if let matcher = check.matcher { digest.combine("matcher.httpCode", matcher.httpCode) }
        }
        digest.combine("tags", tags.count)
        for key in tags.keys.sorted() {
            digest.combine(key)
            digest.combine(tags[key] ?? "")
        }
        return digest.hex
    }
}

extension StableDigest {
    /// Mixes in a labelled optional string; absent differs from every present value, the empty string included.
    fileprivate mutating func combine(_ label: String, _ value: String?) {
        combine(label)
        if let value { combine("=" + value) } else { combine("-") }
    }

    /// Mixes in a labelled optional integer.
    fileprivate mutating func combine(_ label: String, _ value: Int?) {
        combine(label, value.map(String.init))
    }
}
