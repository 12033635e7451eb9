/// The interval rows kept in memory for the HTML report, bounded: when more than ``capacity`` rows are held,
/// every other one is dropped and from then on only every `stride`-th interval is kept, so a day-long run keeps
/// a few thousand evenly spaced points instead of growing without bound. `latency.csv` keeps every row.
struct DownsampledSeries: Sendable {
    let capacity: Int
    private(set) var rows: [IntervalRow] = []
    /// Keep one interval (all its operations' rows) in every `stride`.
    private(set) var stride = 1
    private var seen = 0
    private var lastStart = -1.0

    init(capacity: Int = 20_000) { self.capacity = capacity }

    mutating func append(contentsOf batch: [IntervalRow]) {
        for row in batch {
            if row.start != lastStart {
                lastStart = row.start
                seen += 1
            }
            if (seen - 1) % stride == 0 { rows.append(row) }
        }
        if rows.count > capacity {
            let starts = Array(Set(rows.map(\.start))).sorted()
            let kept = Set(starts.enumerated().filter { $0.offset % 2 == 0 }.map(\.element))
            rows.removeAll { !kept.contains($0.start) }
            stride *= 2
        }
    }
}
