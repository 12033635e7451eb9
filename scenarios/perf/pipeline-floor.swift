// perf/pipeline-floor: the floor under issue 8's P3. The same pipeline as perf/pipeline (closed model, 2 workers,
// botocore's standard retries, the embedded emulator, the recorder), driving the cheapest call there is: a batch read
// of one id, run with --no-check (no history, no ledger). What a call costs here, every call of any mix costs at
// least: scheduling, the retry and token layers, dispatch into the emulator and back, recording. Run by
// scripts/perf.sh; the figure is phases[0].cpuMicrosecondsPerOperation.
import BenchKit

let scenario = Scenario("perf-pipeline-floor") {
    Seed(1)
    Setup {
        Deployment(targets: 200)
    }
    Mix {
        BatchGetDeploymentTargets(ids: 1...1)
    }
    Retry(.standard)
    Phase("full-speed", .constantConcurrency(2, for: .seconds(5)))
}
