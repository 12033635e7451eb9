import AWSModel
import BenchCore
import Emulator
import Testing

@Suite("Emulator faults: partial RegisterTargets failures")
struct EmulatorFaultsPartialFailureTests {
    private func failing(_ fraction: Double, seed: UInt64 = 11) -> FaultsFixture {
        FaultsFixture(seed: seed) { $0.faults.registerTargetsFailureFraction = fraction }
    }

    @Test("About the configured fraction fails as InternalFailure, and exactly the failed targets are not registered")
    func fractionAndNotRegistered() throws {
        let fixture = failing(0.25)
        let group = try fixture.group()
        var acknowledged = Set<String>()
        var failed = Set<String>()
        for batch in 0..<8 {
            let output = try fixture.register(group, ipTargets(100, from: batch * 100), id: "batch-\(batch)")
            acknowledged.formUnion(output.successful?.map(\.id) ?? [])
            for failure in output.unsuccessful ?? [] {
                #expect(failure.failureCode == LatticeFailureCode.internalFailure)
                #expect(failure.port == 80)
                failed.insert(try #require(failure.id))
            }
        }
        #expect(acknowledged.count + failed.count == 800)
        #expect(abs(Double(failed.count) / 800 - 0.25) < 0.06)
        #expect(try fixture.registered(group) == acknowledged)
        #expect(Set(fixture.entries(.registered).map(\.resourceId)) == Set(acknowledged.map { "\($0):80" }))
        #expect(fixture.emulator.faultCounts.partialFailures == failed.count)
    }

    @Test("Fraction 0 fails nothing; fraction 1 fails every valid target and registers none", arguments: [0.0, 1.0])
    func extremes(fraction: Double) throws {
        let fixture = failing(fraction)
        let group = try fixture.group()
        let output = try fixture.register(group, ipTargets(20) + [Target(id: "not-an-ip", port: 80)], id: "r")
        let codes = Set((output.unsuccessful ?? []).compactMap(\.failureCode))
        if fraction == 0 {
            #expect(output.successful?.count == 20)
            #expect(codes == [LatticeFailureCode.invalidTargetId])
        } else {
            #expect(output.successful?.isEmpty == true)
            #expect(codes == [LatticeFailureCode.invalidTargetId, LatticeFailureCode.internalFailure])
            #expect(try fixture.registered(group).isEmpty)
        }
    }

    @Test("A retry of the failed targets (a new attempt) registers them eventually")
    func retriesRecover() throws {
        let fixture = failing(0.5)
        let group = try fixture.group()
        var pending = ipTargets(40)
        var attempt = 1
        while !pending.isEmpty, attempt <= 30 {
            let output = try fixture.register(group, pending, id: "req-1", attempt: attempt)
            let failed = Set((output.unsuccessful ?? []).compactMap(\.id))
            pending = pending.filter { failed.contains($0.id) }
            attempt += 1
        }
        #expect(pending.isEmpty)
        #expect(try fixture.registered(group).count == 40)
    }

    @Test("The same seed and requests fail the same targets; another seed fails others")
    func determinism() throws {
        func failedTargets(seed: UInt64) throws -> Set<String> {
            let fixture = failing(0.3, seed: seed)
            let group = try fixture.group()
            let output = try fixture.register(group, ipTargets(100), id: "req-7")
            return Set((output.unsuccessful ?? []).compactMap(\.id))
        }
        let first = try failedTargets(seed: 3)
        #expect(try failedTargets(seed: 3) == first)
        #expect(try failedTargets(seed: 4) != first)
    }
}
