import Testing

@testable import BenchKit

@Suite("ArrivalSchedule")
struct ArrivalScheduleTests {
    @Test("constant rate: evenly spaced, and nothing at or past the phase end")
    func constant() throws {
        let schedule = try #require(ArrivalSchedule(.constantRate(4, for: .seconds(1))))
        #expect((0..<4).map { schedule.offset(of: $0) } == [0, 250_000_000, 500_000_000, 750_000_000])
        #expect(schedule.offset(of: 4) == nil)
    }

    @Test("a ramp issues the integral of its rate: (from + to) / 2 * T operations, denser at the high end")
    func ramp() throws {
        let schedule = try #require(ArrivalSchedule(.rampingRate(from: 100, to: 300, over: .seconds(10))))
        var count = 0
        while schedule.offset(of: count) != nil { count += 1 }
        #expect(count == 2_000)
        // N(t) = 100 t + 10 t^2: by t = 5 s, 750 operations are due.
        let firstAfterFive = (0..<count).first { schedule.offset(of: $0)! >= 5_000_000_000 }
        #expect(firstAfterFive == 750)
        let early = schedule.offset(of: 1)! - schedule.offset(of: 0)!
        let late = schedule.offset(of: count - 1)! - schedule.offset(of: count - 2)!
        #expect(early > 2 * late)
    }

    @Test("a ramp down and a ramp from zero stay within the phase")
    func rampEdges() throws {
        let down = try #require(ArrivalSchedule(.rampingRate(from: 50, to: 0, over: .seconds(2))))
        var count = 0
        while let offset = down.offset(of: count) {
            #expect(offset < 2_000_000_000)
            count += 1
        }
        #expect(count == 50)
        let up = try #require(ArrivalSchedule(.rampingRate(from: 0, to: 50, over: .seconds(2))))
        #expect(up.offset(of: 0) == 0)
        #expect(up.offset(of: 49) != nil && up.offset(of: 50) == nil)
    }

    @Test("closed models have no arrival schedule")
    func closed() {
        #expect(ArrivalSchedule(.constantConcurrency(2, for: .seconds(1))) == nil)
        #expect(ArrivalSchedule(.iterations(10)) == nil)
    }
}
