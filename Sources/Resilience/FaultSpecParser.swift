/// Reads the command-line form of a fault: `KIND[:key=value,...]`, e.g.
/// `throttle:p=0.05,phase=storm`, `error5xx:variant=unavailable,p=0.01,from=10,to=20`,
/// `latency:mode=lognormal,median=2,p99=40`, `lose-response:mode=reset,op=CreateTargetGroup`.
///
/// Keys every kind takes: `p` (probability 0...1, default 1), `op` (operation names joined by `|`), `from`/`to`
/// (seconds since the run started) or `phase`. Per kind: `throttle` `retry-after` (whole seconds),
/// `retry-after-ms` (the `x-amz-retry-after` hint); `error5xx` `variant`; `duplicate` `mode`
/// (`concurrent`, `delayed`) and `ms`; `lose-response` `mode` (`timeout`, `reset`); `latency` `mode`
/// (`fixed`, `uniform`, `lognormal`, `stall`) with `ms`, `min`/`max` or `median`/`p99` (milliseconds).
public enum FaultSpecParser {
    static let kinds = ["throttle", "conflict", "error5xx", "duplicate", "lose-response", "latency", "reset"]
    static let commonKeys = ["p", "op", "from", "to", "phase"]

    static func kindKeys(_ kind: String) -> [String] {
        switch kind {
        case "throttle": ["retry-after", "retry-after-ms"]
        case "error5xx": ["variant"]
        case "duplicate": ["mode", "ms"]
        case "lose-response": ["mode"]
        case "latency": ["mode", "ms", "min", "max", "median", "p99"]
        default: []
        }
    }

    /// Parses one spec.
    /// - Throws: ``FaultSpecError`` naming the offending key and the allowed values.
    public static func parse(_ spec: String) throws(FaultSpecError) -> Fault {
        let (kindText, optionsText) = split(spec, at: ":")
        let kind = kindText.trimmed
        guard kinds.contains(kind) else {
            throw FaultSpecError("fault '\(spec)': unknown kind '\(kind)'; allowed: \(kinds.joined(separator: ", "))")
        }
        var options = Options(spec: spec, kind: kind)
        if let optionsText {
            for pair in optionsText.split(separator: ",", omittingEmptySubsequences: false) {
                let (key, value) = split(String(pair), at: "=")
                try options.add(key.trimmed, value?.trimmed)
            }
        }
        let faultKind = try options.faultKind()
        return Fault(
            faultKind, probability: try options.probability(), operations: options.operations(),
            window: try options.window())
    }

    /// Parses several specs (one per `--fault` flag).
    public static func parse(_ specs: [String]) throws(FaultSpecError) -> FaultPlan {
        var faults: [Fault] = []
        for spec in specs { faults.append(try parse(spec)) }
        return FaultPlan(faults)
    }

    private static func split(_ text: String, at separator: Character) -> (String, String?) {
        guard let index = text.firstIndex(of: separator) else { return (text, nil) }
        return (String(text[..<index]), String(text[text.index(after: index)...]))
    }

    /// The key/value pairs of one spec, checked against what its kind allows.
    private struct Options {
        let spec: String
        let kind: String
        var values: [String: String] = [:]

        mutating func add(_ key: String, _ value: String?) throws(FaultSpecError) {
            let allowed = commonKeys + kindKeys(kind)
            guard allowed.contains(key) else {
                throw FaultSpecError(
                    "fault '\(spec)': unknown key '\(key)' for \(kind); allowed: \(allowed.joined(separator: ", "))")
            }
            guard let value, !value.isEmpty else {
                throw FaultSpecError("fault '\(spec)': key '\(key)' needs a value (\(key)=...)")
            }
            guard values[key] == nil else { throw FaultSpecError("fault '\(spec)': key '\(key)' given twice") }
            values[key] = value
        }

        func number(_ key: String, in range: ClosedRange<Double>, unit: String) throws(FaultSpecError) -> Double? {
            guard let text = values[key] else { return nil }
            guard let value = Double(text), value.isFinite, range.contains(value) else {
                let limits = "\(range.lowerBound)...\(range.upperBound) \(unit)"
                throw FaultSpecError("fault '\(spec)': \(key)=\(text) is not a number in \(limits)")
            }
            return value
        }

        func integer(_ key: String, max: Int) throws(FaultSpecError) -> Int? {
            guard let text = values[key] else { return nil }
            guard let value = Int(text), (0...max).contains(value) else {
                throw FaultSpecError("fault '\(spec)': \(key)=\(text) is not a whole number in 0...\(max)")
            }
            return value
        }

        func choice(_ key: String, _ allowed: [String], default fallback: String) throws(FaultSpecError) -> String {
            let value = values[key] ?? fallback
            guard allowed.contains(value) else {
                throw FaultSpecError(
                    "fault '\(spec)': \(key)=\(value) is not allowed; allowed: \(allowed.joined(separator: ", "))")
            }
            return value
        }

        /// Milliseconds under `key` as nanoseconds (at most one hour).
        func milliseconds(_ key: String) throws(FaultSpecError) -> UInt64? {
            try number(key, in: 0...3_600_000, unit: "ms").map { UInt64($0 * 1_000_000) }
        }

        func required(_ key: String, for mode: String) throws(FaultSpecError) -> UInt64 {
            guard let value = try milliseconds(key) else {
                throw FaultSpecError("fault '\(spec)': \(kind) mode=\(mode) needs key '\(key)' (milliseconds)")
            }
            return value
        }

        func probability() throws(FaultSpecError) -> Double { try number("p", in: 0...1, unit: "") ?? 1 }

        func operations() -> Set<String> {
            guard let text = values["op"] else { return [] }
            return Set(text.split(separator: "|").map { String($0).trimmed })
        }

        func window() throws(FaultSpecError) -> FaultWindow {
            let from = try number("from", in: 0...1e9, unit: "seconds")
            let to = try number("to", in: 0...1e9, unit: "seconds")
            if let phase = values["phase"] {
                guard from == nil, to == nil else {
                    throw FaultSpecError("fault '\(spec)': give either phase or from/to, not both")
                }
                return .phase(phase)
            }
            if let from, let to, from >= to {
                throw FaultSpecError("fault '\(spec)': from=\(from) must be less than to=\(to)")
            }
            return from == nil && to == nil ? .always : .seconds(from: from, to: to)
        }

        func faultKind() throws(FaultSpecError) -> FaultKind {
            switch kind {
            case "throttle":
                return .throttle(
                    retryAfterSeconds: try integer("retry-after", max: 86_400) ?? 1,
                    amzRetryAfterMilliseconds: try integer("retry-after-ms", max: 86_400_000))
            case "conflict":
                return .conflict
            case "error5xx":
                let names = FaultKind.ServerErrorVariant.allCases.map(\.rawValue)
                let name = try choice("variant", names, default: FaultKind.ServerErrorVariant.internal.rawValue)
                return .error5xx(FaultKind.ServerErrorVariant(rawValue: name) ?? .internal)
            case "duplicate":
                let mode = try choice("mode", ["concurrent", "delayed"], default: "concurrent")
                if mode == "concurrent" {
                    guard values["ms"] == nil else {
                        throw FaultSpecError("fault '\(spec)': key 'ms' applies only to duplicate mode=delayed")
                    }
                    return .duplicate(.concurrent)
                }
                return .duplicate(.afterDelay(nanoseconds: try required("ms", for: mode)))
            case "lose-response":
                let names = FaultKind.LostAnswer.allCases.map(\.rawValue)
                let name = try choice("mode", names, default: FaultKind.LostAnswer.timeout.rawValue)
                return .loseResponse(FaultKind.LostAnswer(rawValue: name) ?? .timeout)
            case "latency":
                return .latency(try latency())
            default:
                return .reset
            }
        }

        func latency() throws(FaultSpecError) -> LatencyDistribution {
            let mode = try choice("mode", ["fixed", "uniform", "lognormal", "stall"], default: "fixed")
            switch mode {
            case "uniform":
                let low = try required("min", for: mode)
                let high = try required("max", for: mode)
                guard low <= high else { throw FaultSpecError("fault '\(spec)': min must not exceed max") }
                return .uniform(minNanoseconds: low, maxNanoseconds: high)
            case "lognormal":
                let median = try required("median", for: mode)
                let p99 = try required("p99", for: mode)
                guard median > 0, p99 > median else {
                    throw FaultSpecError("fault '\(spec)': lognormal needs 0 < median < p99")
                }
                return .lognormal(medianNanoseconds: median, p99Nanoseconds: p99)
            case "stall":
                return .stall(nanoseconds: try required("ms", for: mode))
            default:
                return .fixed(nanoseconds: try required("ms", for: mode))
            }
        }
    }
}

extension String {
    fileprivate var trimmed: String {
        var view = Substring(self)
        while view.first == " " { view.removeFirst() }
        while view.last == " " { view.removeLast() }
        return String(view)
    }
}
