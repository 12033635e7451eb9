// smoke: all four operations on the embedded emulator, open and closed models, in about 6 seconds
import BenchKit

let scenario = Scenario("smoke") {
    Seed(42)
    Setup {
        TargetGroups(4, type: .ip)
        CloudMapService(namespace: "smoke.local", name: "api")
        Deployment(targets: 100, platform: .server)
    }
    Mix {
        RegisterTargets(batch: 1...10).weight(4)
        CreateTargetGroup().weight(1)
        BatchGetDeploymentTargets(ids: 25).weight(3)
        RegisterInstance(attributes: 4).weight(2)
    }
    Phase("warm-up", .constantRate(50, for: .seconds(1)))
    Phase("steady", .constantRate(400, for: .seconds(3)))
    Phase("ramp", .rampingRate(from: 400, to: 1_000, over: .seconds(1)))
    Phase("full-speed", .constantConcurrency(4, for: .seconds(1)))
}
