import AWSModel

extension AWSRequest {
    /// The idempotency token the request carries: VPC Lattice `CreateTargetGroup.clientToken`, or the
    /// `CreatorRequestId` of Cloud Map `RegisterInstance`, `CreateHttpNamespace` and `CreateService`; nil when it
    /// carries none or the operation takes none.
    public var idempotencyToken: String? {
        switch self {
        case .lattice(.createTargetGroup(let input)): input.clientToken
        case .cloudMap(.registerInstance(let input)): input.creatorRequestId
        case .cloudMap(.createHttpNamespace(let input)): input.creatorRequestId
        case .cloudMap(.createService(let input)): input.creatorRequestId
        default: nil
        }
    }

    /// Whether the operation takes an idempotency token (which botocore fills in when the caller leaves it out).
    public var acceptsIdempotencyToken: Bool {
        switch self {
        case .lattice(.createTargetGroup), .cloudMap(.registerInstance), .cloudMap(.createHttpNamespace),
            .cloudMap(.createService):
            true
        default: false
        }
    }

    /// The same request carrying `token` as its idempotency token; unchanged when the operation takes none.
    public func withIdempotencyToken(_ token: String?) -> AWSRequest {
        switch self {
        case .lattice(.createTargetGroup(var input)):
            input.clientToken = token
            return .lattice(.createTargetGroup(input))
        case .cloudMap(.registerInstance(var input)):
            input.creatorRequestId = token
            return .cloudMap(.registerInstance(input))
        case .cloudMap(.createHttpNamespace(var input)):
            input.creatorRequestId = token
            return .cloudMap(.createHttpNamespace(input))
        case .cloudMap(.createService(var input)):
            input.creatorRequestId = token
            return .cloudMap(.createService(input))
        default:
            return self
        }
    }
}
