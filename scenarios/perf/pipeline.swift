// perf/pipeline: issue 8's P3. The whole in-process pipeline at full speed: closed model, 2 workers (one per
// core), the four operations, botocore's standard retries, a fault layer delivering 1 % of requests twice, the
// embedded emulator, the recorder and history.jsonl on disk. Run by scripts/perf.sh; the figure is
// phases[0].achievedRate. (A throttle fault would measure backoff sleeps, not the pipeline: a closed-model worker
// waits out each retry's backoff.)
import BenchKit

let scenario = Scenario("perf-pipeline") {
    Seed(1)
    Setup {
        TargetGroups(8)
        CloudMapService()
        Deployment(targets: 200)
    }
    Mix {
        RegisterTargets(batch: 1...10).weight(4)
        CreateTargetGroup().weight(1)
        BatchGetDeploymentTargets(ids: 1...25).weight(3)
        RegisterInstance(attributes: 4, pool: 1_000_000).weight(2)
    }
    Retry(.standard)
    Faults {
        DuplicateRequest(0.01)
    }
    Phase("full-speed", .constantConcurrency(2, for: .seconds(5)))
}
