import AWSModel
import BenchCore
import Emulator
import Foundation

/// `summary.md`: the run and its gate in GitHub-flavoured Markdown, short enough for a pull-request comment.
public enum MarkdownSummary {
    public static func render(_ summary: RunSummary) -> String {
        var lines: [String] = []
        let headline: String =
            switch summary.gate?.status {
            case nil: "no gate"
            case .pass?: "✅ gate passed"
            case .thresholdBreached?: "❌ threshold breached"
            case .correctnessViolation?: "❌ correctness violation"
            }
        lines.append("### bench `\(cell(summary.scenario))`: \(headline)")
        lines.append("")
        let state = summary.interrupted ? "interrupted" : "completed"
        lines.append(
            "seed \(summary.seed) · \(cell(summary.endpoint)) · "
                + "\(ConsoleSummary.format(summary.elapsedSeconds, 1)) s · \(state)"
        )
        if let gate = summary.gate {
            if let aborted = gate.abortedBy { lines += ["", "**Stopped early** by `\(cell(aborted))`."] }
            if !gate.thresholds.isEmpty {
                lines += ["", "| threshold | measured | verdict |", "|---|---:|---|"]
                for result in gate.thresholds {
                    let measured = result.measured.map { Threshold.formatMeasured($0, unit: result.unit) } ?? "—"
                    let verdict =
                        result.passed ? "✅ pass" : (result.verdict == .notMeasured ? "❌ not measured" : "❌ fail")
                    lines.append("| `\(cell(result.threshold))` | \(measured) | \(verdict) |")
                }
            }
            if !gate.invariants.isEmpty {
                lines += ["", "| invariant | violations | first evidence |", "|---|---:|---|"]
                for result in gate.invariants {
                    lines.append(
                        "| \(cell(result.name)) | \(result.violations) | \(cell(result.evidence.first ?? "")) |")
                }
            }
        }
        lines += [
            "", "| operation | count | errors | unknown | p50 ms | p99 ms | p99.9 ms | max ms |",
            "|---|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for (name, operation) in summary.totals.sorted(by: { $0.key < $1.key }) {
            let latency = operation.corrected
            let values = [latency.p50, latency.p99, latency.p999, latency.max].map { ConsoleSummary.format($0, 3) }
            lines.append(
                "| \(cell(name)) | \(operation.count) | \(operation.errors.values.reduce(0, +)) | "
                    + "\(operation.unknown) | "
                    + values.joined(separator: " | ") + " |"
            )
        }
        lines += ["", "| phase | operations | achieved/s | target/s |", "|---|---:|---:|---:|"]
        for phase in summary.phases {
            let target = phase.targetRate.map { ConsoleSummary.format($0, 1) } ?? "—"
            lines.append(
                "| \(cell(phase.name)) | \(phase.completed) | "
                    + "\(ConsoleSummary.format(phase.achievedRate, 1)) | \(target) |"
            )
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `text` safe inside a table cell: pipes escaped, newlines flattened.
    static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
