import AWSModel
import BenchCore
import Foundation
import Testing

@testable import Resilience

/// Fault decisions: replayable, order-independent, at the configured rates, inside their windows and filters.
@Suite("Fault plan")
struct FaultPlanTests {
    static func hitCount(_ plan: FaultPlan, request: AWSRequest = Fixtures.createTargetGroup, draws: Int = 10_000)
        -> Int
    {
        (0..<draws).reduce(0) { count, call in
            let hits = plan.hits(
                seed: 42, call: UInt64(call), attempt: 1, request: request, phase: nil, elapsedSeconds: 0)
            return count + (hits.isEmpty ? 0 : 1)
        }
    }

    @Test(arguments: [0.01, 0.05, 0.3, 0.5, 0.9])
    func probabilityWithinFiveSigma(probability: Double) {
        let count = Self.hitCount(FaultPlan([Fault(.reset, probability: probability)]))
        let mean = 10_000 * probability
        let sigma = (10_000 * probability * (1 - probability)).squareRoot()
        #expect(abs(Double(count) - mean) < 5 * sigma, "\(count) hits for p=\(probability)")
    }

    @Test func probabilityZeroAndOneAreExact() {
        #expect(Self.hitCount(FaultPlan([Fault(.reset, probability: 0)])) == 0)
        #expect(Self.hitCount(FaultPlan([Fault(.reset, probability: 1)])) == 10_000)
    }

    static let mixedPlan = FaultPlan([
        Fault(.latency(.uniform(minNanoseconds: 0, maxNanoseconds: 5_000_000)), probability: 0.5),
        Fault(.throttle(), probability: 0.2),
        Fault(.loseResponse(.timeout), probability: 0.2),
        Fault(.duplicate(.concurrent), probability: 0.1),
    ])

    @Test func decisionsDependOnCallAndAttemptNotOnOrder() {
        let keys = (0..<300).flatMap { call in (1...3).map { (UInt64(call), $0) } }
        func decide(_ order: [(UInt64, Int)]) -> [String: [FaultPlan.Hit]] {
            var result: [String: [FaultPlan.Hit]] = [:]
            for (call, attempt) in order {
                result["\(call)/\(attempt)"] = Self.mixedPlan.hits(
                    seed: 7, call: call, attempt: attempt, request: Fixtures.createTargetGroup, phase: nil,
                    elapsedSeconds: 0)
            }
            return result
        }
        var shuffler = SplitMix64(seed: 99)
        let forward = decide(keys)
        #expect(forward == decide(keys.reversed()))
        #expect(forward == decide(keys.shuffled(using: &shuffler)))
        // Another seed gives other decisions.
        let other = keys.map {
            Self.mixedPlan.hits(
                seed: 8, call: $0.0, attempt: $0.1, request: Fixtures.createTargetGroup, phase: nil,
                elapsedSeconds: 0)
        }
        #expect(other != keys.map { forward["\($0.0)/\($0.1)"]! })
    }

    @Test func atMostOneOutcomeFaultPerAttemptAndLatencyComesFirst() {
        let plan = FaultPlan([Fault(.throttle()), Fault(.reset), Fault(.latency(.fixed(nanoseconds: 5)))])
        let hits = plan.hits(
            seed: 1, call: 0, attempt: 1, request: Fixtures.createTargetGroup, phase: nil, elapsedSeconds: 0)
        #expect(hits.map(\.index) == [0, 2])
        #expect(hits.filter { $0.kind.decidesOutcome }.count == 1)
    }

    @Test(arguments: [(9.999, false), (10.0, true), (19.999, true), (20.0, false)])
    func secondsWindowIsHalfOpen(elapsed: Double, active: Bool) {
        let plan = FaultPlan([Fault(.reset, window: .seconds(from: 10, to: 20))])
        let hits = plan.hits(
            seed: 1, call: 0, attempt: 1, request: Fixtures.createTargetGroup, phase: nil, elapsedSeconds: elapsed)
        #expect(hits.isEmpty != active)
    }

    @Test func phaseWindowAndOperationFilter() {
        let plan = FaultPlan([Fault(.reset, operations: ["CreateTargetGroup"], window: .phase("storm"))])
        func hit(_ request: AWSRequest, _ phase: String?) -> Bool {
            !plan.hits(seed: 1, call: 0, attempt: 1, request: request, phase: phase, elapsedSeconds: 0).isEmpty
        }
        #expect(hit(Fixtures.createTargetGroup, "storm"))
        #expect(!hit(Fixtures.createTargetGroup, "steady"))
        #expect(!hit(Fixtures.createTargetGroup, nil))
        #expect(!hit(Fixtures.registerTargets, "storm"))
    }

    @Test func conflictAppliesToLatticeCreatesOnlyAndLetsLaterFaultsFire() {
        let plan = FaultPlan([Fault(.conflict), Fault(.throttle())])
        let onCreate = plan.hits(
            seed: 1, call: 0, attempt: 1, request: Fixtures.createTargetGroup, phase: nil, elapsedSeconds: 0)
        #expect(onCreate.map(\.kind) == [.conflict])
        let onBatchGet = plan.hits(
            seed: 1, call: 0, attempt: 1, request: Fixtures.batchGet, phase: nil, elapsedSeconds: 0)
        #expect(onBatchGet.map(\.kind) == [.throttle()])
    }

    @Test func lognormalLatencyHasTheRequestedMedianAndP99() {
        let distribution = LatencyDistribution.lognormal(medianNanoseconds: 2_000_000, p99Nanoseconds: 40_000_000)
        var random = SplitMix64(seed: 5)
        let samples = (0..<10_000).map { _ in Double(distribution.sample(&random)) }.sorted()
        #expect(abs(samples[5_000] / 2_000_000 - 1) < 0.08)
        #expect(abs(samples[9_900] / 40_000_000 - 1) < 0.2)
    }

    @Test func uniformLatencyStaysInRange() {
        var random = SplitMix64(seed: 5)
        let distribution = LatencyDistribution.uniform(minNanoseconds: 1_000, maxNanoseconds: 2_000)
        let samples = (0..<10_000).map { _ in distribution.sample(&random) }
        #expect(samples.allSatisfy { (1_000...2_000).contains($0) })
        #expect(samples.min()! < 1_010 && samples.max()! > 1_990)
    }
}

/// The synthetic errors carry each service's exact wire shape (`wire.md` §2).
@Suite("Synthetic errors")
struct SyntheticErrorTests {
    @Test func latticeThrottleIs429WithRetryAfterAndCodes() {
        let error = SyntheticErrors.throttle(for: .vpcLattice, retryAfterSeconds: 3)
        #expect(error.code == "ThrottlingException" && error.httpStatus == 429)
        #expect(error.retryAfterSeconds == 3)
        #expect(error.fields["serviceCode"] == "vpc-lattice")
        #expect(error.fields["quotaCode"] == .string(SyntheticErrors.latticeRateQuotaCode))
        #expect(error.body == .modeled)
    }

    @Test func awsJsonThrottlesAre400() {
        let codeDeploy = SyntheticErrors.throttle(for: .codeDeploy)
        #expect(codeDeploy.code == "ThrottlingException" && codeDeploy.httpStatus == 400 && codeDeploy.fields.isEmpty)
        #expect(codeDeploy.retryAfterSeconds == nil)
        let cloudMap = SyntheticErrors.throttle(for: .cloudMap)
        #expect(cloudMap.code == "RequestLimitExceeded" && cloudMap.httpStatus == 400)
    }

    @Test func conflictNamesTheTargetGroup() throws {
        let error = try #require(SyntheticErrors.conflict(for: Fixtures.createTargetGroup))
        #expect(error.code == "ConflictException" && error.httpStatus == 409)
        #expect(error.fields["resourceId"] == "tg-a" && error.fields["resourceType"] == "TARGET_GROUP")
        #expect(SyntheticErrors.conflict(for: Fixtures.registerTargets) == nil)
    }

    @Test(arguments: [
        (FaultKind.ServerErrorVariant.internal, 500, "InternalServerException", ServiceError.WireBody.modeled),
        (.unavailable, 503, "503", .empty),
        (.badGateway, 502, "502", .empty),
        (.badGatewayHTML, 502, "502", .html),
    ])
    func serverErrors(variant: FaultKind.ServerErrorVariant, status: Int, code: String, body: ServiceError.WireBody) {
        let result = AttemptResult.serviceError(SyntheticErrors.serverError(variant))
        #expect(result.serviceError?.httpStatus == status)
        #expect(result.errorCode == code)
        #expect(result.serviceError?.body == body)
    }
}
