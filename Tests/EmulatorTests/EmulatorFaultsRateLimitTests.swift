import AWSModel
import BenchCore
import Dispatch
import Emulator
import Testing

@Suite("Emulator faults: rate limits")
struct EmulatorFaultsRateLimitTests {
    private func limited(_ operation: String, rate: Double, burst: Int) -> FaultsFixture {
        FaultsFixture { $0.faults.rateLimits[operation] = .init(rate: rate, burst: burst) }
    }

    @Test("A burst passes, the next request is throttled, and a token comes back after 1/rate seconds")
    func burstThenRefusalThenRefill() throws {
        let fixture = limited("ListTargetGroups", rate: 1, burst: 3)
        for _ in 0..<3 { #expect(fixture.error(CheapRequest.listGroups) == nil) }
        let refused = try #require(fixture.error(CheapRequest.listGroups))
        #expect(refused.code == "ThrottlingException")
        fixture.clock.advance(by: 999_999_999)
        #expect(fixture.error(CheapRequest.listGroups)?.code == "ThrottlingException")
        fixture.clock.advance(by: 1)
        #expect(fixture.error(CheapRequest.listGroups) == nil)
        #expect(fixture.error(CheapRequest.listGroups)?.code == "ThrottlingException")
        #expect(fixture.emulator.faultCounts.throttled == 3)
    }

    @Test("An idle bucket refills to its burst and no further")
    func refillStopsAtBurst() {
        let fixture = limited("ListTargetGroups", rate: 10, burst: 4)
        fixture.at(seconds: 3600)
        let answers = (0..<6).map { _ in fixture.error(CheapRequest.listGroups) == nil }
        #expect(answers == [true, true, true, true, false, false])
    }

    @Test(
        "Lattice retryAfterSeconds is the time until a token, rounded up, at least 1",
        arguments: [
            (0.0, 4), (1.5, 3), (3.0, 1), (3.999_999_999, 1),
        ] as [(Double, Int)])
    func retryAfterSeconds(elapsed: Double, expected: Int) throws {
        let fixture = limited("ListTargetGroups", rate: 0.25, burst: 1)
        #expect(fixture.error(CheapRequest.listGroups) == nil)
        fixture.at(seconds: elapsed)
        let refused = try #require(fixture.error(CheapRequest.listGroups))
        #expect(refused.retryAfterSeconds == expected)
    }

    @Test("Lattice throttling is ThrottlingException 429 with serviceCode and quotaCode")
    func latticeShape() throws {
        let fixture = limited("ListTargetGroups", rate: 1, burst: 1)
        try fixture.send(CheapRequest.listGroups)
        let refused = try #require(fixture.error(CheapRequest.listGroups))
        #expect(refused.code == "ThrottlingException")
        #expect(refused.httpStatus == 429)
        #expect(refused.retryAfterSeconds == 1)
        #expect(refused.fields["serviceCode"] == .string("vpc-lattice"))
        #expect(refused.fields["quotaCode"] == .string("bench-ListTargetGroups-requests-per-second"))
        #expect(refused.fields.count == 2)
    }

    @Test("Cloud Map throttling is RequestLimitExceeded 400; CodeDeploy throttling is ThrottlingException 400")
    func awsJsonShapes() throws {
        let fixture = FaultsFixture {
            $0.faults.rateLimits["GetService"] = .init(rate: 1, burst: 1)
            $0.faults.rateLimits["ListDeployments"] = .init(rate: 1, burst: 1)
        }
        let serviceId = try fixture.cloudMapService()
        try fixture.send(CheapRequest.getService(serviceId))
        let cloudMap = try #require(fixture.error(CheapRequest.getService(serviceId)))
        #expect(cloudMap.code == "RequestLimitExceeded")
        #expect(cloudMap.httpStatus == 400)
        #expect(cloudMap.retryAfterSeconds == nil)
        #expect(cloudMap.fields.isEmpty)
        try fixture.send(CheapRequest.listDeployments)
        let codeDeploy = try #require(fixture.error(CheapRequest.listDeployments))
        #expect(codeDeploy.code == "ThrottlingException")
        #expect(codeDeploy.httpStatus == 400)
        #expect(codeDeploy.fields.isEmpty)
    }

    @Test("Only the configured operation is limited")
    func otherOperationsAreNotLimited() throws {
        let fixture = limited("CreateTargetGroup", rate: 1, burst: 1)
        for _ in 0..<10 { #expect(fixture.error(CheapRequest.listGroups) == nil) }
    }

    @Test("The limit is checked before validation: an invalid request is throttled, not refused as invalid")
    func checkedBeforeValidation() throws {
        let fixture = limited("CreateTargetGroup", rate: 1, burst: 1)
        let invalid = AWSRequest.lattice(.createTargetGroup(ipGroupInput(name: "-bad-")))
        #expect(fixture.error(invalid)?.code == "ValidationException")
        #expect(fixture.error(invalid)?.code == "ThrottlingException")
    }

    @Test("A throttled request applies nothing and writes nothing to the ledger")
    func throttledChangesNothing() throws {
        let fixture = FaultsFixture {
            $0.faults.rateLimits["CreateTargetGroup"] = .init(rate: 1, burst: 1)
            $0.faults.rateLimits["RegisterTargets"] = .init(rate: 1, burst: 1)
            $0.faults.rateLimits["RegisterInstance"] = .init(rate: 1, burst: 1)
        }
        try fixture.send(.lattice(.createTargetGroup(ipGroupInput(name: "first"))))
        #expect(fixture.error(.lattice(.createTargetGroup(ipGroupInput(name: "second"))))?.code == "ThrottlingException")
        let group = try fixture.group("direct")
        _ = try fixture.register(group, ipTargets(1))
        #expect(throws: ServiceError.self) { try fixture.register(group, ipTargets(1, from: 1)) }
        let serviceId = try fixture.cloudMapService()
        let register = { (instance: String) in
            AWSRequest.cloudMap(
                .registerInstance(
                    RegisterInstanceInput(
                        serviceId: serviceId, instanceId: instance, attributes: ["AWS_INSTANCE_IPV4": "10.0.0.1"])))
        }
        try fixture.send(register("i-1"))
        let before = fixture.emulator.ledger.count
        #expect(fixture.error(register("i-2"))?.code == "RequestLimitExceeded")

        #expect(fixture.emulator.ledger.count == before)
        let names = try fixture.emulator.lattice.listTargetGroups(ListTargetGroupsInput()).items?.compactMap(\.name)
        #expect(names == ["first", "direct"])
        #expect(try fixture.registered(group) == ["10.0.0.0"])
        let instances = try fixture.emulator.cloudMap.listInstances(ListInstancesInput(serviceId: serviceId))
        #expect(instances.instances.map(\.id) == ["i-1"])
        #expect(fixture.emulator.faultCounts.throttled == 3)
    }

    @Test("Concurrent requests on a still clock: exactly the burst passes")
    func concurrentCallersShareOneBucket() {
        let fixture = limited("ListTargetGroups", rate: 1, burst: 50)
        let emulator = fixture.emulator
        DispatchQueue.concurrentPerform(iterations: 400) { index in
            _ = try? emulator.handle(CheapRequest.listGroups, context: RequestContext(requestId: "\(index)"))
        }
        #expect(emulator.faultCounts.throttled == 350)
    }
}
