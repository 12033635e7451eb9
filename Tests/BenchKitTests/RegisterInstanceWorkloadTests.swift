import AWSModel
import BenchCore
import Testing

@testable import BenchKit

/// What a `RegisterInstance` workload sends: an instance id from the pool, the address attributes, and `attributes`
/// custom ones whose values name the operation's sequence number, written digit by digit as interpolation would.
@Suite struct RegisterInstanceWorkloadTests {
    @Test(arguments: [0, 9, 1_234_567, UInt64(Int64.max)] as [UInt64])
    func requestsCarryThePoolSlotAndTheSequence(sequence: UInt64) throws {
        var fixtures = ResolvedFixtures()
        fixtures.cloudMapServices = ["srv-0123456789abcdef"]
        let workload = RegisterInstance(attributes: 12, pool: 1_000)
        for seed in 0..<50 as Range<UInt64> {
            var context = GenerationContext(random: SplitMix64(seed: seed), fixtures: fixtures, sequence: sequence)
            guard case .cloudMap(.registerInstance(let input)) = workload.makeRequest(&context) else {
                Issue.record("not a RegisterInstance request")
                return
            }
            let slot = try #require(Int(input.instanceId.dropFirst("instance-".count)))
            #expect(input.instanceId == "instance-\(slot)" && (0..<1_000).contains(slot))
            #expect(input.serviceId == "srv-0123456789abcdef")
            #expect(input.attributes.count == 14)
            #expect(input.attributes["AWS_INSTANCE_PORT"] == "8080")
            #expect(input.attributes["AWS_INSTANCE_IPV4"] == TargetGroupKind.ip.targetId(slot: slot))
            for index in 0..<12 {
                #expect(input.attributes["attr\(index)"] == "value-\(sequence)-\(index)")
            }
        }
    }
}
