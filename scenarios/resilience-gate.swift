// resilience-gate: the pre-release gate. Exit code 0 pass, 3 performance threshold breached (or a metric not
// measured), 4 correctness violation. Run by scripts/gate.sh.
import BenchKit

let scenario = Scenario("resilience-gate") {
    Seed(42)
    Setup {
        TargetGroups(20, type: .ip)
        CloudMapService(namespace: "bench.local", name: "api")
        Deployment(targets: 500)
    }
    Phase("warm-up", .constantRate(50, for: .seconds(2)))
    Phase("steady", .constantRate(400, for: .seconds(10))) {
        Mix {
            RegisterTargets(batch: 1...25).weight(4)
            CreateTargetGroup().weight(1)
            BatchGetDeploymentTargets(ids: 25).weight(3)
            RegisterInstance(attributes: 4).weight(2)
        }
    }
    Phase("storm", .rampingRate(from: 400, to: 2_000, over: .seconds(5)))
    // Breaches during the storm stop the run at once, after 2 seconds of grace.
    Gate(abortOnFailAfter: .seconds(2)) {
        ErrorRate() < 0.01
    }
    Gate {
        ResponseTime(.p99, of: .registerTargets, in: "steady") < .milliseconds(50)
        ScheduleLag(.p99, in: "steady") < .milliseconds(50)
        // Measured once the retry layer and the idempotency checker report into summary.json; until then the
        // gate says "not measured" and fails (exit code 3) rather than pass without evidence.
        RetryAmplification() < 1.3
        IdempotencyViolations() == 0
        // Nothing lost, nothing unexpected: every acknowledged CreateTargetGroup created one target group, and
        // only answered or unknown calls created any.
        Invariant("acknowledged target groups exist exactly once") { run in
            guard let ledger = run.ledger else {
                return ["no emulator ledger: this invariant needs the embedded endpoint"]
            }
            let created = ledger.snapshot.filter {
                $0.operation == "CreateTargetGroup" && $0.change == .created && $0.requestId != "setup"
            }.count
            let calls = run.summary.totals["CreateTargetGroup"]
            let acknowledged = calls?.ok ?? 0
            let unknown = calls?.unknown ?? 0
            if created < acknowledged { return ["lost: \(acknowledged) acknowledged, \(created) created"] }
            if created > acknowledged + unknown {
                return ["unexpected: \(created) created for \(acknowledged) acknowledged and \(unknown) unknown calls"]
            }
            return []
        }
    }
}
