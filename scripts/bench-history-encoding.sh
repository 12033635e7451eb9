#!/usr/bin/env bash
# What writing one history.jsonl line costs, alone: the largest part of P3's CPU per call after the emulator
# (docs/performance.md), and too small a part for a whole-pipeline run on this noisy machine to show a change in.
#
#   usage: scripts/bench-history-encoding.sh [OTHER_CHECKOUT]
#
# Builds a throwaway package OUTSIDE the repository that depends on this checkout's BenchKit, runs 20,000 seeded
# calls of P3's mix through the pipeline against the embedded emulator, and writes their lines with HistoryLine:
# ns per line, the median of 15 passes. With OTHER_CHECKOUT (another clone at commit 0d07ba4 or later, which have
# HistoryLine) it builds the same benchmark against that one too and runs the two in turn for 5 rounds, so a
# change to the writer is measured side by side. Both builds are release builds (a few minutes each).
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
if [[ $# -gt 1 || "${1:-}" == -h || "${1:-}" == --help ]]; then
    sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
fi
trees=("$repo")
if [[ $# -eq 1 ]]; then
    [[ -f "$1/Package.swift" ]] || { echo "bench-history-encoding: no package at $1" >&2; exit 2; }
    [[ -f "$1/Sources/Checker/HistoryLine.swift" ]] || {
        echo "bench-history-encoding: $1 has no HistoryLine (a checkout before 0d07ba4); nothing to compare" >&2
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

// 20,000 calls of P3's mix (RegisterTargets of 1-10 targets, CreateTargetGroup, BatchGetDeploymentTargets of 1-25
// ids, RegisterInstance with 4 attributes), run through the real pipeline against the embedded emulator on a
// manual clock, seeded: the same calls in every build.
let clock = ManualClock()
let emulator = Emulator(clock: clock, seed: 1)
let group = try emulator.lattice.createTargetGroup(CreateTargetGroupInput(
    name: "fixture", type: "IP",
    config: TargetGroupConfig(port: 80, protocol: "HTTP", vpcIdentifier: "vpc-0123456789abcdef0"))).id ?? ""
let namespaceOperation = try emulator.cloudMap.createHttpNamespace(CreateHttpNamespaceInput(name: "bench"))
clock.advance(by: 1_000_000_000)
let namespace = try emulator.cloudMap.getOperation(GetOperationInput(operationId: namespaceOperation.operationId))
    .operation.targets?[CloudMap.OperationTargetType.namespace] ?? ""
let service = try emulator.cloudMap.createService(CreateServiceInput(name: "api", namespaceId: namespace)).service.id
let deployment = emulator.codeDeploy.createDeployment(platform: .server, targetCount: 200, context: RequestContext())
let deploymentTargets = try emulator.codeDeploy.listDeploymentTargets(
    ListDeploymentTargetsInput(deploymentId: deployment)).targetIds ?? []
let pipeline = CallPipeline(strategy: StandardRetryStrategy(), clock: clock, seed: 1) { request, context in
    do throws(ServiceError) {
        return .response(try emulator.handle(request, context: context))
    } catch {
        return .serviceError(error)
    }
}
var random = SplitMix64(seed: 1)
var lines: [HistoryLine] = []
for index in 0..<20_000 {
    let request: AWSRequest
    switch random.next() % 10 {
    case 0..<4:
        let targets = (0...(random.next() % 10)).map { _ in
            Target(id: "10.0.\(random.next() % 200).\(random.next() % 250)", port: 80)
        }
        request = .lattice(.registerTargets(RegisterTargetsInput(targetGroupIdentifier: group, targets: targets)))
    case 4:
        request = .lattice(.createTargetGroup(CreateTargetGroupInput(
            name: "bench-\(index)", type: "IP",
            config: TargetGroupConfig(port: 80, protocol: "HTTP", vpcIdentifier: "vpc-0123456789abcdef0"))))
    case 5..<8:
        let ids = (0...(random.next() % 25)).map { _ in
            deploymentTargets[Int(random.next() % UInt64(deploymentTargets.count))]
        }
        request = .codeDeploy(.batchGetDeploymentTargets(
            BatchGetDeploymentTargetsInput(deploymentId: deployment, targetIds: ids)))
    default:
        let attributes = ["AWS_INSTANCE_IPV4": "10.1.0.\(index % 250)", "a": "value-\(index)-1",
                          "b": "value-\(index)-2", "c": "value-\(index)-3"]
        request = .cloudMap(.registerInstance(RegisterInstanceInput(
            serviceId: service, instanceId: "instance-\(random.next() % 1_000_000)", attributes: attributes)))
    }
    let call = await clock.run { await pipeline.call(request, sequence: UInt64(index)) }
    lines.append(HistoryLine(call, request: request))
    clock.advance(by: 5_000_000)
}

func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }
var passes: [Double] = []
var bytes = 0
for _ in 0..<15 {
    bytes = 0
    let start = now()
    for line in lines {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1024)  // as JSONLinesWriter.append does
        line.appendJSON(to: &buffer)
        bytes += buffer.count
    }
    passes.append(Double(now() - start) / Double(lines.count))
}
passes.sort()
print(String(format: "%.0f", passes[passes.count / 2]), lines.count, bytes / max(lines.count, 1))
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
        echo "round $round: ${trees[$index]}: $ns ns a line ($lines lines of $size bytes on average)"
    done
done
for index in "${!trees[@]}"; do
    median=$(printf '%s\n' ${results[$index]} | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
    echo "median: ${trees[$index]}: $median ns a line"
done
