import AWSModel
import BenchCore
import Emulator

/// The end-of-run summary printed to the terminal: one table per phase and the error codes seen.
enum ConsoleSummary {
    static func render(_ summary: RunSummary, reportFolder: String?) -> String {
        var lines: [String] = []
        let state = summary.interrupted ? "INTERRUPTED" : "completed"
        lines.append("")
        lines.append("scenario \(summary.scenario) (seed \(summary.seed)) on \(summary.endpoint): \(state) in \(format(summary.elapsedSeconds, 1)) s")
        for phase in summary.phases {
            var head = "phase \(phase.name): \(phase.executor); \(phase.completed) operations, \(format(phase.achievedRate, 1))/s"
            if let target = phase.targetRate { head += " (target \(format(target, 1))/s)" }
            if let lag = phase.scheduleLag { head += ", schedule lag p99 \(format(lag.p99, 3)) ms" }
            if phase.lateStarts > 0 { head += ", \(phase.lateStarts) late starts" }
            if phase.dropped > 0 { head += ", \(phase.dropped) not issued" }
            if let cpu = phase.cpuMicrosecondsPerOperation { head += ", CPU \(format(cpu, 1)) us/op" }
            lines.append(head)
            lines += table(phase.operations)
        }
        if summary.phases.count > 1 {
            lines.append("all phases:")
            lines += table(summary.totals)
        }
        let calls = summary.totals.values.reduce(into: [String: Int]()) { $0.merge($1.calls.outcomes, uniquingKeysWith: +) }
        let attempts = summary.totals.values.reduce(0) { $0 + $1.calls.attempts }
        let count = summary.totals.values.reduce(0) { $0 + $1.count }
        var retryLine = "calls: ok \(calls["ok", default: 0]), fail \(calls["fail", default: 0]), "
            + "unknown \(calls["unknown", default: 0]); retry \(summary.retry.strategy), tokens \(summary.retry.tokens)"
        if count > 0, attempts > count {
            retryLine += ", \(attempts) attempts (amplification \(format(Double(attempts) / Double(count), 3)))"
            let backoff = summary.totals.values.reduce(0) { $0 + $1.calls.backoffSeconds }
            retryLine += ", backoff \(format(backoff, 2)) s"
        }
        let giveUps = summary.totals.values.reduce(into: [String: Int]()) { $0.merge($1.calls.giveUps, uniquingKeysWith: +) }
        if !giveUps.isEmpty, summary.retry.strategy != "none" {  // without retries every failure is "out of attempts"
            retryLine += ", gave up: " + giveUps.sorted { $0.key < $1.key }.map { "\($0.key) x\($0.value)" }.joined(separator: ", ")
        }
        if summary.retry.quotaExhaustionEvents > 0 { retryLine += ", retry quota exhausted x\(summary.retry.quotaExhaustionEvents)" }
        lines.append(retryLine)
        if !summary.faults.isEmpty {
            lines.append("faults injected: " + summary.faults.sorted { $0.key < $1.key }.map { "\($0.key) x\($0.value)" }
                .joined(separator: ", "))
        }
        let errors = summary.totals.flatMap { name, op in op.errors.map { ("\($0.key) (\(name))", $0.value) } }
        if !errors.isEmpty {
            lines.append("errors: " + errors.sorted { $0.1 > $1.1 }.map { "\($0.0) x\($0.1)" }.joined(separator: ", "))
        }
        if let idempotency = summary.idempotency { lines += idempotencyLines(idempotency) }
        if let reason = summary.idempotencyUnchecked {
            lines.append("idempotency: not checked: \(reason.split(separator: "\n").first ?? "")")
        }
        if let gate = summary.gate { lines += gateLines(gate) }
        lines += unimplementedNotes(summary)
        if let reportFolder { lines.append("report: \(reportFolder)/summary.json") }
        return lines.joined(separator: "\n")
    }

    /// One line per threshold (measured value against the limit) and per invariant, then the gate's verdict.
    private static func gateLines(_ gate: GateVerdict) -> [String] {
        var lines = ["gate:"]
        for result in gate.thresholds {
            let mark = result.passed ? "PASS" : (result.verdict == .notMeasured ? "NOT MEASURED" : "FAIL")
            lines.append("  \(mark)  \(result.message)")
        }
        for result in gate.invariants {
            let mark = result.passed ? "PASS" : "FAIL"
            lines.append("  \(mark)  invariant \(result.name): \(result.violations) violation(s)")
            lines += result.evidence.prefix(3).map { "        \($0)" }
        }
        if let aborted = gate.abortedBy { lines.append("  the run was stopped early by \(aborted)") }
        lines.append("gate verdict: \(gate.status.rawValue) (exit code \(gate.exitCode.rawValue))")
        return lines
    }

    /// A line for each operation the endpoint never answered with anything but a bare 5xx or an unknown-operation
    /// error: moto_server answers the operations it does not implement with an HTML 500.
    static func unimplementedNotes(_ summary: RunSummary) -> [String] {
        summary.totals.sorted { $0.key < $1.key }.compactMap { name, op in
            guard op.count > 0, op.ok == 0, !op.errors.isEmpty else { return nil }
            let unimplemented = op.errors.keys.allSatisfy { code in
                (Int(code).map { $0 >= 500 } ?? false) || code == "UnknownOperationException"
                    || code == "NotImplementedError" || code == "InvalidAction"
            }
            guard unimplemented else { return nil }
            let codes = op.errors.keys.sorted().joined(separator: ", ")
            return "note: \(name): all \(op.count) calls failed with \(codes) and none succeeded: "
                + "the endpoint probably does not implement \(name)"
        }
    }

    private static func table(_ operations: [String: RunSummary.Operation]) -> [String] {
        let header = ["  operation", "count", "ok", "errors", "unknown", "p50 ms", "p90 ms", "p99 ms", "p99.9 ms", "max ms"]
        var rows = [header]
        for (name, op) in operations.sorted(by: { $0.key < $1.key }) {
            let c = op.corrected
            rows.append([
                "  " + name, "\(op.count)", "\(op.ok)", "\(op.errors.values.reduce(0, +))", "\(op.unknown)",
                format(c.p50, 3), format(c.p90, 3), format(c.p99, 3), format(c.p999, 3), format(c.max, 3),
            ])
        }
        let widths = header.indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { column, cell in
                column == 0
                    ? cell + String(repeating: " ", count: widths[column] - cell.count)
                    : String(repeating: " ", count: widths[column] - cell.count) + cell
            }.joined(separator: "  ")
        }
    }

    /// `value` with exactly `decimals` digits after the point (locale-independent).
    static func format(_ value: Double, _ decimals: Int) -> String {
        guard value.isFinite else { return "\(value)" }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        let whole = Int(scaled / scale)
        let fraction = Int(scaled - Double(whole) * scale)
        let sign = value < 0 && scaled > 0 ? "-" : ""
        guard decimals > 0 else { return sign + "\(whole)" }
        let digits = String(fraction)
        return sign + "\(whole)." + String(repeating: "0", count: decimals - digits.count) + digits
    }

    /// The checker's verdict: one line, then each violated invariant with its first evidence lines.
    static func idempotencyLines(_ idempotency: RunSummary.Idempotency) -> [String] {
        let verdict = idempotency.violations == 0 ? "pass" : "FAIL, \(idempotency.violations) violation(s)"
        var lines = ["idempotency: \(verdict) over \(idempotency.invariants.count) invariants (idempotency.json)"]
        for invariant in idempotency.invariants where !invariant.passed {
            lines.append("  \(invariant.name): \(invariant.violations)")
            lines += invariant.evidence.prefix(3).map { "    " + $0 }
        }
        return lines
    }
}
