import AWSModel
import BenchCore

/// The opaque `nextToken` of `ListTargetGroups` and `ListTargets`: where the next page starts, bound to the
/// query it belongs to.
///
/// The position is a creation (or registration) sequence number, not an offset, so that a page boundary stays
/// put while other calls add or remove items. The text is `<16 hex digits of the query's digest><position in
/// hex>`; a token that does not parse, or that came from another query (other filters, another group), is a
/// `ValidationException` naming `nextToken`.
struct LatticePageToken {
    /// A digest of the query's filters.
    let scope: String
    /// The sequence number of the first item of the next page.
    let position: UInt64

    var encoded: String { scope + String(position, radix: 16) }

    /// The digest of a query: the operation and its filters, each optional filter marked present or absent.
    static func scope(_ operation: LatticeOperation, _ filters: [String?]) -> String {
        var digest = StableDigest()
        digest.combine(operation.rawValue)
        for filter in filters {
            if let filter { digest.combine("=" + filter) } else { digest.combine("-") }
        }
        return digest.hex
    }

    /// The position `token` resumes at (0 when there is no token).
    /// - Throws: `ValidationException` when the token is malformed or belongs to another query.
    static func position(of token: String?, scope: String) throws(ServiceError) -> UInt64 {
        guard let token else { return 0 }
        let bytes = token.utf8
        guard bytes.count > scope.utf8.count, bytes.count <= 2048, bytes.starts(with: scope.utf8),
            let position = UInt64(token.dropFirst(scope.count), radix: 16)
        else {
            throw FieldViolations.error("nextToken", "is not a token this query returned")
        }
        return position
    }
}
