#!/usr/bin/env bash
# The nightly performance run: runs scenarios/nightly.swift, compares it with the stored baseline (confirming a
# suspected regression by rerunning), appends it to the history and renders the trend page.
#
# usage: scripts/nightly.sh [bench run flags...]      e.g. scripts/nightly.sh --duration-scale 0.5
# env:   BENCH             the bench executable (default: build it with `swift build --product bench`)
#        BENCH_BASELINES   the baselines folder (default .bench/baselines); keep it between nights (CI cache)
#        NIGHTLY_BASELINE  the baseline's name (default nightly); the first night saves it
#        NIGHTLY_CONFIRM   reruns that confirm a suspected regression (default 2; 0 disables)
#        NIGHTLY_COMPARE_FLAGS  extra flags for `bench compare`, e.g. "--preset relaxed" on a very noisy machine
#        NIGHTLY_REPORTS   where run folders go (default reports); NIGHTLY_HISTORY the history folder
#                          (default $NIGHTLY_REPORTS/history: history.jsonl and trend.html)
# Exit code: 0 no regression, 3 regression or threshold breached, 4 correctness violation, 1/2 could not run.
set -uo pipefail
cd "$(dirname "$0")/.."

if [ -z "${BENCH:-}" ]; then
    swift build --product bench >&2 || exit 1
    BENCH="$(swift build --show-bin-path)/bench"
fi
reports="${NIGHTLY_REPORTS:-reports}"
history="${NIGHTLY_HISTORY:-$reports/history}"
baseline="${NIGHTLY_BASELINE:-nightly}"
confirm="${NIGHTLY_CONFIRM:-2}"
out="$reports/nightly-$(date -u +%Y%m%dT%H%M%SZ)-$$"

# What the build and earlier steps wrote goes to disk now rather than during the run, where the kernel's writeback
# workers would take a core for 3-7 ms at a time (docs/performance.md, "Notes on the method").
sync
"$BENCH" run scenarios/nightly.swift --out "$out" --quiet "$@"
run_status=$?
if [ $run_status -ne 0 ] && [ $run_status -ne 3 ] && [ $run_status -ne 4 ]; then
    echo "nightly: the run failed (exit $run_status)" >&2
    exit $run_status
fi

compare_status=0
if "$BENCH" baseline list | grep -q "^$baseline "; then
    confirm_flags=()
    [ "$confirm" -gt 0 ] && confirm_flags=(--confirm "$confirm")
    # shellcheck disable=SC2086  # NIGHTLY_COMPARE_FLAGS is a list of flags, split on purpose
    "$BENCH" compare "$baseline" "$out" "${confirm_flags[@]}" ${NIGHTLY_COMPARE_FLAGS:-}
    compare_status=$?
else
    "$BENCH" baseline save "$baseline" "$out" || exit 1
    echo "nightly: no baseline \"$baseline\" yet; saved this run as the baseline" >&2
fi

compare_flags=()
[ -f "$out/compare.json" ] && compare_flags=(--compare "$out/compare.json")
"$BENCH" history append "$history/history.jsonl" "$out" "${compare_flags[@]}" || exit 1
"$BENCH" history render "$history/history.jsonl" "$history/trend.html" || exit 1

if [ $run_status -eq 4 ]; then exit 4; fi
if [ $compare_status -ne 0 ] && [ $compare_status -ne 3 ]; then exit $compare_status; fi
if [ $run_status -eq 3 ] || [ $compare_status -eq 3 ]; then exit 3; fi
exit 0
