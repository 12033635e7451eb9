import Testing

@testable import BenchKit

@Suite("Interval rows")
struct IntervalSeriesTests {
    let second: UInt64 = 1_000_000_000

    @Test("rows close at interval boundaries, empty intervals still get rows, and phases never share a row")
    func boundaries() {
        var series = IntervalSeries(origin: .zero, intervalNanoseconds: second)
        series.startPhase("a", at: .zero)
        for ms in [100, 200, 900] {
            series.record(operation: "Op", outcome: .ok, corrected: 5_000_000, raw: 1_000_000,
                          finished: Instant(nanoseconds: UInt64(ms) * 1_000_000))
        }
        // Nothing completes in [1 s, 3 s); the next completion is at 3.5 s.
        series.record(operation: "Op", outcome: .error(code: "ThrottlingException", httpStatus: 429),
                      corrected: 9_000_000, raw: 9_000_000, finished: Instant(nanoseconds: 3_500_000_000))
        series.startPhase("b", at: Instant(nanoseconds: 3_600_000_000))
        series.record(operation: "Op", outcome: .unknown(kind: "timeout"), corrected: 1, raw: 1,
                      finished: Instant(nanoseconds: 3_700_000_000))
        series.finish(at: Instant(nanoseconds: 3_800_000_000))
        let rows = series.takePending()
        #expect(rows.map(\.start) == [0, 1, 2, 3, 3.6])
        #expect(rows.map(\.count) == [3, 0, 0, 1, 1])
        #expect(rows.map(\.phase) == ["a", "a", "a", "a", "b"])
        #expect(rows[0].rate == 3)
        #expect(rows[0].corrected[0] >= 4_990_000 && rows[0].corrected[0] <= 5_010_000)
        #expect(rows[0].raw[4] >= 999_000 && rows[0].raw[4] <= 1_001_000)
        #expect(rows[3].classes[ErrorClass.throttled.rawValue] == 1)
        #expect(abs(rows[3].length - 0.6) < 1e-9)
        #expect(rows[4].classes[ErrorClass.unknown.rawValue] == 1)
        #expect(series.takePending().isEmpty)
    }

    @Test("error classes: 429 and throttling codes are throttled, other 4xx client, 5xx server")
    func classes() {
        #expect(OperationOutcome.error(code: "RequestLimitExceeded", httpStatus: 400).errorClass == .throttled)
        #expect(OperationOutcome.error(code: "X", httpStatus: 429).errorClass == .throttled)
        #expect(OperationOutcome.error(code: "ConflictException", httpStatus: 409).errorClass == .client)
        #expect(OperationOutcome.error(code: "InternalServerException", httpStatus: 500).errorClass == .server)
        #expect(OperationOutcome.ok.errorClass == .ok)
    }

    @Test("the in-memory timeline stays bounded and evenly thinned on long runs")
    func downsampling() {
        var timeline = DownsampledSeries(capacity: 100)
        for second in 0..<1_000 {
            let row = IntervalRow(start: Double(second), length: 1, phase: "p", operation: "Op", count: 1,
                                  classes: [1, 0, 0, 0, 0], corrected: [1, 1, 1, 1, 1], raw: [1, 1, 1, 1, 1], attempts: 1)
            timeline.append(contentsOf: [row])
        }
        #expect(timeline.rows.count <= 100)
        #expect(timeline.rows.count >= 50)
        let gaps = zip(timeline.rows.dropFirst(), timeline.rows).map { $0.start - $1.start }
        #expect(Set(gaps).count == 1)
    }

    @Test("CSV lines quote names with commas and keep the header's column count")
    func csv() {
        let row = IntervalRow(start: 1.5, length: 1, phase: "warm, up", operation: "Op", count: 2,
                              classes: [2, 0, 0, 0, 0], corrected: [1_000_000, 2_000_000, 3_000_000, 4_000_000, 5_000_000],
                              raw: [1, 1, 1, 1, 1], attempts: 3)
        #expect(row.csvLine.hasPrefix("1.500,\"warm, up\",Op,2,2,0,0,0,0,2.00,1.000,2.000,3.000,4.000,5.000,"))
        #expect(row.csvLine.hasSuffix(",3"))
        #expect(IntervalRow.csvHeader.split(separator: ",").count == 21)
    }
}
