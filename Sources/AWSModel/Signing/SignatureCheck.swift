/// What ``SigV4Verifier`` concluded about an incoming request.
public enum SignatureCheck: Sendable, Hashable {
    /// The signature matches the request as received.
    case valid
    /// The request carries no `Authorization` header.
    case missing
    /// The `Authorization` header, or a header the check depends on (`X-Amz-Date`), is malformed; the
    /// reason names the part and the rule.
    case malformed(String)
    /// The access key id is not one the verifier knows.
    case unknownAccessKey(String)
    /// The request is well-formed but its signature is not the one its contents produce: it was signed with
    /// another secret, or changed (body, a signed header, path, query) after signing.
    case mismatch
}
