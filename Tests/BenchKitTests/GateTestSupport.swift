import Foundation

@testable import BenchKit

/// Builds run results with exactly known counts and latencies, without running anything.
enum GateFixture {
    /// One operation's outcomes: `latencies` in nanoseconds (corrected; raw is half), then `errors` errors
    /// and `unknown` unknown outcomes at 1 ms.
    struct Ops {
        var name: String
        var latencies: [UInt64]
        var errors = 0
        var unknown = 0
    }

    static func stats(_ ops: [Ops]) -> [String: OperationStats] {
        var table: [String: OperationStats] = [:]
        for op in ops {
            var stats = OperationStats()
            for value in op.latencies {
                stats.record(.ok, correctedNanoseconds: value, rawNanoseconds: value / 2)
            }
            for _ in 0..<op.errors {
                stats.record(
                    .error(code: "ValidationException", httpStatus: 400), correctedNanoseconds: 1_000_000,
                    rawNanoseconds: 1_000_000)
            }
            for _ in 0..<op.unknown {
                stats.record(.unknown(kind: "timeout"), correctedNanoseconds: 1_000_000, rawNanoseconds: 1_000_000)
            }
            table[op.name] = stats
        }
        return table
    }

    /// A scenario with phases `names` (open model, 100/s for 2 s each), and its result: phase `i` ran
    /// `seconds[i]` seconds with `operations[i]`.
    static func result(
        phases names: [String] = ["steady"], seconds: [Double] = [2], operations: [[Ops]],
        lag: [UInt64] = [], interrupted: Bool = false, ledger: Ledger? = nil
    ) -> RunResult {
        let scenario = Scenario("fixture") {
            for name in names { Phase(name, .constantRate(100, for: .seconds(2))) }
        }
        var start = Instant.zero
        var phases: [PhaseStats] = []
        for (index, name) in names.enumerated() {
            var phase = PhaseStats(name: name, executor: scenario.phases[index].executor)
            phase.startedAt = start
            start = start.advanced(by: UInt64(seconds[index] * 1e9))
            phase.endedAt = start
            phase.operations = stats(operations[index])
            phase.issued = phase.operations.values.reduce(0) { $0 + $1.count }
            for value in lag { _ = phase.scheduleLag.record(value) }
            phases.append(phase)
        }
        return RunResult(
            scenario: scenario, phases: phases, startedAt: .zero, finishedAt: start,
            wallStart: Date(timeIntervalSince1970: 1_700_000_000), interrupted: interrupted, ledger: ledger,
            timeline: []
        )
    }

    /// 1 ms, 2 ms, ... `count` ms.
    static func ramp(_ count: Int) -> [UInt64] { (1...count).map { UInt64($0) * 1_000_000 } }
}
