import AWSModel
import BenchCore
import Emulator

/// Cloud Map `RegisterInstance` into the setup's service, with an instance id from a pool and `attributes`
/// custom attributes beside `AWS_INSTANCE_IPV4` and `AWS_INSTANCE_PORT`.
///
///     RegisterInstance(attributes: 4, pool: 10_000).weight(2)
///
/// Registering an instance again (the pool wraps) updates it; two registrations of one instance within the
/// service's operation delay meet `DuplicateRequest`, as on the real service.
public struct RegisterInstance: Workload {
    public let operationName = "RegisterInstance"
    public var weight = 1
    public var invalidFraction = 0.0
    /// Custom attributes per instance (the API allows 30).
    public var attributes: Int
    /// How many distinct instance ids to draw from.
    public var pool: Int

    public init(attributes: Int = 4, pool: Int = 10_000) {
        self.attributes = attributes
        self.pool = pool
    }

    public var requirement: FixtureRequirement { .cloudMapService }

    /// `attr0` ... `attr30`: the custom attribute keys, made once rather than for every request (31 is one over the
    /// API's limit, for invalid requests; a workload built past validation makes any further key as it goes).
    static let attributeKeys = (0...30).map { "attr\($0)" }

    public func validate(at path: String) -> [ValidationIssue] {
        var issues = validateCommon(at: path)
        if !(0...30).contains(attributes) {
            issues.append(.init(path: "\(path).attributes", message: "must be in 0...30 custom attributes (got \(attributes))"))
        }
        if pool < 1 || pool > 16_777_216 {
            issues.append(.init(path: "\(path).pool", message: "must be in 1...16777216 (got \(pool))"))
        }
        return issues
    }

    public func makeRequest(_ context: inout GenerationContext) -> AWSRequest {
        let service = context.pick(context.fixtures.cloudMapServices)
        let slot = context.int(in: 0...(pool - 1))
        let token = context.token()
        let count = context.chance(invalidFraction) ? 31 : attributes  // 31 custom attributes: over the limit of 30
        var map = [String: String](minimumCapacity: count + 2)
        map["AWS_INSTANCE_IPV4"] = TargetGroupKind.ip.targetId(slot: slot)
        map["AWS_INSTANCE_PORT"] = "8080"
        // Values and the instance id are written digit by digit (`value-<sequence>-<index>`, `instance-<slot>`):
        // interpolation cost about 1 us a request.
        let valuePrefix = "value".appending("-", decimal: context.sequence)
        for index in 0..<count {
            let key = index < Self.attributeKeys.count ? Self.attributeKeys[index] : "attr\(index)"
            map[key] = valuePrefix.appending("-", decimal: index)
        }
        let input = RegisterInstanceInput(
            serviceId: service, instanceId: "instance".appending("-", decimal: slot), creatorRequestId: token,
            attributes: map)
        return .cloudMap(.registerInstance(input))
    }
}
