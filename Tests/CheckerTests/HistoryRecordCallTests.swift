import AWSModel
import Checker
import Resilience
import Testing

/// `HistoryRecord(call, request:)`: a history line's parameter digest is its request's, with the token left out.
@Suite struct HistoryRecordCallTests {
    @Test func parameterDigestIsTheRequestsWithoutItsToken() async throws {
        let rig = try CheckerRig(seed: 7, tokens: .supplied { "call\($0.callSequence)-try\($0.attempt)" })
        let records = await rig.run(calls: 6, only: "CreateTargetGroup")
        for (index, record) in records.enumerated() {
            let request = rig.request(index, only: "CreateTargetGroup")
            #expect(record.attempts.first?.token == "call\(index)-try1")
            #expect(record.parameterDigest == request.withIdempotencyToken(nil).parameterDigest)
            #expect(record.parameterDigest == request.withIdempotencyToken("another token").parameterDigest)
        }
        #expect(Set(records.map(\.parameterDigest)).count == records.count)
    }
}
