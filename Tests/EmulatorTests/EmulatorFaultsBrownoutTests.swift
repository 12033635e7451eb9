import AWSModel
import BenchCore
import Emulator
import Testing

@Suite("Emulator faults: brownout windows")
struct EmulatorFaultsBrownoutTests {
    private func brownout(_ window: EmulatorFaults.Brownout, seed: UInt64 = 11) -> FaultsFixture {
        FaultsFixture(seed: seed) { $0.faults.brownouts = [window] }
    }

    @Test(
        "A window is on from `from` (inclusive) to `to` (exclusive) on the emulator clock",
        arguments: [
            (9.999_999, false), (10.0, true), (15.0, true), (19.999_999, true), (20.0, false), (30.0, false),
        ] as [(Double, Bool)])
    func windowBoundaries(seconds: Double, fails: Bool) {
        let fixture = brownout(.init(from: 10, to: 20, errorFraction: 1))
        fixture.at(seconds: seconds)
        #expect((fixture.error(CheapRequest.listGroups) != nil) == fails)
    }

    @Test("Windows are measured from the emulator's creation, not from instant zero")
    func measuredFromCreation() {
        let clock = ManualClock(start: Instant(nanoseconds: 100_000_000_000))
        var configuration = EmulatorConfiguration()
        configuration.faults.brownouts = [.init(from: 0, to: 5, errorFraction: 1)]
        let emulator = Emulator(configuration: configuration, clock: clock, seed: 1)
        #expect(throws: ServiceError.self) { try emulator.handle(CheapRequest.listGroups, context: RequestContext()) }
        clock.advance(by: 5_000_000_000)
        #expect(throws: Never.self) { try emulator.handle(CheapRequest.listGroups, context: RequestContext()) }
    }

    @Test("The error shapes: Lattice InternalServerException 500, Cloud Map and CodeDeploy ServiceUnavailable 503")
    func errorShapes() throws {
        let fixture = brownout(.init(from: 0, to: 10, errorFraction: 1))
        let serviceId = try fixture.cloudMapService()
        let lattice = try #require(fixture.error(CheapRequest.listGroups))
        #expect(lattice.code == "InternalServerException")
        #expect(lattice.httpStatus == 500)
        #expect(lattice.fields.isEmpty)
        for request in [CheapRequest.getService(serviceId), CheapRequest.listDeployments] {
            let error = try #require(fixture.error(request))
            #expect(error.code == "ServiceUnavailable")
            #expect(error.httpStatus == 503)
            #expect(error.fields.isEmpty)
        }
        #expect(fixture.emulator.faultCounts.brownoutErrors == 3)
    }

    @Test("The error fraction holds within a tolerance band over many requests", arguments: [0.1, 0.3, 0.5])
    func errorFraction(fraction: Double) {
        let fixture = brownout(.init(from: 0, to: 10, errorFraction: fraction))
        let count = 4_000
        let failures = (0..<count).count { fixture.error(CheapRequest.listGroups, id: "req-\($0)") != nil }
        // 5 standard deviations of a binomial proportion over 4000 draws is under 0.04.
        #expect(abs(Double(failures) / Double(count) - fraction) < 0.04)
        #expect(fixture.emulator.faultCounts.brownoutErrors == failures)
    }

    @Test("Requests without a request id are keyed by a per-service counter and still follow the fraction")
    func unidentifiedRequests() {
        let fixture = brownout(.init(from: 0, to: 10, errorFraction: 0.5))
        let failures = (0..<2_000).count { _ in fixture.error(CheapRequest.listGroups) != nil }
        #expect(abs(Double(failures) / 2_000 - 0.5) < 0.06)
    }

    @Test("A window covers only its operations")
    func operationFilter() {
        let fixture = brownout(.init(from: 0, to: 10, errorFraction: 1, operations: ["CreateTargetGroup"]))
        #expect(fixture.error(CheapRequest.listGroups) == nil)
        #expect(fixture.error(.lattice(.createTargetGroup(ipGroupInput())))?.code == "InternalServerException")
    }

    @Test("A failed request applies nothing and writes nothing to the ledger")
    func failedChangesNothing() throws {
        let fixture = brownout(.init(from: 0, to: 10, errorFraction: 1))
        #expect(fixture.error(.lattice(.createTargetGroup(ipGroupInput())))?.code == "InternalServerException")
        #expect(fixture.emulator.ledger.count == 0)
        fixture.at(seconds: 10)
        try fixture.send(.lattice(.createTargetGroup(ipGroupInput())))
        #expect(fixture.entries(.created).count == 1)
    }

    @Test("Extra latency is data: the largest of the active windows covering the operation, else 0")
    func extraLatency() {
        let fixture = FaultsFixture {
            $0.faults.brownouts = [
                .init(from: 1, to: 3, extraLatencyNanoseconds: 50_000_000),
                .init(from: 2, to: 4, extraLatencyNanoseconds: 200_000_000, operations: ["RegisterTargets"]),
            ]
        }
        let register = AWSRequest.lattice(
            .registerTargets(RegisterTargetsInput(targetGroupIdentifier: "tg-00000000000000000", targets: [])))
        let samples: [(Double, UInt64, UInt64)] = [
            (0.5, 0, 0), (1, 50_000_000, 50_000_000), (2.5, 50_000_000, 200_000_000), (3.5, 0, 200_000_000), (4, 0, 0),
        ]
        for (seconds, list, registerLatency) in samples {
            fixture.at(seconds: seconds)
            #expect(fixture.emulator.extraLatency(for: CheapRequest.listGroups) == list, "at \(seconds) s")
            #expect(fixture.emulator.extraLatency(for: register) == registerLatency, "at \(seconds) s")
        }
        #expect(fixture.error(CheapRequest.listGroups) == nil)
    }

    @Test("Decisions are fixed by seed and request, whatever the order the requests arrive in")
    func determinism() {
        let ids = (0..<200).map { "req-\($0)" }
        func failing(seed: UInt64, order: [String]) -> Set<String> {
            let fixture = brownout(.init(from: 0, to: 10, errorFraction: 0.3), seed: seed)
            return Set(order.filter { fixture.error(CheapRequest.listGroups, id: $0) != nil })
        }
        let forward = failing(seed: 5, order: ids)
        #expect(!forward.isEmpty)
        #expect(failing(seed: 5, order: ids.reversed()) == forward)
        #expect(failing(seed: 6, order: ids) != forward)
    }

    @Test("A retry (the next attempt of the same request id) gets its own decision")
    func attemptsDrawAnew() {
        let fixture = brownout(.init(from: 0, to: 10, errorFraction: 0.5))
        let outcomes = (1...64).map { fixture.error(CheapRequest.listGroups, id: "req-1", attempt: $0) == nil }
        #expect(outcomes.contains(true))
        #expect(outcomes.contains(false))
    }
}
