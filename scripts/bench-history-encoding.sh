#!/usr/bin/env bash
# What writing one history.jsonl line costs, alone: the largest part of P3's CPU per call after the emulator
# (docs/performance.md), and too small a part for a whole-pipeline run on this noisy machine to show a change in.
#
#   usage: scripts/bench-history-encoding.sh [OTHER_CHECKOUT]
#
# Builds a throwaway package OUTSIDE the repository that depends on this checkout's BenchKit, runs 20,000 seeded
# calls of P3's mix (its fixtures and workloads) through the pipeline against the embedded emulator, and appends
# their lines to a file in /tmp with HistoryLog, as a run does: CPU ns per line (the process's, so the writer's
# queue counts too), the median of 15 passes. With OTHER_CHECKOUT (another clone, at a commit that has HistoryLine
# and SetupContext(emulator:clock:)) it builds the same benchmark against that one too and runs the two in turn for
# 5 rounds, so a change to the writer is measured side by side. Both builds are release builds (a few minutes each).
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
if [[ $# -gt 1 || "${1:-}" == -h || "${1:-}" == --help ]]; then
    sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
fi
trees=("$repo")
if [[ $# -eq 1 ]]; then
    [[ -f "$1/Package.swift" ]] || { echo "bench-history-encoding: no package at $1" >&2; exit 2; }
    grep -q "public init(emulator: Emulator" "$1/Sources/BenchKit/Runtime/SetupContext.swift" 2>/dev/null || {
        echo "bench-history-encoding: $1 predates HistoryLine and SetupContext(emulator:clock:); nothing to compare" >&2
        exit 2
    }
    trees+=("$(cd "$1" && pwd)")
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

// 20,000 calls of P3's mix, made by the same fixtures and workloads as scenarios/perf/pipeline.swift (weights 4, 1,
// 3, 2), seeded, and run through the real pipeline against the embedded emulator: the same calls in every build.
let clock = SystemClock()
let emulator = Emulator(clock: clock, seed: 1)
func setUp(in emulator: Emulator) async throws -> ResolvedFixtures {
    let setup = SetupContext(emulator: emulator, clock: clock)
    var fixtures = ResolvedFixtures()
    try await TargetGroups(8).create(using: setup, into: &fixtures)
    try await CloudMapService().create(using: setup, into: &fixtures)
    try await Deployment(targets: 200).create(using: setup, into: &fixtures)
    return fixtures
}
let fixtures = try await setUp(in: emulator)
let workloads: [any Workload] =
    Array(repeating: RegisterTargets(batch: 1...10), count: 4) + [CreateTargetGroup()]
    + Array(repeating: BatchGetDeploymentTargets(ids: 1...25), count: 3)
    + Array(repeating: RegisterInstance(attributes: 4, pool: 1_000_000), count: 2)
let transport = EmbeddedTransport(emulator: emulator, clock: clock)
let pipeline = CallPipeline(strategy: StandardRetryStrategy(), clock: clock, seed: 1) { request, context in
    await transport.send(request, context: context)
}
var random = SplitMix64(seed: 1)
var calls: [(call: CallRecord, request: AWSRequest)] = []
for index in 0..<20_000 {
    var context = GenerationContext(random: random, fixtures: fixtures, sequence: UInt64(index))
    let request = workloads[Int(random.next() % UInt64(workloads.count))].makeRequest(&context)
    random = context.random
    calls.append((await pipeline.call(request, sequence: UInt64(index)), request))
}

// The process's CPU time, so the writer's queue (which writes full buffers to the file) is counted too.
func cpuNanoseconds() -> UInt64 {
    var time = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
    return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
}
let url = FileManager.default.temporaryDirectory.appendingPathComponent("history-encoding-\(getpid()).jsonl")
defer { try? FileManager.default.removeItem(at: url) }
var passes: [Double] = []
var bytes = 0
for _ in 0..<15 {
    let start = cpuNanoseconds()
    let history = try HistoryLog(url: url)
    for (call, request) in calls { history.append(call, request: request) }
    _ = try history.close()
    passes.append(Double(cpuNanoseconds() - start) / Double(calls.count))
    bytes = try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int ?? 0
}
passes.sort()
print(String(format: "%.0f", passes[passes.count / 2]), calls.count, bytes / max(calls.count, 1) - 1)
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
        output="$("${binaries[$index]}")" || { echo "bench-history-encoding: ${binaries[$index]} failed" >&2; exit 1; }
        read -r ns lines size <<<"$output"
        results[$index]+="$ns "
        echo "round $round: ${trees[$index]}: $ns ns of CPU a line ($lines lines of $size bytes on average)"
    done
done
for index in "${!trees[@]}"; do
    median=$(printf '%s\n' ${results[$index]} | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
    echo "median: ${trees[$index]}: $median ns of CPU a line"
done
