#!/usr/bin/env bash
# What writing one history.jsonl line costs, alone: the largest part of P3's CPU per call after the emulator
# (docs/performance.md), and too small a part for a whole-pipeline run on this noisy machine to show a change in.
#
#   usage: scripts/bench-history-encoding.sh HISTORY.jsonl [OTHER_CHECKOUT]
#
# Builds a throwaway package OUTSIDE the repository that depends on this checkout's BenchKit, decodes up to 20,000
# lines of HISTORY.jsonl (any run's, e.g. `bench run scenarios/perf/pipeline.swift --out DIR`), and encodes them
# again with HistoryRecord.appendJSON: ns per line, the median of 15 passes. With OTHER_CHECKOUT (another clone, say
# at an older commit) it builds the same benchmark against that one too and runs the two in turn for 5 rounds, so a
# change to the encoder is measured side by side. Both builds are release builds (a few minutes each).
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
if [[ $# -lt 1 || $# -gt 2 || "$1" == -h || "$1" == --help ]]; then
    sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
fi
history="$(realpath "$1")"
[[ -s "$history" ]] || { echo "bench-history-encoding: no history file at $1" >&2; exit 2; }
trees=("$repo")
if [[ $# -eq 2 ]]; then
    [[ -f "$2/Package.swift" ]] || { echo "bench-history-encoding: no package at $2" >&2; exit 2; }
    trees+=("$(cd "$2" && pwd)")
fi
work="$(mktemp -d /tmp/bench-history-encoding-XXXXXX)"
trap 'rm -rf "$work"' EXIT

binaries=()
for index in "${!trees[@]}"; do
    package="$work/build-$index"
    mkdir -p "$package/Sources/Runner"
    cat > "$package/Package.swift" <<SWIFT
// swift-tools-version:6.0
import PackageDescription
let package = Package(
    name: "historyencoding",
    dependencies: [.package(name: "bench", path: "${trees[$index]}")],
    targets: [.executableTarget(name: "Runner", dependencies: [.product(name: "BenchKit", package: "bench")])]
)
SWIFT
    cat > "$package/Sources/Runner/main.swift" <<'SWIFT'
import BenchKit
import Foundation

var records: [HistoryRecord] = []
try JSONLines.forEach(in: URL(fileURLWithPath: CommandLine.arguments[1]), as: HistoryRecord.self) { record in
    if records.count < 20_000 { records.append(record) }
}
func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }
var passes: [Double] = []
var bytes = 0
for _ in 0..<15 {
    bytes = 0
    let start = now()
    for index in records.indices {
        var line: [UInt8] = []
        line.reserveCapacity(1024)  // as JSONLinesWriter.append does
        records[index].appendJSON(to: &line)
        bytes += line.count
    }
    passes.append(Double(now() - start) / Double(records.count))
}
passes.sort()
print(String(format: "%.0f", passes[passes.count / 2]), records.count, bytes / max(records.count, 1))
SWIFT
    echo "bench-history-encoding: building against ${trees[$index]}" >&2
    (cd "$package" && swift build -c release >"$package/build.log" 2>&1) || {
        tail -20 "$package/build.log" >&2
        exit 1
    }
    binaries+=("$package/.build/release/Runner")
done

rounds=$(( ${#trees[@]} == 2 ? 5 : 1 ))
declare -a results
for round in $(seq "$rounds"); do
    for index in "${!binaries[@]}"; do
        read -r ns lines size < <("${binaries[$index]}" "$history")
        results[$index]+="$ns "
        echo "round $round: ${trees[$index]}: $ns ns a line ($lines lines of $size bytes on average)"
    done
done
for index in "${!trees[@]}"; do
    median=$(printf '%s\n' ${results[$index]} | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
    echo "median: ${trees[$index]}: $median ns a line"
done
