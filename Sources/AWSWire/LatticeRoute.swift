import AWSModel

/// A VPC Lattice operation found from the method and raw path of a request (moto-style routing).
enum LatticeRoute: Equatable {
    case createTargetGroup
    case listTargetGroups
    case getTargetGroup(identifier: String)
    case registerTargets(identifier: String)
    case deregisterTargets(identifier: String)
    case listTargets(identifier: String)

    /// Matches `method` and `path` against the URI templates.
    ///
    /// The identifier is percent-decoded segment by segment, so an encoded ARN (`arn%3Aaws%3A...%2Ftg-...`)
    /// and one sent with its `/` unencoded both work (moto's greedy pattern accepts both too).
    /// Empty segments (doubled or trailing `/`) are ignored.
    /// - Returns: `nil` when no operation matches; throws when the identifier is not validly percent-encoded.
    static func match(method: String, path: String) throws(ServiceError) -> LatticeRoute? {
        let segments = path.split(separator: "/", omittingEmptySubsequences: true)
        guard let first = segments.first, first == LatticePath.collection.dropFirst() else { return nil }
        if segments.count == 1 {
            switch method {
            case "POST": return .createTargetGroup
            case "GET": return .listTargetGroups
            default: return nil
            }
        }
        let last = segments[segments.count - 1]
        let actions = [LatticePath.registerTargets, LatticePath.deregisterTargets, LatticePath.listTargets]
        if let action = actions.first(where: { last == $0 }), segments.count >= 3 {
            guard method == "POST" else { return nil }
            let identifier = try decodeIdentifier(segments[1..<(segments.count - 1)])
            switch action {
            case LatticePath.registerTargets: return .registerTargets(identifier: identifier)
            case LatticePath.deregisterTargets: return .deregisterTargets(identifier: identifier)
            default: return .listTargets(identifier: identifier)
            }
        }
        guard method == "GET" else { return nil }
        return .getTargetGroup(identifier: try decodeIdentifier(segments[1...]))
    }

    private static func decodeIdentifier(_ segments: ArraySlice<Substring>) throws(ServiceError) -> String {
        var parts: [String] = []
        for segment in segments {
            guard let part = PercentEncoding.decode(segment) else {
                throw .latticeValidation(
                    "The target group identifier in the path is not validly percent-encoded", reason: "cannotParse",
                    fields: [("targetGroupIdentifier", "Invalid percent-encoding in '\(segment)'")])
            }
            parts.append(part)
        }
        return parts.joined(separator: "/")
    }
}

/// The query-string members of a VPC Lattice request, decoded and checked.
struct LatticeQuery {
    private var values: [String: String] = [:]

    /// Reads `query`, keeping the `known` names (others are ignored, as AWS does).
    /// - Throws: `ValidationException` (`cannotParse`) for bad percent-encoding or a member given twice.
    init(_ query: String, known: Set<String>) throws(ServiceError) {
        guard let pairs = PercentEncoding.decodeQuery(query) else {
            throw .latticeValidation("The query string is not validly percent-encoded", reason: "cannotParse")
        }
        for (name, value) in pairs where known.contains(name) {
            guard values.updateValue(value, forKey: name) == nil else {
                throw .latticeValidation(
                    "Query parameter '\(name)' appears more than once", reason: "cannotParse",
                    fields: [(name, "Must appear at most once")])
            }
        }
    }

    func string(_ name: String) -> String? { values[name] }

    /// The integer member `name`, if present.
    /// - Throws: `ValidationException` (`cannotParse`) naming the member when it is not an integer.
    func integer(_ name: String) throws(ServiceError) -> Int? {
        guard let text = values[name] else { return nil }
        guard let value = Int(text) else {
            throw .latticeValidation(
                "Query parameter '\(name)' must be an integer, got '\(text)'", reason: "cannotParse",
                fields: [(name, "Must be an integer")])
        }
        return value
    }
}
