// perf/memory: issue 8's P6. The same load at two sizes (scripts/perf.sh runs it with 1,000,000 and 10,000,000
// iterations): the load generator's memory must not grow with the request count. The emulated state is bounded
// (instance and target pools, the target group quota), so what could grow is the runner's: histograms, interval
// rows, history buffers, the checker's indexes. The figure is summary.json's resources.peakRSSBytes.
import BenchKit

let scenario = Scenario("perf-memory") {
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
        RegisterInstance(attributes: 4, pool: 1_000).weight(2)
    }
    Phase("memory", .iterations(1_000_000, concurrency: 2))
}
