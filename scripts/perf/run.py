#!/usr/bin/env python3
"""Issue 8's performance suite: runs P1-P7 side by side with their references on 127.0.0.1 and writes perf.json.

Called by scripts/perf.sh after a release build. Each measure returns figures: a value, its reference (another
program measured in the same run, or the target when the reference is a number the issue sets), the ratio and
whether the target holds. Every load is bounded in time; every server started here is stopped here.
"""
import argparse
import contextlib
import datetime
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def log(text):
    print(f"perf: {text}", file=sys.stderr, flush=True)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_port(port, seconds=30):
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"nothing listens on 127.0.0.1:{port} after {seconds} s")


# Every measure, in order: --only picks from these, --update-docs needs all of them.
MEASURES = [f"P{n}" for n in range(1, 8)]

# Counts taken from the environment: name -> (default, lowest, highest).
KNOBS = {"PERF_P1_ROUNDS": (5, 1, 100), "PERF_P3_ROUNDS": (3, 1, 100), "PERF_P5_ROUNDS": (3, 1, 100),
         "PERF_P6_SMALL": (1_000_000, 1, 1_000_000_000), "PERF_P6_LARGE": (10_000_000, 1, 1_000_000_000),
         "PERF_P3_OPERATION_ROUNDS": (2, 0, 100), "PERF_KEEP_HISTORY": (0, 0, 1)}

# P3's operations, as `bench run --only` and scripts/perf/p3ref.c name them.
P3_OPERATIONS = ("RegisterTargets", "CreateTargetGroup", "BatchGetDeploymentTargets", "RegisterInstance")

# What a run folder holds that the suite does not read and that makes up nearly all of its size: about 2 GB a suite
# run (a P3 round's history.jsonl is 360 MB, its ledger.jsonl 190 MB). Deleted once the run's figures are read,
# unless PERF_KEEP_HISTORY=1.
BULKY_OUTPUTS = ("history.jsonl", "ledger.jsonl")


def knob(name):
    """The whole number in the environment variable `name`, or its default; ValueError naming it and its range."""
    default, low, high = KNOBS[name]
    text = os.environ.get(name, str(default))
    if not text.isdigit() or not low <= int(text) <= high:
        raise ValueError(f"{name} must be a whole number in {low}...{high} (got {text!r})")
    return int(text)


def median_round(rounds, ratio):
    """The round whose `ratio` (a function of a round) is the median, so that a figure and its reference both come
    from that one round; the upper middle one for an even count."""
    return sorted(rounds, key=ratio)[len(rounds) // 2]


def figure(measure, name, value, unit, reference, reference_name, target, higher_is_better=True):
    """One row of perf.json: `ratio` is value / reference; `target` bounds the ratio (or the value when the
    reference is the target itself)."""
    ratio = value / reference if reference else None
    bound = float(target.split()[1])
    met = ratio is not None and (ratio >= bound if target.startswith(">=") else ratio <= bound)
    return {"measure": measure, "name": name, "value": round(value, 3), "unit": unit,
            "reference": round(reference, 3) if reference is not None else None, "referenceName": reference_name,
            "ratio": round(ratio, 4) if ratio is not None else None, "target": f"ratio {target}", "met": met}


class Suite:
    def __init__(self, repo, out, seconds):
        self.repo = repo
        self.out = out
        self.seconds = seconds
        self.bench = os.path.join(repo, ".build", "release", "bench")
        self.processes = []

    def start(self, argv, log_name):
        handle = open(os.path.join(self.out, log_name), "w")
        process = subprocess.Popen(argv, stdout=handle, stderr=subprocess.STDOUT, start_new_session=True)
        self.processes.append(process)
        return process

    def stop_all(self):
        for process in self.processes:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
                try:
                    process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    os.killpg(process.pid, signal.SIGKILL)
        self.processes = []

    def run(self, argv, timeout=1800, env=None, check=True):
        """Runs argv after `sync`: what was written before (the release build, P4's throwaway package, the run
        folders; with PERF_KEEP_HISTORY=1 a P3 round's 550 MB of history and ledger) goes to disk now, not 30 s
        later (vm.dirty_expire_centisecs) while a later measure runs, when the kernel's flusher and block workers
        take a core for 3-7 ms at a time."""
        os.sync()
        result = subprocess.run(argv, capture_output=True, text=True, timeout=timeout, env=env)
        if check and result.returncode != 0:
            raise RuntimeError(f"{' '.join(argv)} exited {result.returncode}: {result.stderr[-2000:]}")
        return result

    def timed(self, argv, **kwargs):
        """Runs argv under GNU time; returns (result, cpu seconds user + system)."""
        result = self.run(["/usr/bin/time", "-f", "CPU %U %S"] + argv, **kwargs)
        user, system = re.findall(r"CPU ([\d.]+) ([\d.]+)", result.stderr)[-1]
        return result, float(user) + float(system)

    def bench_run(self, scenario, name, extra=()):
        folder = os.path.join(self.out, name)
        result = self.run([self.bench, "run", scenario, "--out", folder, "--quiet", *extra], check=False)
        if not os.path.exists(os.path.join(folder, "summary.json")):
            raise RuntimeError(f"bench run {scenario} exited {result.returncode}: {result.stderr[-2000:]}")
        with open(os.path.join(folder, "summary.json")) as f:
            summary = json.load(f)
        if not knob("PERF_KEEP_HISTORY"):
            for name in BULKY_OUTPUTS:
                with contextlib.suppress(FileNotFoundError):
                    os.remove(os.path.join(folder, name))
        return summary

    # P1 -------------------------------------------------------------------------------------------------
    def p1(self):
        """The HTTP client (bench http-load) vs wrk against one nginx worker serving a small JSON body:
        same connections (8), one client thread each, same duration, alternating, PERF_P1_ROUNDS rounds (5);
        median ratios. Both clients keep one nginx worker near its ceiling, so the rate ratio sits near 1 and a
        busy minute moves one round by a tenth either way: five rounds keep one such minute from deciding."""
        port = free_port()
        conf = os.path.join(self.out, "nginx.conf")
        with open(conf, "w") as f:
            f.write(f"""worker_processes 1;
daemon off;
error_log {self.out}/nginx-error.log;
pid {self.out}/nginx.pid;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    keepalive_requests 100000000;
    keepalive_timeout 300s;
    server {{
        listen 127.0.0.1:{port};
        location = /json {{ default_type application/json; return 200 '{{"ok":true,"service":"bench","items":[1,2,3]}}'; }}
    }}
}}
""")
        self.start(["nginx", "-c", conf, "-p", self.out], "nginx.log")
        wait_port(port)
        url = f"http://127.0.0.1:{port}/json"
        rounds = []
        for index in range(knob("PERF_P1_ROUNDS")):
            order = ["wrk", "bench"] if index % 2 == 0 else ["bench", "wrk"]
            measured = {}
            for tool in order:
                if tool == "wrk":
                    result, cpu = self.timed(["wrk", "-t1", "-c8", f"-d{self.seconds:g}s", url])
                    requests = int(re.search(r"(\d+) requests in", result.stdout).group(1))
                    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", result.stdout).group(1))
                else:
                    result, cpu = self.timed([self.bench, "http-load", url, "-c", "8", "-d", f"{self.seconds:g}",
                                              "--json"])
                    report = json.loads(result.stdout)
                    requests = report["succeeded"] + report["failed"]
                    rate = report["requestsPerSecond"]
                measured[tool] = (rate, cpu * 1e6 / max(requests, 1))
            rounds.append(measured)
            log(f"P1 round {index + 1}: wrk {measured['wrk'][0]:.0f}/s {measured['wrk'][1]:.2f} us/req, "
                f"bench {measured['bench'][0]:.0f}/s {measured['bench'][1]:.2f} us/req")
        self.stop_all()

        by_rate, by_cpu = (median_round(rounds, lambda r, k=key: r["bench"][k] / r["wrk"][k]) for key in (0, 1))
        return [
            figure("P1", "HTTP client requests/s", by_rate["bench"][0], "req/s", by_rate["wrk"][0], "wrk", ">= 0.95"),
            figure("P1", "HTTP client CPU per request", by_cpu["bench"][1], "us", by_cpu["wrk"][1], "wrk", "<= 1.0"),
        ]

    # P2 -------------------------------------------------------------------------------------------------
    def p2(self):
        """bench serve vs moto_server, the same client (wrk with a Lua script making each request body) and
        the same operations: RegisterInstance and RegisterTargets. Three alternating rounds per operation; the
        figures are those of the round with the median ratio (one busy minute halved a single round's ratio)."""
        serve_port, moto_port = free_port(), free_port()
        self.start([self.bench, "serve", "--port", str(serve_port), "--operation-delay-ms", "0"], "serve.log")
        self.start([sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(moto_port)], "moto.log")
        wait_port(serve_port)
        wait_port(moto_port)
        figures = []
        ids = {}
        for name, port in (("bench serve", serve_port), ("moto_server", moto_port)):
            ids[name] = json.loads(self.run([sys.executable, os.path.join(HERE, "fixtures.py"),
                                             f"http://127.0.0.1:{port}"]).stdout)
        for operation, script in (("RegisterInstance", "register-instance.lua"),
                                  ("RegisterTargets", "register-targets.lua")):
            rounds = []
            for number in range(1, 4):
                rates = {}
                for name, port in (("bench serve", serve_port), ("moto_server", moto_port)):
                    env = dict(os.environ, SERVICE_ID=ids[name]["serviceId"],
                               TARGET_GROUP_ID=ids[name]["targetGroupId"])
                    result = self.run(["wrk", "-t1", "-c8", f"-d{self.seconds:g}s", "-s",
                                       os.path.join(HERE, script), f"http://127.0.0.1:{port}"], env=env)
                    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", result.stdout).group(1))
                    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", result.stdout)
                    total = int(re.search(r"(\d+) requests in", result.stdout).group(1))
                    rates[name] = (rate, int(errors.group(1)) if errors else 0, total)
                    log(f"P2 {operation} round {number} {name}: {rate:.0f}/s, non-2xx {rates[name][1]} of {total}")
                rounds.append(rates)
            rates = median_round(rounds, lambda r: r["bench serve"][0] / max(r["moto_server"][0], 1e-9))
            row = figure("P2", f"bench serve {operation} requests/s", rates["bench serve"][0], "req/s",
                         rates["moto_server"][0], "moto_server", ">= 100")
            row["nonSuccess"] = {name: {"non2xx": value[1], "requests": value[2]} for name, value in rates.items()}
            figures.append(row)
        self.stop_all()
        return figures

    # P3 -------------------------------------------------------------------------------------------------
    def p3(self):
        """The whole in-process pipeline at full speed (scenarios/perf/pipeline.swift); reference: the
        issue's target of 1,000,000 logical operations/s. Also what bounds it: the process's CPU per logical
        operation (summary.json's phases[].cpuMicrosecondsPerOperation) against the budget the target leaves
        on this machine (cores / 1,000,000 s), with the history on disk and without it (--no-check), and the
        floor under both: the cheapest call (a batch read of one id, scenarios/perf/pipeline-floor.swift) without
        history, which every call of any mix costs at least; and the emulator alone (scripts/bench-part.sh
        emulator: P3's requests answered on one thread with no runner), the part of every call no runner can
        remove, with the ceiling it sets (cores / its CPU per request). And the same work without bench:
        scripts/perf/p3ref.c, the calls of P3's mix written plainly in C on as many threads as cores (their state,
        ledger, histograms and history lines), which shows what this machine needs for that work, and how far
        bench's cost a call is from it.

        One run moved by a fifth from one minute to the next on this shared machine, so PERF_P3_ROUNDS rounds
        (each: with history, then --no-check, then the floor, then the C reference) run in turn and the figures
        are the medians of the rounds. Then where the gap to the C reference is: each operation alone
        (operations())."""
        scenario = os.path.join(self.repo, "scenarios", "perf", "pipeline.swift")
        floor = os.path.join(self.repo, "scenarios", "perf", "pipeline-floor.swift")
        for source in (scenario, floor):
            self.run([self.bench, "validate", source])  # compile once, outside the measure
        scale = ["--duration-scale", str(self.seconds / 5)]
        calls = max(10_000, round(400_000 * self.seconds / 5))  # what the emulator alone and the C reference run
        rounds = []
        for number in range(1, knob("PERF_P3_ROUNDS") + 1):
            phase = self.bench_run(scenario, f"P3-{number}", scale)["phases"][0]
            bare = self.bench_run(scenario, f"P3-{number}-no-check", scale + ["--no-check"])["phases"][0]
            least = self.bench_run(floor, f"P3-{number}-floor", scale + ["--no-check"])["phases"][0]
            c_cpu, c_rate = self.c_reference(number, calls)
            rounds.append((phase["achievedRate"], phase["cpuMicrosecondsPerOperation"],
                           bare["cpuMicrosecondsPerOperation"], least["cpuMicrosecondsPerOperation"], c_cpu, c_rate))
            log(f"P3 round {number}: {rounds[-1][0]:.0f} logical operations/s, CPU {rounds[-1][1]:.1f} us/op "
                f"({rounds[-1][2]:.1f} us/op without history; the cheapest call {rounds[-1][3]:.1f} us; the C "
                f"reference {c_rate:.0f} calls/s at {c_cpu:.2f} us)")
        rate, cpu, bare_cpu, floor_cpu, c_cpu, c_rate = (statistics.median(r[i] for r in rounds) for i in range(6))
        emulator_cpu = self.emulator_alone(len(rounds), calls)
        cores = os.cpu_count() or 1
        budget = cores * 1e6 / 1_000_000
        log(f"P3 pipeline: {rate:.0f} logical operations/s, CPU {cpu:.1f} us/op ({bare_cpu:.1f} us/op without "
            f"history, {floor_cpu:.1f} us for the cheapest call, {emulator_cpu:.1f} us for the emulator alone; "
            f"budget {budget:.1f} us/op), medians of {len(rounds)} rounds")
        suffix = f" (median of {len(rounds)} rounds)"
        return [
            figure("P3", "in-process pipeline operations/s" + suffix, rate, "ops/s", 1_000_000, "target", ">= 1.0"),
            figure("P3", "pipeline CPU per logical operation" + suffix, cpu, "us", budget,
                   "budget: cores / target rate", "<= 1.0"),
            figure("P3", "pipeline CPU per logical operation, no history (--no-check)" + suffix, bare_cpu, "us",
                   budget, "budget: cores / target rate", "<= 1.0"),
            figure("P3", "floor: CPU of the cheapest call (one-id batch read, --no-check)" + suffix, floor_cpu, "us",
                   budget, "budget: cores / target rate", "<= 1.0"),
            figure("P3", "emulator alone: CPU per request of the P3 mix (1 thread, no runner, no ledger)" + suffix,
                   emulator_cpu, "us", budget, "budget: cores / target rate", "<= 1.0"),
            figure("P3", "ceiling the emulator alone sets (cores / its CPU per request)" + suffix,
                   cores * 1e6 / emulator_cpu, "ops/s", 1_000_000, "target", ">= 1.0"),
            figure("P3", "C reference: the same calls in plain C, calls/s (scripts/perf/p3ref.c)" + suffix, c_rate,
                   "ops/s", 1_000_000, "target", ">= 1.0"),
            figure("P3", "C reference: CPU per call" + suffix, c_cpu, "us", budget, "budget: cores / target rate",
                   "<= 1.0"),
            figure("P3", "pipeline CPU per logical operation vs the C reference" + suffix, cpu, "us", c_cpu,
                   "C reference (scripts/perf/p3ref.c)", "<= 1.0"),
        ] + self.operations(scenario, scale, calls)

    def operations(self, scenario, scale, calls):
        """Each of P3's operations alone, bench against the C reference: the P3 scenario with `--only OPERATION`
        (its setup, retries, faults, recorder and history as they are) and scripts/perf/p3ref.c with every call
        that operation, one after the other, PERF_P3_OPERATION_ROUNDS rounds (default 2; 0 skips them). The
        figures are the CPU a call of each, at the round of the median ratio: which operation the gap between
        bench and plain C is in."""
        rounds = knob("PERF_P3_OPERATION_ROUNDS")
        figures = []
        for operation in P3_OPERATIONS if rounds else ():
            pairs = []
            for number in range(1, rounds + 1):
                phase = self.bench_run(scenario, f"P3-{operation}-{number}",
                                       scale + ["--only", operation])["phases"][0]
                c_cpu, _ = self.c_reference(f"{operation}-{number}", calls, operation)
                pairs.append((phase["cpuMicrosecondsPerOperation"], c_cpu))
                log(f"P3 {operation} alone, round {number}: bench {pairs[-1][0]:.2f} us a call, the C reference "
                    f"{c_cpu:.2f} us")
            bench_cpu, c_cpu = median_round(pairs, lambda pair: pair[0] / pair[1])
            figures.append(figure(
                "P3", f"{operation} alone (--only): CPU per call vs the C reference (round of the median ratio "
                f"of {rounds})", bench_cpu, "us", c_cpu, "C reference, the same operation (scripts/perf/p3ref.c)",
                "<= 1.0"))
        return figures

    def c_reference(self, number, calls, operation=None):
        """scripts/perf/p3ref.c: `calls` calls of P3's mix (or of `operation` alone) in plain C on as many threads
        as cores, its history written beside the round's runs (and deleted as theirs are). Its CPU us per call and
        its calls/s."""
        history = os.path.join(self.out, f"P3-{number}-c-reference-history.jsonl")
        output = self.run([self.c_program("p3ref"), str(calls), str(os.cpu_count() or 1), history,
                           *([operation] if operation else [])]).stdout
        with open(os.path.join(self.out, f"P3-{number}-c-reference.txt"), "w") as f:
            f.write(output)
        if not knob("PERF_KEEP_HISTORY"):
            os.remove(history)
        return (float(re.search(r"cpu_us_per_call ([\d.]+)", output).group(1)),
                float(re.search(r"calls_per_second ([\d.]+)", output).group(1)))

    def c_program(self, name):
        """scripts/perf/NAME.c, compiled with -O2 into the output folder on first use; the binary's path."""
        binary = os.path.join(self.out, name)
        if not os.path.exists(binary):
            compiler = shutil.which("cc") or shutil.which("clang")  # the Swift toolchain brings clang
            self.run([compiler, "-O2", "-pthread", "-o", binary, os.path.join(HERE, f"{name}.c")])
        return binary

    def emulator_alone(self, rounds, count):
        """The embedded emulator answering `count` requests of P3's mix on one thread with no runner
        (scripts/bench-part.sh emulator, compiled against this release build): the median CPU us per request of
        `rounds` rounds, each a new process with a fresh emulator."""
        output = self.run(["bash", os.path.join(self.repo, "scripts", "bench-part.sh"), "emulator", "--rounds",
                           str(rounds), "--count", str(count), "--build-path",
                           os.path.dirname(self.bench)]).stdout
        with open(os.path.join(self.out, "P3-emulator-alone.txt"), "w") as f:
            f.write(output)
        log(f"P3 emulator alone: {output.strip().splitlines()[-1]}")
        return float(re.search(r"median: .*: (\d+) ns of CPU a request", output).group(1)) / 1000

    # P4 -------------------------------------------------------------------------------------------------
    def p4(self):
        """HDR histogram record and percentile query vs hdrhistogram-swift, in a throwaway package outside the
        repository (scripts/bench-histogram.sh)."""
        output = self.run(["bash", os.path.join(self.repo, "scripts", "bench-histogram.sh")]).stdout
        with open(os.path.join(self.out, "P4.txt"), "w") as f:
            f.write(output)
        record = re.search(r"record: ours ([\d.]+) ns, hdrhistogram-swift ([\d.]+) ns", output)
        query = re.search(r"valueAtPercentile: ours ([\d.]+) ns, hdrhistogram-swift ([\d.]+) ns", output)
        log(f"P4: {output.strip()}")
        return [
            figure("P4", "histogram record", float(record.group(1)), "ns", float(record.group(2)),
                   "hdrhistogram-swift", "<= 1.0"),
            figure("P4", "histogram valueAtPercentile", float(query.group(1)), "ns", float(query.group(2)),
                   "hdrhistogram-swift", "<= 1.0"),
        ]

    # P5 -------------------------------------------------------------------------------------------------
    def p5(self):
        """The open model at 20,000 requests/s on the embedded emulator (scenarios/perf/open-20k.swift)."""
        scenario = os.path.join(self.repo, "scenarios", "perf", "open-20k.swift")
        self.run([self.bench, "validate", scenario])
        # This machine's scheduling noise moves a p99 by 10-100 x from one minute to the next, so bench and the C
        # pacer alternate for PERF_P5_ROUNDS rounds and the figures are the medians of the rounds.
        rounds = []
        for number in range(1, knob("PERF_P5_ROUNDS") + 1):
            phase = self.bench_run(scenario, f"P5-{number}")["phases"][1]
            floor_us = self.pacer_p99(phase["targetRate"], phase["elapsedSeconds"], number)
            rounds.append((phase["achievedRate"], phase["scheduleLag"]["p99"] * 1000, floor_us, phase["targetRate"]))
            log(f"P5 round {number}: achieved {phase['achievedRate']:.1f}/s of {phase['targetRate']:.0f}/s, "
                f"p99 schedule lag {rounds[-1][1]:.0f} us; the C pacer's p99 right after: {floor_us:.0f} us")
        achieved, lag_us, floor_us = (statistics.median(r[i] for r in rounds) for i in range(3))
        target = rounds[0][3]
        suffix = f" (median of {len(rounds)} rounds)"
        return [
            figure("P5", "open model achieved rate" + suffix, achieved, "req/s", target, "target", ">= 0.995"),
            figure("P5", "open model p99 schedule lag" + suffix, lag_us, "us", 200, "target", "<= 1.0"),
            figure("P5", "open model p99 schedule lag vs the machine's floor" + suffix, lag_us, "us", floor_us,
                   "C pacer (scripts/perf/pacer.c)", "<= 1.0"),
        ]

    def pacer_p99(self, rate, seconds, number):
        """The p99 wake-up lateness of scripts/perf/pacer.c at the same rate and duration: the floor that any
        program sleeping between operations meets on this machine at this moment (microseconds)."""
        output = self.run([self.c_program("pacer"), str(int(rate)), f"{seconds:.1f}"]).stdout
        with open(os.path.join(self.out, f"P5-{number}-pacer.txt"), "w") as f:
            f.write(output)
        return float(re.search(r"p99 ([\d.]+)", output).group(1))

    # P6 -------------------------------------------------------------------------------------------------
    def p6(self):
        """Peak RSS of the same scenario with 1M and with 10M requests (summary.json `resources`)."""
        small, large = knob("PERF_P6_SMALL"), knob("PERF_P6_LARGE")
        peaks = {}
        for count in (small, large):
            path = os.path.join(self.out, f"memory-{count}.swift")
            with open(os.path.join(self.repo, "scenarios", "perf", "memory.swift")) as f:
                source = f.read().replace("1_000_000", str(count))
            with open(path, "w") as f:
                f.write(source)
            summary = self.bench_run(path, f"P6-{count}")
            peaks[count] = summary["resources"]["peakRSSBytes"]
            log(f"P6 {count} requests: peak RSS {peaks[count] / 2**20:.1f} MiB, "
                f"{summary['phases'][0]['completed']} completed in {summary['phases'][0]['elapsedSeconds']:.1f} s")
        growth = (peaks[large] - peaks[small]) / 2**20
        row = figure("P6", f"peak RSS growth {small:,} -> {large:,} requests", growth, "MiB", 20, "target",
                     "<= 1.0")
        row["peakRSSMiB"] = {str(count): round(peak / 2**20, 1) for count, peak in peaks.items()}
        return [row]

    # P7 -------------------------------------------------------------------------------------------------
    def p7(self):
        """From the `bench run` command to the first phase (summary.json resources.startupSeconds): with the
        scenario binary cached, and cold (a new scenario source and an empty compiler module cache)."""
        source_path = os.path.join(self.out, "first-request.swift")

        def write(nonce):
            with open(source_path, "w") as f:
                f.write(f"""// {nonce}
import BenchKit
let scenario = Scenario("first-request") {{
    Phase("one", .iterations(1)) {{ Mix {{ BatchGetDeploymentTargets(ids: 1) }} }}
    Setup {{ Deployment(targets: 1) }}
}}
""")
        write(f"cold {time.time_ns()}")
        shutil.rmtree(os.path.join(self.repo, ".build", "release", "bench-scenarios", "module-cache"),
                      ignore_errors=True)
        cold = self.bench_run(source_path, "P7-cold")["resources"]["startupSeconds"]
        cached = self.bench_run(source_path, "P7-cached")["resources"]["startupSeconds"]
        log(f"P7: cold {cold:.2f} s, cached {cached:.3f} s")
        return [
            figure("P7", "bench run to first request, cached", cached, "s", 0.5, "target", "<= 1.0"),
            figure("P7", "bench run to first request, cold", cold, "s", 5.0, "target", "<= 1.0"),
        ]


def machine():
    cores = os.cpu_count()
    model = ""
    try:
        with open("/proc/cpuinfo") as f:
            model = next((line.split(":", 1)[1].strip() for line in f if line.startswith("model name")), "")
    except OSError:
        pass
    swift = subprocess.run(["swift", "--version"], capture_output=True, text=True).stdout.splitlines()
    return {"cores": cores, "cpu": model, "swift": swift[0] if swift else ""}


def table(figures):
    lines = ["| measure | figure | bench | reference | ratio | target | met |", "|---|---|---:|---:|---:|---:|:---:|"]
    for row in figures:
        reference = f"{row['reference']:,} ({row['referenceName']})" if row["reference"] is not None else "-"
        ratio = f"{row['ratio']:.3f}" if row["ratio"] is not None else "-"
        lines.append(f"| {row['measure']} | {row['name']} | {row['value']:,} {row['unit']} | {reference} | {ratio} "
                     f"| {row['target']} | {'yes' if row['met'] else 'no'} |")
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(
        prog="scripts/perf.sh", description=__doc__,
        epilog="P1's alternating rounds of wrk and bench: PERF_P1_ROUNDS (default 5). "
               "P6's request counts: PERF_P6_SMALL (default 1000000), PERF_P6_LARGE (default 10000000). "
               "P3's rounds (with history, then --no-check, then the cheapest call, then the C reference, "
               "scripts/perf/p3ref.c; then as many of the emulator alone): PERF_P3_ROUNDS (default 3); then each "
               "operation alone, bench (--only) and the C reference: PERF_P3_OPERATION_ROUNDS (default 2, 0 skips). "
               "P5's rounds of bench and the C pacer: PERF_P5_ROUNDS (default 3). "
               "The runs' history.jsonl and ledger.jsonl (about 2 GB a suite run) are deleted once read; "
               "PERF_KEEP_HISTORY=1 keeps them.")
    parser.add_argument("--repo", required=True, help=argparse.SUPPRESS)
    parser.add_argument("--seconds", type=float, default=5, help="length of each timed load, 1-120 (default 5)")
    parser.add_argument("--only", default=",".join(MEASURES), help="measures to run, e.g. P1,P3 (default all)")
    parser.add_argument("--out", help="folder for perf.json and raw outputs (default reports/perf-<UTC time>)")
    parser.add_argument("--update-docs", action="store_true",
                        help="also copy perf.json to docs/perf.json and the table into docs/performance.md")
    parser.add_argument("--check-arguments", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if not 1 <= args.seconds <= 120 or args.seconds != int(args.seconds):
        parser.error("--seconds must be a whole number in 1...120")
    wanted = [item.strip().upper() for item in args.only.split(",") if item.strip()]
    unknown = [item for item in wanted if item not in MEASURES]
    if unknown:
        parser.error(f"--only: unknown measure(s) {', '.join(unknown)}; expected P1...P7")
    if args.update_docs and set(wanted) != set(MEASURES):
        parser.error("--update-docs replaces the whole table in docs/performance.md, so it runs every measure "
                     "(leave out --only)")
    for name in KNOBS:
        try:
            knob(name)
        except ValueError as error:
            parser.error(str(error))
    if args.check_arguments:
        return 0
    stamp = datetime.datetime.now(datetime.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    out = os.path.abspath(args.out or os.path.join(args.repo, "reports", f"perf-{stamp}"))
    os.makedirs(out, exist_ok=True)
    suite = Suite(args.repo, out, args.seconds)
    figures, failures = [], {}
    try:
        for measure in wanted:
            log(f"{measure}: {getattr(suite, measure.lower()).__doc__.split('.')[0].strip()}")
            try:
                figures += getattr(suite, measure.lower())()
            except Exception as error:  # one broken measure must not hide the others
                failures[measure] = str(error)
                log(f"{measure} FAILED: {error}")
            finally:
                suite.stop_all()
    except KeyboardInterrupt:
        failures["interrupted"] = "stopped by Ctrl-C; the figures so far are kept"
    finally:
        suite.stop_all()
    report = {"schema": "bench.perf/1", "date": stamp, "machine": machine(), "secondsPerLoad": args.seconds,
              "figures": figures, "failures": failures}
    with open(os.path.join(out, "perf.json"), "w") as f:
        json.dump(report, f, indent=2)
    print(table(figures))
    for measure, error in failures.items():
        print(f"{measure}: FAILED: {error}")
    print(f"\nperf.json: {os.path.join(out, 'perf.json')}")
    if args.update_docs:
        shutil.copy(os.path.join(out, "perf.json"), os.path.join(args.repo, "docs", "perf.json"))
        doc = os.path.join(args.repo, "docs", "performance.md")
        with open(doc) as f:
            text = f.read()
        begin, end = "<!-- perf-table:begin -->", "<!-- perf-table:end -->"
        head, rest = text.split(begin)
        _, tail = rest.split(end)
        fresh = (f"{begin}\nMeasured {stamp} on {report['machine']['cores']} cores ({report['machine']['cpu']}), "
                 f"{report['machine']['swift']}, {args.seconds:g} s per load:\n\n{table(figures)}\n{end}")
        with open(doc, "w") as f:
            f.write(head + fresh + tail)
        log("updated docs/perf.json and docs/performance.md")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
