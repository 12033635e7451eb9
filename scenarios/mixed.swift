// mixed: a realistic minute of control-plane traffic with a share of invalid requests and a ramp to a peak
import BenchKit

let scenario = Scenario("mixed") {
    Seed(2026)
    MaxInFlight(512)
    Setup {
        TargetGroups(20, type: .ip)
        TargetGroups(5, type: .instance)
        CloudMapService(namespace: "prod.local", name: "checkout")
        Deployment(targets: 500, platform: .server)
        Deployment(targets: 50, platform: .lambda)
    }
    Mix {
        RegisterTargets(batch: 1...25, pool: 50_000).weight(4)
        RegisterTargets(batch: 1...5, pool: 5_000, groupType: .instance).weight(1)
        CreateTargetGroup(tags: 3).weight(1).invalid(0.02)
        BatchGetDeploymentTargets(ids: 5...25).weight(3).invalid(0.01)
        RegisterInstance(attributes: 8, pool: 20_000).weight(2).invalid(0.01)
    }
    Phase("warm-up", .constantRate(100, for: .seconds(10)))
    Phase("steady", .constantRate(1_000, for: .seconds(30)))
    Phase("peak", .rampingRate(from: 1_000, to: 5_000, over: .seconds(15)))
    Phase("cool-down", .constantRate(200, for: .seconds(5)))
}
