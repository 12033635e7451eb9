import Foundation
/// One row of `latency.csv`: what one operation did in one interval of one phase.
public struct IntervalRow: Sendable, Hashable {
    /// Seconds from the run's start to the interval's start.
    public var start: Double
    /// The interval's length in seconds (shorter than the configured interval at a phase's end).
    public var length: Double
    public var phase: String
    public var operation: String
    public var count: Int
    /// Counts by ``ErrorClass`` (`ok`, `throttled`, `client`, `server`, `unknown`).
    var classes: [Int]
    /// p50, p90, p99, p99.9 and max of corrected and raw latency, in nanoseconds.
    var corrected: [UInt64]
    var raw: [UInt64]
    /// Attempts the calls of this interval made (more than `count` when the retry strategy retried).
    public var attempts: Int

    /// Completed operations per second in this interval.
    public var rate: Double { length > 0 ? Double(count) / length : 0 }
    public var ok: Int { classes[ErrorClass.ok.rawValue] }

    /// The CSV header matching ``csvLine``.
    static let csvHeader = "time_s,phase,operation,count,ok,throttled,client_errors,server_errors,unknown,rate_per_s,"
        + "corrected_p50_ms,corrected_p90_ms,corrected_p99_ms,corrected_p999_ms,corrected_max_ms,"
        + "raw_p50_ms,raw_p90_ms,raw_p99_ms,raw_p999_ms,raw_max_ms,attempts"

    /// The row as a CSV line (no newline). Names are quoted when they hold a comma or a quote.
    var csvLine: String {
        func ms(_ ns: UInt64) -> String { ConsoleSummary.format(Double(ns) / 1e6, 3) }
        var fields = [ConsoleSummary.format(start, 3), IntervalRow.quoted(phase), IntervalRow.quoted(operation), "\(count)"]
        fields += classes.map(String.init)
        fields.append(ConsoleSummary.format(rate, 2))
        fields += corrected.map(ms)
        fields += raw.map(ms)
        fields.append("\(attempts)")
        return fields.joined(separator: ",")
    }

    /// `text` as a CSV field: quoted, with its quotes doubled, when it holds a comma, a quote or a newline.
    /// - Complexity: O(n); when nothing needs quoting (the usual case), one scan of the UTF-8 bytes in place.
    ///   A fault's detail is quoted for every fault a chaos run injects.
    static func quoted(_ text: String) -> String {
        let special = text.withUTF8Bytes { bytes in
            bytes.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\n") }
        }
        guard special else { return text }
        var quoted = "\""
        for character in text.unicodeScalars {
            if character == "\"" { quoted.unicodeScalars.append(character) }
            quoted.unicodeScalars.append(character)
        }
        return quoted + "\""
    }
}

/// Accumulates the current interval per operation and closes it into ``IntervalRow``s.
///
/// Memory is bounded whatever the run's length: one pair of histograms per operation for the open interval
/// (reset, not reallocated, when it closes), and closed rows go to a sink (the `latency.csv` stream) and to a
/// ``DownsampledSeries`` for the HTML report.
struct IntervalSeries: Sendable {
    struct Accumulator: Sendable {
        var count = 0
        var attempts = 0
        var classes = [Int](repeating: 0, count: ErrorClass.allCases.count)
        var corrected = Histogram(significantDigits: 3)
        var raw = Histogram(significantDigits: 3)

        mutating func add(_ outcome: OperationOutcome, corrected: UInt64, raw: UInt64, attempts: Int) {
            count += 1
            self.attempts += attempts
            classes[outcome.errorClass.rawValue] += 1
            _ = self.corrected.record(max(corrected, 1))
            _ = self.raw.record(max(raw, 1))
        }

        mutating func reset() {
            count = 0
            attempts = 0
            for index in classes.indices { classes[index] = 0 }
            corrected.reset()
            raw.reset()
        }
    }

    let intervalNanoseconds: UInt64
    let origin: Instant
    /// Index of the open interval since `origin`.
    private(set) var current: UInt64 = 0
    /// Start of the open interval (a phase change starts a new one part way).
    private var currentStart: Instant
    private var phase = ""
    private var accumulators: [String: Accumulator] = [:]
    /// Closed rows not yet taken by the sink.
    private(set) var pending: [IntervalRow] = []

    init(origin: Instant, intervalNanoseconds: UInt64) {
        self.origin = origin
        self.intervalNanoseconds = intervalNanoseconds
        currentStart = origin
    }

    /// Adds one completed operation, closing earlier intervals first. O(1) amortised.
    mutating func record(
        operation: String, outcome: OperationOutcome, corrected: UInt64, raw: UInt64, attempts: Int = 1, finished: Instant
    ) {
        let index = finished.nanoseconds(since: origin) / intervalNanoseconds
        if index > current { close(upTo: index, at: origin.advanced(by: index * intervalNanoseconds)) }
        // The defaulted subscript mutates in place: the histograms are not copied.
        accumulators[operation, default: Accumulator()].add(outcome, corrected: corrected, raw: raw, attempts: attempts)
    }

    /// Closes the open interval at `instant` and starts the next one for `phase`.
    mutating func startPhase(_ name: String, at instant: Instant) {
        closeOpen(at: instant)
        phase = name
        current = instant.nanoseconds(since: origin) / intervalNanoseconds
        currentStart = instant
    }

    /// Closes the open interval at `instant` (the end of a phase or the run).
    mutating func finish(at instant: Instant) { closeOpen(at: instant) }

    /// Hands the closed rows to the caller.
    mutating func takePending() -> [IntervalRow] {
        defer { pending.removeAll(keepingCapacity: true) }
        return pending
    }

    private mutating func close(upTo index: UInt64, at boundary: Instant) {
        closeOpen(at: origin.advanced(by: (current + 1) * intervalNanoseconds))
        // Whole intervals with no completions still get rows (count 0), so throughput over time shows the gap.
        if index > current + 1 {
            for empty in (current + 1)..<index {
                let start = origin.advanced(by: empty * intervalNanoseconds)
                emitEmptyRows(start: start, length: intervalNanoseconds)
            }
        }
        current = index
        currentStart = boundary
    }

    private mutating func closeOpen(at end: Instant) {
        let length = end.nanoseconds(since: currentStart)
        guard length > 0 || accumulators.values.contains(where: { $0.count > 0 }) else { return }
        for name in accumulators.keys.sorted() {
            // A stub of an interval at a phase boundary with nothing in it carries no information.
            guard let accumulator = accumulators[name], accumulator.count > 0 || length >= intervalNanoseconds else {
                continue
            }
            pending.append(row(for: name, accumulator, start: currentStart, length: length))
            accumulators[name]?.reset()
        }
        currentStart = end
    }

    private mutating func emitEmptyRows(start: Instant, length: UInt64) {
        for name in accumulators.keys.sorted() {
            pending.append(row(for: name, Accumulator(), start: start, length: length))
        }
    }

    private func row(for operation: String, _ accumulator: Accumulator, start: Instant, length: UInt64) -> IntervalRow {
        func points(_ histogram: Histogram) -> [UInt64] {
            guard histogram.totalCount > 0 else { return [0, 0, 0, 0, 0] }
            return [50, 90, 99, 99.9].map { histogram.valueAtPercentile($0) } + [histogram.max]
        }
        return IntervalRow(
            start: Double(start.nanoseconds(since: origin)) / 1e9, length: Double(length) / 1e9, phase: phase,
            operation: operation, count: accumulator.count, classes: accumulator.classes,
            corrected: points(accumulator.corrected), raw: points(accumulator.raw), attempts: accumulator.attempts
        )
    }
}
