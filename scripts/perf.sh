#!/usr/bin/env bash
# Issue 8's side-by-side performance suite: every measure P1-P7 beside its reference, in one run, on 127.0.0.1.
#   usage: scripts/perf.sh [--seconds N] [--only P1,P3] [--out DIR] [--update-docs]
#     --seconds N     length of each timed load (default 5)
#     --only LIST     run only these measures
#     --out DIR       where perf.json and the raw outputs go (default reports/perf-<UTC time>)
#     --update-docs   copy perf.json to docs/perf.json and the table into docs/performance.md
#   P6's request counts: PERF_P6_SMALL (default 1000000) and PERF_P6_LARGE (default 10000000); P1's, P3's and
#   P5's rounds: PERF_P1_ROUNDS (default 5), PERF_P3_ROUNDS and PERF_P5_ROUNDS (default 3 each); P3's rounds of
#   each operation alone: PERF_P3_OPERATION_ROUNDS (default 2, 0 skips them). The runs' history.jsonl and
#   ledger.jsonl (about 2 GB a suite run) are deleted once read; PERF_KEEP_HISTORY=1 keeps them.
# Installs what it needs (wrk and nginx from Debian packages, boto3 and moto from PyPI) with
# scripts/install-test-deps.sh, builds bench in release mode, then runs scripts/perf/run.py. See docs/performance.md.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
for argument in "$@"; do  # help and argument errors before installing or building anything
    case "$argument" in -h|--help) exec python3 "$repo/scripts/perf/run.py" --repo "$repo" --help ;; esac
done
python3 "$repo/scripts/perf/run.py" --repo "$repo" --check-arguments "$@"
if ! command -v wrk >/dev/null || ! command -v nginx >/dev/null || ! python3 -c "import boto3, moto" 2>/dev/null; then
    bash "$repo/scripts/install-test-deps.sh"
fi
echo "perf: building bench (release)" >&2
(cd "$repo" && swift build -c release --product bench 2>&1 | tail -1) >&2
exec python3 "$repo/scripts/perf/run.py" --repo "$repo" "$@"
