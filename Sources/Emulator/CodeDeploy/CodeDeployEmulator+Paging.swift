import AWSModel
import Foundation

extension CodeDeployEmulator {
    /// An opaque `nextToken`: the list it belongs to (its scope) and the position to resume at, base64-encoded.
    ///
    /// The position counts the list's unfiltered, stable order, so a page that a filter thins out never makes
    /// the next page skip or repeat an element.
    struct PageToken {
        let scope: String
        let position: Int

        var encoded: String { Data("\(scope)#\(position)".utf8).base64EncodedString() }

        /// Decodes `token`; `nil` unless it was issued for `scope` and points inside `0...count`.
        init?(decoding token: String, scope: String, count: Int) {
            guard let data = Data(base64Encoded: token),
                let text = String(data: data, encoding: .utf8),
                let separator = text.lastIndex(of: "#"),
                text[..<separator] == scope,
                let position = Int(text[text.index(after: separator)...]),
                (0...count).contains(position)
            else { return nil }
            self.init(scope: scope, position: position)
        }

        init(scope: String, position: Int) {
            self.scope = scope
            self.position = position
        }
    }

    /// One page of a list: the positions it holds and the token for the next page, if there is one.
    struct Page {
        var positions: [Int] = []
        var nextToken: String?
    }

    /// Pages through positions `0..<count` of a stable list, keeping those `include` accepts.
    ///
    /// - Parameters:
    ///   - token: the caller's `nextToken`; `nil` starts at the beginning.
    ///   - scope: what the token must have been issued for (a list and its fixed parameters).
    ///   - pageSize: the most positions one page holds.
    /// - Throws: `InvalidNextTokenException` for a token that is malformed, from another list or out of range.
    /// - Complexity: O(positions walked), at most the whole list when the filter keeps little.
    static func page(
        token: String?, scope: String, count: Int, pageSize: Int, include: (Int) -> Bool
    ) throws(ServiceError) -> Page {
        var position = 0
        if let token {
            guard let decoded = PageToken(decoding: token, scope: scope, count: count) else {
                throw .codeDeploy(.invalidNextToken, "nextToken '\(abbreviated(token))' is not valid for this list")
            }
            position = decoded.position
        }
        var page = Page()
        let limit = max(1, pageSize)
        while position < count, page.positions.count < limit {
            if include(position) { page.positions.append(position) }
            position += 1
        }
        if position < count { page.nextToken = PageToken(scope: scope, position: position).encoded }
        return page
    }

    /// `value`, cut to 64 characters for an error message (requests may carry arbitrarily long strings).
    static func abbreviated(_ value: String) -> String {
        value.count <= 64 ? value : value.prefix(64) + "..."
    }
}
