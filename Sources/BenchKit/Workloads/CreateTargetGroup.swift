import AWSModel
import BenchCore
import Emulator

/// VPC Lattice `CreateTargetGroup` with a fresh, unique name and a `clientToken` per logical call.
///
///     CreateTargetGroup(type: .ip).weight(1)
public struct CreateTargetGroup: Workload {
    public let operationName = "CreateTargetGroup"
    public var weight = 1
    public var invalidFraction = 0.0
    /// The type of the groups created.
    public var type: TargetGroupKind
    /// The prefix of generated names (`<prefix>-<sequence>`).
    public var namePrefix: String
    /// Tags per created group.
    public var tags: Int

    public init(type: TargetGroupKind = .ip, namePrefix: String = "bench", tags: Int = 0) {
        self.type = type
        self.namePrefix = namePrefix
        self.tags = tags
    }

    public var requirement: FixtureRequirement { .none }

    public func validate(at path: String) -> [ValidationIssue] {
        var issues = validateCommon(at: path)
        if !(0...200).contains(tags) {
            issues.append(.init(path: "\(path).tags", message: "must be in 0...200 (got \(tags))"))
        }
        if namePrefix.isEmpty || namePrefix.count > 100 || namePrefix.hasPrefix("tg-") || namePrefix.hasPrefix("-")
            || !namePrefix.utf8.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D })
            || namePrefix.contains("--") || namePrefix.hasSuffix("-")
        {
            issues.append(.init(
                path: "\(path).namePrefix",
                message: "must be 1-100 of [a-z0-9-], not start with 'tg-' or '-', no '--' or trailing '-' (got \"\(namePrefix)\")"
            ))
        }
        return issues
    }

    public func makeRequest(_ context: inout GenerationContext) -> AWSRequest {
        let token = context.token()
        var name = "\(namePrefix)-\(context.sequence)"
        if context.chance(invalidFraction) {
            name = "tg-\(name)"  // the model's pattern forbids the `tg-` prefix
        }
        let tagMap = Dictionary(uniqueKeysWithValues: (0..<tags).map { ("tag\($0)", "value\($0)") })
        let input = CreateTargetGroupInput(
            name: name, type: type.rawValue, config: type.configuration(vpc: "vpc-0123456789abcdef0"),
            clientToken: token, tags: tags == 0 ? nil : tagMap
        )
        return .lattice(.createTargetGroup(input))
    }
}
