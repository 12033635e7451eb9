import AWSModel

extension AWSRequest {
    /// The idempotency token the request carries: VPC Lattice `CreateTargetGroup.clientToken`
    /// (Cloud Map `creatorRequestId`s are added at merge, see ``withIdempotencyToken(_:)``); nil when it carries
    /// none or the operation takes none.
    public var idempotencyToken: String? {
        switch self {
        case .lattice(.createTargetGroup(let input)): input.clientToken
        default: nil
        }
    }

    /// Whether the operation takes an idempotency token (which botocore fills in when the caller leaves it out).
    public var acceptsIdempotencyToken: Bool {
        switch self {
        case .lattice(.createTargetGroup): true
        default: false
        }
    }

    /// The same request carrying `token` as its idempotency token; unchanged when the operation takes none.
    ///
    /// MERGE (lead): add the Cloud Map cases here and in ``idempotencyToken`` and ``acceptsIdempotencyToken``:
    /// `.cloudMap(.registerInstance)`, `.cloudMap(.createHttpNamespace)` and `.cloudMap(.createService)`, each
    /// through its input's `creatorRequestId`.
    public func withIdempotencyToken(_ token: String?) -> AWSRequest {
        switch self {
        case .lattice(.createTargetGroup(var input)):
            input.clientToken = token
            return .lattice(.createTargetGroup(input))
        default:
            return self
        }
    }
}
