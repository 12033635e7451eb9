/// A load balancer target group, by name (`TargetGroupInfo`).
public struct TargetGroupInfo: Sendable, Hashable, Codable {
    public var name: String?

    public init(name: String? = nil) { self.name = name }
}
