import AWSModel
import BenchCore
import Emulator
import Foundation

/// The side-by-side table of a ``SummaryComparison``: plain text for the terminal, Markdown for `compare.md`.
public enum ComparisonReport {
    /// Column titles, shared by both renderings.
    private static let header = ["scope", "metric", "baseline", "current", "change", "tolerance", "verdict"]

    /// The table's cells, one row per compared metric; rows within tolerance are left out unless `all`.
    static func cells(_ comparison: SummaryComparison, all: Bool) -> [[String]] {
        comparison.rows.filter { all || $0.verdict != .unchanged }.map { row in
            let arrow = row.polarity == .prefersSmaller ? "↓" : "↑"
            return [
                row.scope, "\(row.metric.rawValue) \(arrow)", value(row.baseline, row.metric),
                value(row.current, row.metric),
                change(row),
                "±" + Threshold.number(row.tolerance.relative * 100) + "% & ±"
                    + value(row.tolerance.absolute, row.metric),
                verdict(row),
            ]
        }
    }

    /// The terminal table, with a headline.
    public static func text(_ comparison: SummaryComparison, all: Bool = false) -> String {
        let rows = [header] + cells(comparison, all: all)
        let widths = header.indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        var lines = [headline(comparison)]
        if rows.count == 1 { lines.append("every metric is within tolerance (--all shows them)") }
        if rows.count > 1 {
            lines += rows.map { row in
                row.enumerated().map { $1.padding(toLength: widths[$0], withPad: " ", startingAt: 0) }.joined(
                    separator: "  ")
            }
        }
        return lines.joined(separator: "\n")
    }

    /// `compare.md`: the headline and the whole table (unchanged rows included), for a pull-request comment.
    public static func markdown(_ comparison: SummaryComparison) -> String {
        var lines = ["### \(headline(comparison))", ""]
        lines.append("| " + header.joined(separator: " | ") + " |")
        lines.append("|---|---|---:|---:|---:|---:|---|")
        for row in cells(comparison, all: true) {
            lines.append("| " + row.map(MarkdownSummary.cell).joined(separator: " | ") + " |")
        }
        lines.append("")
        lines.append("↓ lower is better, ↑ higher is better. A change counts only beyond both tolerances.")
        return lines.joined(separator: "\n") + "\n"
    }

    static func headline(_ comparison: SummaryComparison) -> String {
        let (base, current) = (comparison.baseline, comparison.current)
        var text = "compare \(base.label) (\(base.scenario)) -> \(current.label) (\(current.scenario)): "
        let regressions = comparison.regressions.count
        text += regressions == 0 ? "no regression" : "\(regressions) regression(s)"
        let improvements = comparison.improvements.count
        if improvements > 0 { text += ", \(improvements) improvement(s)" }
        let unconfirmed = comparison.rows.filter { $0.verdict == .unconfirmed }.count
        if unconfirmed > 0 { text += ", \(unconfirmed) not confirmed by reruns" }
        if let confirmation = comparison.confirmation { text += " (\(confirmation.reruns) confirmation rerun(s))" }
        if base.scenario != current.scenario { text += " [warning: different scenarios]" }
        return text
    }

    private static func value(_ value: Double?, _ metric: ComparedMetric) -> String {
        guard let value else { return "—" }
        switch metric.unit {
        case "ms": return ConsoleSummary.format(value, 3) + "ms"
        case "us": return ConsoleSummary.format(value, 1) + "us"
        case "ratio": return Threshold.number(value * 100) + "%"
        default: return ConsoleSummary.format(value, 1) + "/s"
        }
    }

    private static func change(_ row: ComparisonRow) -> String {
        guard let absolute = row.absoluteChange else { return "—" }
        let sign = absolute > 0 ? "+" : ""
        let relative = row.relativeChange.map { " (\($0 > 0 ? "+" : "")\(ConsoleSummary.format($0 * 100, 1))%)" } ?? ""
        return sign + value(absolute, row.metric) + relative
    }

    private static func verdict(_ row: ComparisonRow) -> String {
        switch row.verdict {
        case .regression: return "REGRESSION"
        case .improvement: return "improvement"
        case .unconfirmed: return "not confirmed"
        case .unchanged: return "ok"
        case .missing: return "missing"
        case .new: return "new"
        }
    }
}
