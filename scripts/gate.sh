#!/usr/bin/env bash
# The pre-release resilience gate: runs scenarios/resilience-gate.swift and exits with bench's exit code
# (docs/exit-codes.md): 0 pass, 1 runtime error, 2 usage or scenario error, 3 performance threshold breached
# (or a threshold the run could not measure), 4 correctness violation (wins over 3).
#
# usage: scripts/gate.sh [bench run flags...]      e.g. scripts/gate.sh --endpoint http://127.0.0.1:4566
# env:   BENCH      the bench executable (default: build it with `swift build --product bench`)
#        GATE_OUT   the report folder (default reports/resilience-gate-<UTC time>)
# The report folder holds junit.xml (one test case per threshold and invariant) and summary.md (for a PR comment).
set -uo pipefail
cd "$(dirname "$0")/.."

if [ -z "${BENCH:-}" ]; then
    swift build --product bench >&2 || exit 1
    BENCH="$(swift build --show-bin-path)/bench"
fi
out="${GATE_OUT:-reports/resilience-gate-$(date -u +%Y%m%dT%H%M%SZ)}"

# What the build and earlier steps wrote goes to disk now rather than during the run, where the kernel's writeback
# workers would take a core for 3-7 ms at a time and show in the gate's p99 and schedule lag (docs/performance.md).
sync
"$BENCH" run scenarios/resilience-gate.swift --out "$out" "$@"
status=$?
case $status in
    0) echo "gate: PASS ($out)" >&2 ;;
    3) echo "gate: FAIL, performance (exit 3); see $out/summary.md and $out/junit.xml" >&2 ;;
    4) echo "gate: FAIL, correctness (exit 4); see $out/summary.md and $out/junit.xml" >&2 ;;
    *) echo "gate: could not run (exit $status)" >&2 ;;
esac
exit $status
