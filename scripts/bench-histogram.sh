#!/usr/bin/env bash
# Side-by-side benchmark of bench's HDR histogram against HdrHistogram/hdrhistogram-swift (issue: metrics).
# Builds a throwaway package OUTSIDE the repository (in a temporary folder) that depends on hdrhistogram-swift
# from the machine's package mirror and on a copy of our histogram sources; bench itself never depends on it.
# Prints ns per record and per percentile query for both, and their ratio: the medians of 10 interleaved rounds.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d /tmp/bench-histogram-XXXXXX)"
# SwiftPM also leaves empty lock files in /tmp named after the package's path (/tmp/_tmp_bench-histogram-..._.build*).
trap 'rm -rf "$work" "/tmp/${work//\//_}_".build*.lock' EXIT
mkdir -p "$work/Sources/Ours" "$work/Sources/Runner"
cp "$repo"/Sources/BenchCore/Histogram*.swift "$repo"/Sources/BenchCore/FixedPointFormat.swift "$work/Sources/Ours/"
cat > "$work/Package.swift" <<'SWIFT'
// swift-tools-version:6.0
import PackageDescription
let package = Package(
    name: "hdrbench",
    dependencies: [.package(url: "https://github.com/HdrHistogram/hdrhistogram-swift", from: "0.2.0")],
    targets: [
        .target(name: "Ours"),
        .executableTarget(name: "Runner", dependencies: ["Ours", .product(name: "Histogram", package: "hdrhistogram-swift")]),
    ]
)
SWIFT
cat > "$work/Sources/Runner/main.swift" <<'SWIFT'
import Foundation
import Histogram
import Ours

// Side-by-side: the same pseudo-random values recorded into both, 10 interleaved rounds, the median of each side's
// rounds (a best-of-N picks each side's luckiest moment on its own, and this machine's noise moves those apart).
func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }
struct Mix { var state: UInt64 = 42
mutating func next() -> UInt64 { state &+= 0x9E3779B97F4A7C15; var z = state; z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9; z = (z ^ (z >> 27)) &* 0x94D049BB133111EB; return z ^ (z >> 31) } }
var mix = Mix()
let n = 10_000_000
let values = (0..<n).map { _ in 1_000 + mix.next() % 50_000_000 }  // 1 µs .. 50 ms in ns
var oursRecord: [Double] = [], refRecord: [Double] = [], oursQuery: [Double] = [], refQuery: [Double] = []
func median(_ xs: [Double]) -> Double { let s = xs.sorted(); return (s[(s.count - 1) / 2] + s[s.count / 2]) / 2 }
var sink: UInt64 = 0
let percentiles: [Double] = (0..<1000).map { Double($0) / 10 }
var ours = Ours.Histogram(lowestDiscernibleValue: 1, highestTrackableValue: 3_600_000_000_000, significantDigits: 3)
var ref = Histogram<UInt64>(lowestDiscernibleValue: 1, highestTrackableValue: 3_600_000_000_000, numberOfSignificantValueDigits: .three)
for round in 0..<10 {
    func timeOurs() {
        ours = Ours.Histogram(lowestDiscernibleValue: 1, highestTrackableValue: 3_600_000_000_000, significantDigits: 3)
        let t = now()
        for v in values { ours.record(v) }
        oursRecord.append(Double(now() - t) / Double(n))
    }
    func timeRef() {
        ref = Histogram<UInt64>(lowestDiscernibleValue: 1, highestTrackableValue: 3_600_000_000_000, numberOfSignificantValueDigits: .three)
        let t = now()
        for v in values { ref.record(v) }
        refRecord.append(Double(now() - t) / Double(n))
    }
    if round % 2 == 0 { timeOurs(); timeRef() } else { timeRef(); timeOurs() }
    var t = now()
    t = now()
    for p in percentiles { sink &+= ours.valueAtPercentile(p) }
    oursQuery.append(Double(now() - t) / Double(percentiles.count))
    t = now()
    for p in percentiles { sink &+= ref.valueAtPercentile(p) }
    refQuery.append(Double(now() - t) / Double(percentiles.count))
    precondition(ours.valueAtPercentile(99) == ref.valueAtPercentile(99), "the two disagree")
}
for round in 0..<oursRecord.count {
    print(String(format: "round %d: record ours %.2f ns, theirs %.2f ns; query ours %.0f ns, theirs %.0f ns", round + 1,
                 oursRecord[round], refRecord[round], oursQuery[round], refQuery[round]))
}
let (record, refRecordMedian) = (median(oursRecord), median(refRecord))
let (query, refQueryMedian) = (median(oursQuery), median(refQuery))
print(String(format: "record: ours %.2f ns, hdrhistogram-swift %.2f ns, ratio %.2f", record, refRecordMedian, record / refRecordMedian))
print(String(format: "valueAtPercentile: ours %.0f ns, hdrhistogram-swift %.0f ns, ratio %.2f", query, refQueryMedian, query / refQueryMedian))
print("sink \(sink % 10)")
SWIFT
(cd "$work" && swift build -c release >/dev/null 2>&1 && .build/release/Runner)
