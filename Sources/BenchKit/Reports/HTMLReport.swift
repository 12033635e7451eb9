import Foundation

/// `report.html`: one self-contained page (inline CSS and SVG, no script, no network) with the run's summary
/// tables, the percentile spectrum on HdrHistogram's logarithmic 1/(1-p) axis, latency percentiles and throughput
/// over time, and error rates over time.
enum HTMLReport {
    /// The ids of the plots every report contains (tests check they render).
    static let plotIds = ["percentile-spectrum", "latency-p99-over-time", "latency-p50-over-time",
                          "throughput-over-time", "errors-over-time", "retries-over-time"]

    static func render(
        _ summary: RunSummary, timeline: [IntervalRow], faultSpans: [String: ClosedRange<Double>] = [:]
    ) -> String {
        var body = header(summary)
        body += phaseTable(summary)
        body += operationTable(summary)
        body += errorTable(summary)
        body += idempotencySection(summary)
        body += "<h2>Latency distribution</h2>" + spectrum(summary).render()
        body += "<h2>Over time</h2>"
        let shades = faultSpans.sorted { $0.key < $1.key }.map {
            SVGChart.Shade(from: $0.value.lowerBound, to: $0.value.upperBound, label: "faults: \($0.key)")
        }
        for var chart in timeCharts(timeline) {
            chart.shades = shades
            body += chart.render()
        }
        return """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8">
            <title>bench: \(HTMLText.escape(summary.scenario))</title>
            <style>\(style)</style></head>
            <body>\(body)
            <footer>bench.summary schema \(HTMLText.escape(summary.schema)); latency in milliseconds; corrected = from
            the intended start (coordinated-omission corrected), raw = from the actual send.</footer>
            </body></html>

            """
    }

    private static let style = """
        body{font:14px/1.4 system-ui,sans-serif;margin:24px;color:#222;max-width:1100px}
        h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px}
        table{border-collapse:collapse;margin:8px 0}td,th{padding:3px 10px;border-bottom:1px solid #ddd;text-align:right}
        td:first-child,th:first-child{text-align:left}th{background:#f4f4f4}
        .meta{color:#555}.bad{color:#b00020;font-weight:600}
        svg{display:block;margin:10px 0;background:#fff}.title{font-size:14px;font-weight:600}
        .tick,.legend{font-size:11px;fill:#444}.axis{font-size:12px;fill:#222}
        .grid{stroke:#e5e5e5}.frame{fill:none;stroke:#999}.shade{fill:#ffb74d;opacity:.25}
        footer{margin-top:32px;color:#777;font-size:12px}
        """

    private static func header(_ summary: RunSummary) -> String {
        let formatter = ISO8601DateFormatter()
        var text = "<h1>\(HTMLText.escape(summary.scenario))</h1><p class=\"meta\">seed \(summary.seed) &middot; "
        text += "\(HTMLText.escape(summary.endpoint)) &middot; started \(formatter.string(from: summary.startedAt)) &middot; "
        text += "\(ConsoleSummary.format(summary.elapsedSeconds, 1)) s"
        if summary.interrupted { text += " &middot; <span class=\"bad\">interrupted</span>" }
        return text + "</p>"
    }

    private static func phaseTable(_ summary: RunSummary) -> String {
        var rows = "<h2>Phases</h2><table><tr><th>phase</th><th>executor</th><th>target/s</th><th>achieved/s</th>"
        rows += "<th>issued</th><th>completed</th><th>late starts</th><th>not issued</th><th>lag p99 ms</th>"
        rows += "<th>CPU us/op</th></tr>"
        for phase in summary.phases {
            rows += "<tr><td>\(HTMLText.escape(phase.name))</td><td>\(HTMLText.escape(phase.executor))</td>"
            rows += "<td>\(phase.targetRate.map { ConsoleSummary.format($0, 1) } ?? "&ndash;")</td>"
            rows += "<td>\(ConsoleSummary.format(phase.achievedRate, 1))</td><td>\(phase.issued)</td><td>\(phase.completed)</td>"
            rows += "<td>\(phase.lateStarts)</td><td>\(phase.dropped)</td>"
            rows += "<td>\(phase.scheduleLag.map { ConsoleSummary.format($0.p99, 3) } ?? "&ndash;")</td>"
            let cpu = phase.cpuMicrosecondsPerOperation.map { ConsoleSummary.format($0, 1) } ?? "&ndash;"
            rows += "<td>\(cpu)</td></tr>"
        }
        return rows + "</table>"
    }

    private static func operationTable(_ summary: RunSummary) -> String {
        var rows = "<h2>Operations (all phases)</h2><table><tr><th>operation</th><th>count</th><th>ok</th><th>errors</th>"
        rows += "<th>unknown</th><th>p50</th><th>p90</th><th>p99</th><th>p99.9</th><th>max</th><th>raw p99</th></tr>"
        for (name, op) in summary.totals.sorted(by: { $0.key < $1.key }) {
            let c = op.corrected
            let cells = [c.p50, c.p90, c.p99, c.p999, c.max, op.raw.p99].map { "<td>\(ConsoleSummary.format($0, 3))</td>" }
            rows += "<tr><td>\(HTMLText.escape(name))</td><td>\(op.count)</td><td>\(op.ok)</td>"
            rows += "<td>\(op.errors.values.reduce(0, +))</td><td>\(op.unknown)</td>" + cells.joined() + "</tr>"
        }
        return rows + "</table>"
    }

    private static func errorTable(_ summary: RunSummary) -> String {
        let errors = summary.totals.flatMap { name, op in op.errors.map { (name, $0.key, $0.value) } }
            .sorted { ($0.2, $1.0, $1.1) > ($1.2, $0.0, $0.1) }
        guard !errors.isEmpty else { return "<h2>Errors</h2><p>none</p>" }
        var rows = "<h2>Errors</h2><table><tr><th>operation</th><th>error code</th><th>count</th></tr>"
        for (operation, code, count) in errors {
            rows += "<tr><td>\(HTMLText.escape(operation))</td><td>\(HTMLText.escape(code))</td><td>\(count)</td></tr>"
        }
        return rows + "</table>"
    }

    /// Corrected latency against 1/(1-p) on a log axis, as HdrHistogram's plotter draws it.
    private static func spectrum(_ summary: RunSummary) -> SVGChart {
        let series = summary.totals.sorted(by: { $0.key < $1.key }).map { name, op in
            SVGChart.Series(name: name, points: op.histograms.corrected.percentiles(ticksPerHalfDistance: 5).compactMap { step in
                let fraction = step.percentileLevelIteratedTo / 100
                guard fraction < 1 else { return nil }
                return (x: 1 / (1 - fraction), y: Double(step.value) / 1e6)
            })
        }
        let ticks: [(Double, String)] = [(1, "0%"), (10, "90%"), (100, "99%"), (1_000, "99.9%"), (10_000, "99.99%"),
                                         (100_000, "99.999%")]
        let largest = series.flatMap(\.points).map(\.x).max() ?? 100
        return SVGChart(
            id: "percentile-spectrum", title: "Latency by percentile (corrected)", xLabel: "percentile",
            yLabel: "latency (ms)", series: series, xScale: .log10,
            xTicks: ticks.filter { $0.0 <= max(100, largest * 1.01) }
        )
    }

    private static func timeCharts(_ timeline: [IntervalRow]) -> [SVGChart] {
        let operations = Array(Set(timeline.map(\.operation))).sorted()
        func series(latency: Bool = true, _ value: (IntervalRow) -> Double) -> [SVGChart.Series] {
            operations.map { name in
                SVGChart.Series(name: name, points: timeline.filter { $0.operation == name && (!latency || $0.count > 0) }.map {
                    (x: $0.start + $0.length / 2, y: value($0))
                })
            }
        }
        var errorSeries: [SVGChart.Series] = []
        for errorClass in [ErrorClass.throttled, .client, .server, .unknown] {
            var perInterval: [Double: (count: Int, length: Double)] = [:]
            for row in timeline {
                let key = row.start + row.length / 2
                perInterval[key, default: (0, row.length)].count += row.classes[errorClass.rawValue]
            }
            let points = perInterval.sorted { $0.key < $1.key }.map { (x: $0.key, y: $0.value.length > 0 ? Double($0.value.count) / $0.value.length : 0) }
            errorSeries.append(SVGChart.Series(name: "\(errorClass)", points: points))
        }
        return [
            SVGChart(id: "latency-p99-over-time", title: "p99 latency over time (corrected)", xLabel: "seconds",
                     yLabel: "p99 (ms)", series: series { Double($0.corrected[2]) / 1e6 }, xOrigin: 0),
            SVGChart(id: "latency-p50-over-time", title: "Median latency over time (corrected)", xLabel: "seconds",
                     yLabel: "p50 (ms)", series: series { Double($0.corrected[0]) / 1e6 }, xOrigin: 0),
            SVGChart(id: "throughput-over-time", title: "Throughput over time", xLabel: "seconds",
                     yLabel: "operations / s", series: series(latency: false, \.rate), xOrigin: 0),
            SVGChart(id: "errors-over-time", title: "Errors over time, all operations", xLabel: "seconds",
                     yLabel: "errors / s", series: errorSeries, xOrigin: 0),
            SVGChart(id: "retries-over-time", title: "Retries over time (attempts beyond the first)", xLabel: "seconds",
                     yLabel: "retries / s",
                     series: series(latency: false) { $0.length > 0 ? Double($0.attempts - $0.count) / $0.length : 0 },
                     xOrigin: 0),
        ]
    }

    /// The checker's section: each invariant with its violation count and first evidence lines.
    static func idempotencySection(_ summary: RunSummary) -> String {
        guard let idempotency = summary.idempotency else { return "" }
        var rows = "<h2>Idempotency</h2><p>\(idempotency.violations) violation(s); details in idempotency.json</p>"
            + "<table><tr><th>invariant</th><th>violations</th><th>evidence</th></tr>"
        for invariant in idempotency.invariants {
            let evidence = invariant.evidence.prefix(3).map(HTMLText.escape).joined(separator: "<br>")
            rows += "<tr><td>\(HTMLText.escape(invariant.name))</td><td>\(invariant.violations)</td><td>\(evidence)</td></tr>"
        }
        return rows + "</table>"
    }
}
