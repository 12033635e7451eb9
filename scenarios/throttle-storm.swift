// throttle-storm: a throttling storm hits mid-run; watch botocore's standard retries, their backoff and the quota
import BenchKit

let scenario = Scenario("throttle-storm") {
    Seed(7)
    Setup {
        TargetGroups(8, type: .ip)
        CloudMapService(namespace: "storm.local", name: "api")
        Deployment(targets: 200)
    }
    Mix {
        RegisterTargets(batch: 1...10).weight(4)
        CreateTargetGroup().weight(1)
        BatchGetDeploymentTargets(ids: 1...25).weight(3)
        RegisterInstance(attributes: 4, pool: 100_000).weight(2)
    }
    Retry(.standard)
    Faults {
        Throttle(0.5, retryAfterSeconds: 1).during("storm")
        Throttle(0.02)
        Latency(.lognormal(median: .microseconds(200), p99: .milliseconds(5)))
    }
    Phase("calm", .constantRate(200, for: .seconds(5)))
    Phase("storm", .constantRate(200, for: .seconds(10)))
    Phase("recovery", .constantRate(200, for: .seconds(5)))
}
