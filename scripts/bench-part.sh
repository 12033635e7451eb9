#!/usr/bin/env bash
# One part of issue 8's P3 pipeline, measured alone (docs/performance.md): parts too small, or too noisy, for a
# whole-pipeline run on this shared machine to show a change in, and the part the pipeline cannot go below.
#
#   usage: scripts/bench-part.sh PART [--against CHECKOUT] [--rounds N] [--count N] [--build-path DIR]
#
#   PART           emulator: the embedded emulator answering P3's requests with no runner, on one thread (CPU ns
#                  a request, and each operation's share); history: appending the history.jsonl lines of P3's
#                  calls with HistoryLog, as a run does (CPU ns a line, the median of 15 passes)
#   --against DIR  another checkout (at a commit that has scripts/perf/parts' APIs); the same program is built
#                  against both and the two run in turn, so a change is measured side by side
#   --rounds N     rounds (default 1, or 5 with --against); each round is a new process and a fresh emulator;
#                  each checkout's figure is the median round (the lower middle one for an even N)
#   --count N      calls per round (default: emulator 400000, about a 5-s P3 run's; history 20000)
#   --build-path   the bench build to compile against (default: each checkout's .build/release, built here)
#
# The program (scripts/perf/parts/PART.swift with P3Mix.swift: P3's fixtures, workloads and weights) is compiled
# with -O against the objects bench was linked from, as `bench run` compiles a scenario, into a folder in /tmp.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
usage() { sed -n '5,18p' "$0" | sed 's/^# \{0,1\}//'; }
fail() { echo "bench-part: $1" >&2; exit 2; }

[[ $# -ge 1 ]] || { usage >&2; exit 2; }
part="$1"
shift
case "$part" in
    emulator) count=400000 unit=request ;;
    history) count=20000 unit=line ;;
    -h|--help) usage; exit 0 ;;
    *) fail "unknown part '$part'; expected emulator or history" ;;
esac
trees=("$repo")
rounds=""
build_path=""
while [[ $# -gt 0 ]]; do
    [[ "$1" == -h || "$1" == --help ]] && { usage; exit 0; }
    [[ $# -ge 2 ]] || fail "$1 needs a value"
    case "$1" in
        --against)
            [[ ${#trees[@]} -eq 1 ]] || fail "--against names one other checkout; give it once"
            [[ -f "$2/Package.swift" ]] || fail "--against: no package at $2"
            trees+=("$(cd "$2" && pwd)") ;;
        --rounds)
            [[ "$2" =~ ^[1-9][0-9]{0,2}$ ]] || fail "--rounds must be a whole number in 1...999 (got '$2')"
            rounds="$2" ;;
        --count)
            [[ "$2" =~ ^[1-9][0-9]{0,7}$ ]] || fail "--count must be a whole number in 1...99999999 (got '$2')"
            count="$2" ;;
        --build-path) [[ -d "$2" ]] || fail "--build-path: no folder at $2"; build_path="$(cd "$2" && pwd)" ;;
        *) fail "unknown option '$1'" ;;
    esac
    shift 2
done
[[ -n "$build_path" && ${#trees[@]} -gt 1 ]] && fail "--build-path names one build; it cannot go with --against"
rounds="${rounds:-$(( ${#trees[@]} == 2 ? 5 : 1 ))}"

work="$(mktemp -d /tmp/bench-part-XXXXXX)"
trap 'rm -rf "$work"' EXIT
binaries=()
for index in "${!trees[@]}"; do
    tree="${trees[$index]}"
    build="$build_path"
    if [[ -z "$build" ]]; then
        echo "bench-part: building bench (release) in $tree" >&2
        (cd "$tree" && swift build -c release --product bench 2>&1 | tail -1) >&2
        build="$tree/.build/release"
    fi
    list="$build/bench.product/Objects.LinkFileList"
    [[ -f "$list" && -d "$build/Modules" ]] || fail "no bench build in $build (run swift build there first)"
    mkdir -p "$work/$index"
    cp "$repo/scripts/perf/parts/P3Mix.swift" "$work/$index/P3Mix.swift"
    cp "$repo/scripts/perf/parts/$part.swift" "$work/$index/main.swift"
    objects=()
    while IFS= read -r line; do
        line="${line#\"}"
        line="${line%\"}"
        [[ -n "$line" && "$line" != */bench.build/* ]] && objects+=("$line")
    done <"$list"
    echo "bench-part: compiling the $part part against $build" >&2
    swiftc -swift-version 6 -module-name PartBench -O -wmo -I "$build/Modules" \
        -module-cache-path "$build/bench-scenarios/module-cache" "${objects[@]}" \
        "$work/$index/P3Mix.swift" "$work/$index/main.swift" -o "$work/$index/part" \
        >"$work/$index/compile.log" 2>&1 || {
        tail -20 "$work/$index/compile.log" >&2
        fail "the $part part does not compile against $tree (a checkout older than scripts/perf/parts?)"
    }
    binaries+=("$work/$index/part")
done

declare -a results
for round in $(seq "$rounds"); do
    for index in "${!binaries[@]}"; do
        output="$("${binaries[$index]}" "$count")" || fail "the $part part failed against ${trees[$index]}"
        results[$index]+="${output%% *} "
        echo "round $round: ${trees[$index]}: $output"
    done
done
medians=()
for index in "${!trees[@]}"; do
    medians+=("$(printf '%s\n' ${results[$index]} | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')")
    echo "median: ${trees[$index]}: ${medians[$index]} ns of CPU a $unit ($rounds rounds)"
done
if [[ ${#trees[@]} -eq 2 ]]; then
    awk -v a="${medians[0]}" -v b="${medians[1]}" 'BEGIN { printf "ratio: %.3f (this checkout / the other)\n", a / b }'
fi
