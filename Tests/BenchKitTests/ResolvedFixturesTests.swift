import Testing

@testable import BenchKit

/// `ResolvedFixtures.unshared()`: a closed-model worker's copy holds the same fixtures in storage of its own.
@Suite struct ResolvedFixturesTests {
    static func fixtures() -> ResolvedFixtures {
        var fixtures = ResolvedFixtures()
        fixtures.addTargetGroup(ResolvedTargetGroup(id: "tg-0123456789abcdefg", arn: "arn:aws:vpc-lattice:tg/1", kind: .ip))
        fixtures.addTargetGroup(ResolvedTargetGroup(id: "tg-1", arn: "a", kind: .lambda))  // short: inline strings
        fixtures.cloudMapServices = ["srv-0123456789abcdef", "srv-1"]
        fixtures.deployments = [
            ResolvedDeployment(id: "d-ABCDEFGHI", platform: .server, targetIds: (0..<50).map { "i-0123456789abcd\($0)" })
        ]
        return fixtures
    }

    /// The address of a string's UTF-8 bytes: the same for two strings that share storage.
    static func address(_ text: String) -> UnsafeRawPointer? {
        var text = text
        return text.withUTF8 { UnsafeRawPointer($0.baseAddress) }
    }

    @Test func theCopyHoldsTheSameFixtures() {
        let original = Self.fixtures()
        let copy = original.unshared()
        for kind in TargetGroupKind.allCases {
            #expect(copy.targetGroups(of: kind) == original.targetGroups(of: kind), "\(kind)")
        }
        #expect(copy.targetGroupCount == 2)
        #expect(copy.cloudMapServices == original.cloudMapServices)
        #expect(copy.deployments == original.deployments)
    }

    /// Every string longer than 15 bytes (the ones with storage, so a reference count) is in new storage, and so is
    /// every array.
    @Test func theCopySharesNoStorage() {
        let original = Self.fixtures()
        let copy = original.unshared()
        let groups = zip(original.targetGroups(of: .ip), copy.targetGroups(of: .ip))
        let pairs =
            groups.flatMap { [($0.id, $1.id), ($0.arn, $1.arn)] }
            + zip(original.cloudMapServices.prefix(1), copy.cloudMapServices.prefix(1))
            + zip(original.deployments[0].targetIds, copy.deployments[0].targetIds)
        #expect(pairs.count == 53)
        for (old, new) in pairs {
            #expect(old.utf8.count > 15)
            #expect(Self.address(old) != Self.address(new), "\(old)")
        }
        original.deployments.withUnsafeBufferPointer { old in
            copy.deployments.withUnsafeBufferPointer { new in #expect(old.baseAddress != new.baseAddress) }
        }
        original.deployments[0].targetIds.withUnsafeBufferPointer { old in
            copy.deployments[0].targetIds.withUnsafeBufferPointer { new in #expect(old.baseAddress != new.baseAddress) }
        }
    }
}
