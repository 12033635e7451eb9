// nightly: steady open-model load on all four operations for about 30 seconds; compared with a baseline each night
// by scripts/nightly.sh. Open-model phases only, so throughput is the target rate and latency is what moves.
import BenchKit

let scenario = Scenario("nightly") {
    Seed(2026)
    Setup {
        TargetGroups(8, type: .ip)
        CloudMapService(namespace: "nightly.local", name: "api")
        Deployment(targets: 200, platform: .server)
    }
    Mix {
        RegisterTargets(batch: 1...25).weight(4)
        CreateTargetGroup().weight(1)
        BatchGetDeploymentTargets(ids: 25).weight(3)
        RegisterInstance(attributes: 4).weight(2)
    }
    Phase("warm-up", .constantRate(100, for: .seconds(5)))
    Phase("steady", .constantRate(300, for: .seconds(20)))
    Phase("peak", .constantRate(600, for: .seconds(5)))
    // Loose absolute bounds: the nightly's job is the comparison with the baseline; these catch a broken build.
    Gate {
        ErrorRate() < 0.01
        ResponseTime(.p99, in: "steady") < .milliseconds(250)
        AchievedRate(in: "steady") >= 270
    }
}
