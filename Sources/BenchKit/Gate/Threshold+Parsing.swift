import AWSModel
import BenchCore
import Emulator

extension Threshold {
    /// The metrics the text form knows, for help and error messages.
    public static let textSyntax = """
        p<N>(OP[, phase=P]) | raw.p<N>(...) | max(...) | mean(...)   latency, e.g. p99(RegisterTargets) < 50ms
        error_rate(OP | phase=P | *)                                 e.g. error_rate(*) < 1%
        rate(phase=P)                                                completed ops/s, e.g. rate(phase=steady) >= 380/s
        schedule_lag.p<N>(phase=P)                                   e.g. schedule_lag.p99(*) < 5ms
        retry_amplification(OP)                                      attempts per call, e.g. < 1.3
        idempotency_violations                                       e.g. idempotency_violations == 0
        """

    /// Parses the text form `METRIC OP VALUE`, e.g. `p99(RegisterTargets) < 50ms` or `error_rate(*) < 1%`.
    ///
    /// Operators: `<`, `<=`, `>`, `>=`, `==`. Durations need a unit (`ns`, `us`, `ms`, `s`); error rates take
    /// a fraction or a percentage; rates an optional `/s`.
    /// - Throws: ``UsageError`` naming the part that is wrong and what is allowed.
    public static func parse(_ text: String) throws(UsageError) -> Threshold {
        let characters = Array(text)
        var depth = 0
        var operatorStart: Int?
        for (index, character) in characters.enumerated() {
            if character == "(" { depth += 1 }
            if character == ")" { depth -= 1 }
            if depth == 0, "<>=!".contains(character) {
                operatorStart = index
                break
            }
        }
        if operatorStart == nil && depth != 0 {
            throw UsageError("threshold \"\(text)\": missing \")\" after the metric's arguments")
        }
        guard let start = operatorStart else {
            throw UsageError(
                "threshold \"\(text)\" needs a comparison (<, <=, >, >=, ==), e.g. \"p99(RegisterTargets) < 50ms\"")
        }
        var end = start + 1
        while end < characters.count, characters[end] == "=" || characters[end] == "<" || characters[end] == ">" {
            end += 1
        }
        let symbol = String(characters[start..<end])
        guard let comparison = ThresholdComparison(rawValue: symbol) else {
            throw UsageError("threshold \"\(text)\": unknown comparison \"\(symbol)\"; use <, <=, >, >= or ==")
        }
        let metric = try parseMetric(String(characters[..<start]).trimmingBlanks, in: text)
        let limit = try parseValue(String(characters[end...]).trimmingBlanks, for: metric, in: text)
        return Threshold(metric, comparison, limit)
    }

    private static func parseMetric(_ text: String, in whole: String) throws(UsageError) -> ThresholdMetric {
        func fail(_ message: String) -> UsageError { UsageError("threshold \"\(whole)\": \(message)") }
        var name = text
        var arguments: [String] = []
        if let open = text.firstIndex(of: "(") {
            guard text.hasSuffix(")") else { throw fail("missing \")\" after the metric's arguments") }
            name = String(text[..<open]).trimmingBlanks
            let inner = text[text.index(after: open)..<text.index(before: text.endIndex)]
            arguments = inner.split(separator: ",").map { String($0).trimmingBlanks }.filter {
                !$0.isEmpty && $0 != "*"
            }
        }
        var scope = MetricScope()
        for argument in arguments {
            if argument.hasPrefix("phase=") {
                scope.phase = String(argument.dropFirst("phase=".count))
                if scope.phase?.isEmpty ?? true { throw fail("phase= needs a phase name") }
            } else if scope.operation == nil,
                argument.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "=") })
            {
                scope.operation = argument
            } else {
                throw fail("bad argument \"\(argument)\"; use an operation name, phase=NAME, or *")
            }
        }
        func only(_ allowed: String, operation: Bool, phase: Bool) throws(UsageError) {
            if (!operation && scope.operation != nil) || (!phase && scope.phase != nil) {
                throw fail("\(name) takes \(allowed)")
            }
        }
        var measure = LatencyMeasure.corrected
        var statisticName = name
        for prefix in ["raw.", "corrected."] where name.hasPrefix(prefix) {
            measure = prefix == "raw." ? .raw : .corrected
            statisticName = String(name.dropFirst(prefix.count))
        }
        switch name {
        case "error_rate", "errorRate":
            return .errorRate(scope)
        case "rate", "achieved_rate", "achievedRate":
            try only("only phase=NAME (or nothing for the whole run)", operation: false, phase: true)
            return .achievedRate(phase: scope.phase)
        case "retry_amplification", "retryAmplification":
            try only("only an operation name (or nothing for all operations)", operation: true, phase: false)
            return .retryAmplification(operation: scope.operation)
        case "idempotency_violations", "idempotencyViolations":
            try only("no arguments", operation: false, phase: false)
            return .idempotencyViolations
        default:
            break
        }
        for prefix in ["schedule_lag.", "scheduleLag."] where name.hasPrefix(prefix) {
            try only("only phase=NAME (or nothing for the worst phase)", operation: false, phase: true)
            guard let statistic = parseStatistic(String(name.dropFirst(prefix.count))),
                ThresholdMetric.scheduleLagStatistics.contains(statistic)
            else {
                throw fail("unknown statistic in \"\(name)\"; use p50, p90, p99, p99.9, max or mean")
            }
            return .scheduleLag(statistic, phase: scope.phase)
        }
        guard let statistic = parseStatistic(statisticName) else {
            throw fail("unknown metric \"\(name)\"; the metrics are:\n\(textSyntax)")
        }
        return .latency(statistic, measure, scope)
    }

    /// `p99`, `p99.9`, `p50`, `max`, `mean`; `nil` for anything else or a percentile outside (0, 100].
    static func parseStatistic(_ text: String) -> LatencyStatistic? {
        switch text {
        case "max": return .max
        case "mean", "avg": return .mean
        default:
            guard text.hasPrefix("p"), let value = Double(text.dropFirst()), value > 0, value <= 100 else { return nil }
            return .percentile(value)
        }
    }

    private static func parseValue(
        _ text: String, for metric: ThresholdMetric, in whole: String
    ) throws(UsageError) -> Double {
        func fail(_ message: String) -> UsageError { UsageError("threshold \"\(whole)\": \(message)") }
        guard !text.isEmpty else { throw fail("needs a value after the comparison") }
        if metric.isDuration {
            guard let nanoseconds = parseDurationNanoseconds(text) else {
                throw fail("the limit \"\(text)\" needs a number and a unit: ns, us, ms or s (e.g. 50ms)")
            }
            return nanoseconds / 1e6
        }
        var number = text
        var scale = 1.0
        switch metric {
        case .errorRate where text.hasSuffix("%"):
            number.removeLast()
            scale = 0.01
        case .achievedRate where text.hasSuffix("/s"):
            number.removeLast(2)
        default: break
        }
        guard let value = Double(number.trimmingBlanks), value.isFinite, value >= 0 else {
            throw fail("the limit \"\(text)\" must be a number >= 0 (\(metric.unit))")
        }
        return value * scale
    }

    /// Nanoseconds of `50ms`, `0.5s`, `200us`, `250µs`, `1000ns`; `nil` without a unit or with a negative or
    /// non-finite number.
    static func parseDurationNanoseconds(_ text: String) -> Double? {
        let units: [(suffix: String, nanoseconds: Double)] = [
            ("ns", 1), ("us", 1e3), ("µs", 1e3), ("ms", 1e6), ("s", 1e9),
        ]
        for unit in units where text.hasSuffix(unit.suffix) {
            guard let value = Double(String(text.dropLast(unit.suffix.count)).trimmingBlanks), value.isFinite,
                value >= 0
            else {
                return nil
            }
            return value * unit.nanoseconds
        }
        return nil
    }
}

extension String {
    /// Without leading and trailing spaces and tabs.
    var trimmingBlanks: String {
        var slice = Substring(self)
        while let first = slice.first, first == " " || first == "\t" { slice.removeFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice.removeLast() }
        return String(slice)
    }
}
