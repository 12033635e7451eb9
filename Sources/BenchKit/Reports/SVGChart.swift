import Foundation

/// A line chart rendered as inline SVG: axes with ticks, one polyline per series, a legend, and optional shaded
/// x-ranges (for example fault windows). No script, no external resource: it renders anywhere, offline.
struct SVGChart {
    enum Scale { case linear, log10 }

    struct Series {
        var name: String
        var points: [(x: Double, y: Double)]
    }

    struct Shade {
        var from: Double
        var to: Double
        var label: String
    }

    var id: String
    var title: String
    var xLabel: String
    var yLabel: String
    var series: [Series]
    var xScale: Scale = .linear
    /// Explicit x ticks (value, label); computed when empty.
    var xTicks: [(Double, String)] = []
    var shades: [Shade] = []
    /// Always include this x value in the axis (e.g. 0 for time).
    var xOrigin: Double?
    var width = 760.0
    var height = 300.0

    static let palette = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf"]

    func render() -> String {
        let left = 64.0, right = 16.0, top = 34.0, bottom = 46.0
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        let all = series.flatMap(\.points).filter { $0.x.isFinite && $0.y.isFinite }
        func tx(_ x: Double) -> Double { xScale == .log10 ? log10(max(x, 1e-9)) : x }
        let xs = all.map { tx($0.x) } + xTicks.map { tx($0.0) } + (xOrigin.map { [tx($0)] } ?? [])
        var (xMin, xMax) = (xs.min() ?? 0, xs.max() ?? 1)
        if xMax <= xMin { xMax = xMin + 1 }
        let highest = all.map(\.y).max() ?? 0
        let yMax = highest > 0 ? niceCeiling(highest) : 1
        func px(_ x: Double) -> Double { left + (tx(x) - xMin) / (xMax - xMin) * plotWidth }
        func py(_ y: Double) -> Double { top + plotHeight - min(y, yMax) / yMax * plotHeight }

        var svg = "<svg id=\"\(id)\" data-plot=\"\(id)\" xmlns=\"http://www.w3.org/2000/svg\" "
        svg += "viewBox=\"0 0 \(f(width)) \(f(height))\" width=\"\(f(width))\" height=\"\(f(height))\" role=\"img\">"
        svg += "<title>\(HTMLText.escape(title))</title>"
        svg += "<text x=\"\(f(left))\" y=\"20\" class=\"title\">\(HTMLText.escape(title))</text>"
        for shade in shades {
            let x0 = px(shade.from), x1 = px(shade.to)
            svg += "<rect x=\"\(f(x0))\" y=\"\(f(top))\" width=\"\(f(max(1, x1 - x0)))\" height=\"\(f(plotHeight))\" class=\"shade\">"
            svg += "<title>\(HTMLText.escape(shade.label))</title></rect>"
        }
        // Y grid and ticks.
        for step in 0...4 {
            let value = yMax * Double(step) / 4
            let y = py(value)
            svg += "<line x1=\"\(f(left))\" x2=\"\(f(left + plotWidth))\" y1=\"\(f(y))\" y2=\"\(f(y))\" class=\"grid\"/>"
            svg += "<text x=\"\(f(left - 6))\" y=\"\(f(y + 4))\" class=\"tick\" text-anchor=\"end\">\(label(value))</text>"
        }
        // X ticks.
        let ticks: [(Double, String)]
        if xTicks.isEmpty {
            let step = niceCeiling((xMax - xMin) / 6)
            let first = (xMin / step).rounded(.up)
            ticks = (0...7).map { (first + Double($0)) * step }.filter { $0 <= xMax + step * 1e-9 }.map { ($0, label($0)) }
        } else {
            ticks = xTicks
        }
        for (value, text) in ticks {
            let x = px(value)
            svg += "<line x1=\"\(f(x))\" x2=\"\(f(x))\" y1=\"\(f(top))\" y2=\"\(f(top + plotHeight))\" class=\"grid\"/>"
            svg += "<text x=\"\(f(x))\" y=\"\(f(top + plotHeight + 16))\" class=\"tick\" text-anchor=\"middle\">\(HTMLText.escape(text))</text>"
        }
        svg += "<rect x=\"\(f(left))\" y=\"\(f(top))\" width=\"\(f(plotWidth))\" height=\"\(f(plotHeight))\" class=\"frame\"/>"
        svg += "<text x=\"\(f(left + plotWidth / 2))\" y=\"\(f(height - 8))\" class=\"axis\" text-anchor=\"middle\">\(HTMLText.escape(xLabel))</text>"
        svg += "<text transform=\"translate(14 \(f(top + plotHeight / 2))) rotate(-90)\" class=\"axis\" text-anchor=\"middle\">\(HTMLText.escape(yLabel))</text>"
        for (index, line) in series.enumerated() {
            let color = SVGChart.palette[index % SVGChart.palette.count]
            let points = line.points.filter { $0.x.isFinite && $0.y.isFinite }
                .map { "\(f(px($0.x))),\(f(py($0.y)))" }.joined(separator: " ")
            if !points.isEmpty {
                svg += "<polyline points=\"\(points)\" fill=\"none\" stroke=\"\(color)\" stroke-width=\"1.6\"/>"
            }
            let legendY = top + 14 + Double(index) * 15
            svg += "<rect x=\"\(f(left + 8))\" y=\"\(f(legendY - 9))\" width=\"10\" height=\"10\" fill=\"\(color)\"/>"
            svg += "<text x=\"\(f(left + 22))\" y=\"\(f(legendY))\" class=\"legend\">\(HTMLText.escape(line.name))</text>"
        }
        return svg + "</svg>"
    }

    private func f(_ value: Double) -> String { ConsoleSummary.format(value, 1) }

    private func label(_ value: Double) -> String {
        if value == 0 { return "0" }
        if abs(value) >= 100 { return ConsoleSummary.format(value, 0) }
        if abs(value) >= 1 { return ConsoleSummary.format(value, 1) }
        return ConsoleSummary.format(value, 3)
    }

    /// The smallest of 1, 2, 2.5, 5 times a power of ten that is at least `value`.
    private func niceCeiling(_ value: Double) -> Double {
        let magnitude = pow(10, floor(log10(value)))
        for step in [1.0, 2, 2.5, 5, 10] where step * magnitude >= value { return step * magnitude }
        return 10 * magnitude
    }
}

/// Escaping for text placed in HTML or SVG.
enum HTMLText {
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}
