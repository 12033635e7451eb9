/// Every item of a paged listing, in the order the pages give them: asks `page` for the first page (no token), then
/// for the page after each `nextToken` it answers, until one comes without a token.
func allItems<Item>(_ page: (_ nextToken: String?) throws -> (items: [Item], nextToken: String?)) rethrows -> [Item] {
    var items: [Item] = []
    var token: String?
    repeat {
        let answer = try page(token)
        items += answer.items
        token = answer.nextToken
    } while token != nil
    return items
}
