#!/usr/bin/env bash
# Side-by-side: `bench serve` vs moto_server on the same operations, driven by the same client (`bench run`,
# closed model, 8 workers, loopback only). Prints requests/s for each and their ratio.
#   usage: scripts/bench-serve-vs-moto.sh [seconds per run, default 10]
# Needs: a release build (`swift build -c release`), python3 with moto[server] (scripts/install-test-deps.sh).
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
seconds="${1:-10}"
bench="$repo/.build/release/bench"
[ -x "$bench" ] || (cd "$repo" && swift build -c release >/dev/null)
work="$(mktemp -d /tmp/bench-serve-vs-moto-XXXXXX)"
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_port() { for _ in $(seq 1 200); do (echo > "/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0; sleep 0.1; done; return 1; }

serve_port=$(free_port); moto_port=$(free_port)
"$bench" serve --port "$serve_port" --operation-delay-ms 0 > "$work/serve.log" 2>&1 & pids+=($!)
python3 -m moto.server -H 127.0.0.1 -p "$moto_port" > "$work/moto.log" 2>&1 & pids+=($!)
wait_port "$serve_port"; wait_port "$moto_port"

run() {  # run <name> <port> <workload>
    cat > "$work/$1.swift" <<SWIFT
import BenchKit
let scenario = Scenario("$1") {
    Endpoint.http("http://127.0.0.1:$2")
    Setup {
        TargetGroups(1)
        CloudMapService(namespace: "perf-$1.local", name: "svc")
    }
    Phase("load", .constantConcurrency(8, for: .seconds($seconds))) { Mix { $3 } }
}
SWIFT
    "$bench" run "$work/$1.swift" --out "$work/$1" --quiet >/dev/null 2>&1 || true
    python3 -c "import json; d=json.load(open('$work/$1/summary.json')); p=d['phases'][0]; print(round(p['achievedRate'],1), p['completed'])"
}
printf "%-18s %14s %14s %8s\n" operation "bench serve/s" "moto_server/s" ratio
for op in "RegisterInstance(attributes: 4, pool: 1_000_000)" "RegisterTargets(batch: 1...10)"; do
    name="${op%%(*}"
    read -r serve_rate _ < <(run "serve-$name" "$serve_port" "$op")
    read -r moto_rate _ < <(run "moto-$name" "$moto_port" "$op")
    ratio=$(python3 -c "print(round($serve_rate/$moto_rate,1) if $moto_rate else 'inf')")
    printf "%-18s %14s %14s %8s\n" "$name" "$serve_rate" "$moto_rate" "${ratio}x"
done
echo "(moto 5.2.1 does not implement RegisterTargets: it answers HTTP 500 with an HTML page)"
