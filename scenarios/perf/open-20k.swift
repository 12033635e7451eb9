// perf/open-20k: issue 8's P5. The open model at 20,000 requests/s against the embedded emulator: achieved rate
// (target within 0.5 %) and schedule lag (actual minus intended start, target p99 <= 200 us). Run by
// scripts/perf.sh; the figures are phases[1].achievedRate and phases[1].scheduleLag.p99.
import BenchKit

let scenario = Scenario("perf-open-20k") {
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
    Phase("warm-up", .constantRate(2_000, for: .seconds(1)))
    Phase("open-20k", .constantRate(20_000, for: .seconds(10)))
}
