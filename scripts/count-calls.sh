#!/usr/bin/env bash
# How many times a function of a compiled scenario runs, and from where: a count that, unlike a timing, this shared
# machine's noise cannot move (docs/performance.md, "Counting instead of timing"). Used to find values copied where
# they could move (`outlined init with copy of ...`) and to show that a change removed them.
#
#   usage: scripts/count-calls.sh SCENARIO FUNCTION [bench run flags]
#
#   SCENARIO   a scenario file, run with `bench run` from this checkout's release build (built here if missing)
#   FUNCTION   the function's demangled name as `nm | swift demangle` prints it, or its start, e.g.
#              'outlined init with copy of Emulator.LedgerEntry'
#
# Prints each caller with its count (setup and check included; divide by the calls a phase makes). Needs `perf`
# with uprobes (root), as `scripts/perf.sh` does; the run is made twice, once to compile the scenario and find the
# function's address, then under `perf record`. Bounded: the scenario's own phases bound the run.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
usage() { sed -n '6,10p' "$0" | sed 's/^# \{0,1\}//'; }
fail() { echo "count-calls: $1" >&2; exit 2; }

[[ ${1:-} == -h || ${1:-} == --help ]] && { usage; exit 0; }
[[ $# -ge 2 ]] || { usage >&2; exit 2; }
scenario="$1" function="$2"
shift 2
[[ -f $scenario ]] || fail "no scenario file at $scenario"
command -v perf >/dev/null || fail "perf is not installed (apt-get install linux-perf)"

bench="$repo/.build/release/bench"
[[ -x $bench ]] || (cd "$repo" && swift build -c release --product bench >/dev/null)
work="$(mktemp -d /tmp/count-calls.XXXXXX)"
trap 'perf probe -q -d "probe_scenario:counted" 2>/dev/null || true; rm -rf "$work"' EXIT

# bench compiles the scenario (or takes it from its cache) and then execs it in the same process, so the binary is
# what /proc/PID/exe names once it stops naming bench. Polled for at most 10 minutes (a cold compile takes seconds).
"$bench" run "$scenario" --quiet --out "$work/out" "$@" >/dev/null 2>&1 &
pid=$!
binary=""
for _ in $(seq 6000); do
    exe="$(readlink "/proc/$pid/exe" 2>/dev/null || true)"
    [[ -z $exe ]] && break
    [[ $exe != "$bench" && $exe != "$(readlink -f "$bench")" ]] && { binary="$exe"; break; }
    sleep 0.1
done
wait "$pid" || true
[[ -n $binary ]] || fail "the run ended before it started the compiled scenario; run it with bench run to see why"
address="$(nm "$binary" | swift demangle | awk -v name="$function" 'index($0, " " name) && !found { print $1; found = 1 }')"
[[ -n $address ]] || fail "no function '$function' in $binary (inlined everywhere, or misspelt)"

perf probe -q -d "probe_scenario:counted" 2>/dev/null || true
perf probe -q -x "$binary" -a "counted=0x$address" || fail "perf could not place a uprobe (needs root)"
perf record -q -g -e probe_scenario:counted -o "$work/perf.data" -- \
    "$bench" run "$scenario" --quiet --out "$work/out" "$@" >/dev/null 2>&1 || true
# Each sample's stack, innermost first: the function itself, then its caller.
perf script -i "$work/perf.data" 2>/dev/null | swift demangle --simplified |
    sed -E 's/^[[:space:]]+[0-9a-f]+ //; s/\+0x[0-9a-f]+ \(.*\)$//' |
    awk '/probe_scenario:counted/ { depth = 0; next }
         /^$/ { if (caller != "") print caller; caller = ""; next }
         { depth++; if (depth == 2) caller = $0 }
         END { if (caller != "") print caller }' |
    sort | uniq -c | sort -rn
