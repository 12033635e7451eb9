// perf/memory: issue 8's P6. The same load at two sizes (scripts/perf.sh runs it with 1,000,000 and 10,000,000
// iterations): the load generator's memory must not grow with the request count. The figure is summary.json's
// resources.peakRSSBytes.
//
// What may grow is the runner's (histograms, interval rows, buffers), so the emulated state is held bounded:
// quotas of 1,000 target groups and 1,000 targets per group, and no RegisterInstance, whose emulated state grows
// with every call by design (Cloud Map keeps each operation for GetOperation/ListOperations, and each
// CreatorRequestId for replays). The idempotency checker is off: its history is ~1 KB per call on disk and its
// indexes O(calls with a token) in memory.
import BenchKit

let scenario = Scenario("perf-memory") {
    Seed(1)
    Setup {
        TargetGroups(8)
        Deployment(targets: 200)
    }
    EmulatorSettings(targetGroupQuota: 1_000, targetsPerGroupQuota: 1_000)
    CheckIdempotency(false)
    Mix {
        RegisterTargets(batch: 1...10).weight(4)
        CreateTargetGroup().weight(1)
        BatchGetDeploymentTargets(ids: 1...25).weight(3)
    }
    Phase("memory", .iterations(1_000_000, concurrency: 2))
}
