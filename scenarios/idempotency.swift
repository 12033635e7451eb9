// idempotency: answers are lost after the service applied the request, and requests are delivered twice; stable tokens must keep every create and register exactly-once
import BenchKit

let scenario = Scenario("idempotency") {
    Seed(11)
    Setup {
        TargetGroups(4, type: .ip)
        CloudMapService(namespace: "idem.local", name: "api")
        Deployment(targets: 50)
    }
    EmulatorSettings(cloudMapOperationDelay: .milliseconds(5))
    Mix {
        CreateTargetGroup().weight(3)
        RegisterInstance(attributes: 2, pool: 1_000_000).weight(3)
        RegisterTargets(batch: 1...5).weight(2)
        BatchGetDeploymentTargets(ids: 1...10).weight(1)
    }
    Retry(.standard)
    Tokens(.stablePerCall)
    Faults {
        LoseResponseAfterApply(0.05, as: .timeout)
        LoseResponseAfterApply(0.02, as: .reset)
        DuplicateRequest(0.03)
        DuplicateRequest(0.02, after: .milliseconds(20))
        Conflict(0.01).only(.createTargetGroup)
        ServerError(0.02, .unavailable)
    }
    Phase("chaos", .constantRate(300, for: .seconds(10)))
}
