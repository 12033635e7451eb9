import Testing

@testable import BenchKit

@Suite("Scenario DSL")
struct ScenarioDSLTests {
    @Test("components land in the scenario in order, with defaults where unset")
    func building() {
        let scenario = Scenario("dsl") {
            Seed(7)
            MaxInFlight(64)
            RequestTimeout(.seconds(2))
            Setup {
                TargetGroups(3, type: .instance)
                CloudMapService(namespace: "ns.local", name: "svc")
            }
            Mix { CreateTargetGroup() }
            Phase("one", .constantRate(10, for: .seconds(1)))
            Phase("two", .iterations(5, concurrency: 2)) {
                Mix {
                    RegisterTargets(batch: 2...3, groupType: .instance).weight(3)
                    CreateTargetGroup().weight(1)
                }
            }
        }
        #expect(scenario.name == "dsl")
        #expect(scenario.seed == 7)
        #expect(scenario.maxInFlight == 64)
        #expect(scenario.requestTimeoutNanoseconds == 2_000_000_000)
        #expect(scenario.endpoint.isEmbedded)
        #expect(scenario.fixtures.count == 2)
        #expect(scenario.phases.map(\.name) == ["one", "two"])
        #expect(scenario.phases[0].mix == nil)
        #expect(scenario.defaultMix?.workloads.map(\.operationName) == ["CreateTargetGroup"])
        #expect(scenario.phases[1].mix?.workloads.map(\.weight) == [3, 1])
        #expect(scenario.validationIssues().isEmpty)
    }

    @Test("conditional components are honoured")
    func conditionals() {
        let withRamp = true
        let scenario = Scenario("cond") {
            if withRamp {
                Phase("ramp", .rampingRate(from: 0, to: 10, over: .seconds(2)))
            } else {
                Phase("flat", .constantRate(5, for: .seconds(2)))
            }
            for index in 0..<3 { Phase("p\(index)", .constantRate(1, for: .seconds(1))) }
        }
        #expect(scenario.phases.map(\.name) == ["ramp", "p0", "p1", "p2"])
    }

    typealias Case = (name: String, scenario: Scenario, path: String, fragment: String)

    static let invalidCases: [Case] = [
        ("no phases", Scenario("empty") {}, "phases", "at least one Phase"),
        ("zero rate", Scenario("s") { Phase("p", .constantRate(0, for: .seconds(1))) { Mix { CreateTargetGroup() } } },
         "phases[0] \"p\".executor.rate", "must be > 0 and <= 1000000 per second (got 0.0)"),
        ("huge rate", Scenario("s") { Phase("p", .constantRate(2_000_000, for: .seconds(1))) { Mix { CreateTargetGroup() } } },
         "phases[0] \"p\".executor.rate", "<= 1000000"),
        ("zero duration", Scenario("s") { Phase("p", .constantRate(5, for: .zero)) { Mix { CreateTargetGroup() } } },
         "phases[0] \"p\".executor.duration", "must be > 0"),
        ("zero workers", Scenario("s") { Phase("p", .constantConcurrency(0, for: .seconds(1))) { Mix { CreateTargetGroup() } } },
         "phases[0] \"p\".executor.workers", "must be in 1...10000 (got 0)"),
        ("duplicate phase", Scenario("s") {
            Mix { CreateTargetGroup() }
            Phase("p", .constantRate(5, for: .seconds(1)))
            Phase("p", .constantRate(5, for: .seconds(1)))
        }, "phases[1].name", "used by an earlier phase"),
        ("batch over 100", Scenario("s") {
            Setup { TargetGroups(1) }
            Phase("p", .constantRate(5, for: .seconds(1))) { Mix { RegisterTargets(batch: 1...101) } }
        }, "phases[0] \"p\".mix[0] RegisterTargets.batch", "must lie in 1...100"),
        ("batch-get over 25", Scenario("s") {
            Setup { Deployment(targets: 10) }
            Phase("p", .constantRate(5, for: .seconds(1))) { Mix { BatchGetDeploymentTargets(ids: 26) } }
        }, "phases[0] \"p\".mix[0] BatchGetDeploymentTargets.ids", "must lie in 1...25"),
        ("31 attributes", Scenario("s") {
            Setup { CloudMapService() }
            Phase("p", .constantRate(5, for: .seconds(1))) { Mix { RegisterInstance(attributes: 31) } }
        }, "phases[0] \"p\".mix[0] RegisterInstance.attributes", "must be in 0...30"),
        ("missing fixture", Scenario("s") { Phase("p", .constantRate(5, for: .seconds(1))) { Mix { RegisterInstance() } } },
         "phases[0] \"p\".mix[0] RegisterInstance", "needs CloudMapService"),
        ("zero weight", Scenario("s") { Phase("p", .constantRate(5, for: .seconds(1))) { Mix { CreateTargetGroup().weight(0) } } },
         "phases[0] \"p\".mix[0] CreateTargetGroup.weight", "must be in 1...1000000"),
        ("invalid fraction", Scenario("s") { Phase("p", .constantRate(5, for: .seconds(1))) { Mix { CreateTargetGroup().invalid(1.5) } } },
         "phases[0] \"p\".mix[0] CreateTargetGroup.invalid", "fraction in 0...1"),
        ("bad name prefix", Scenario("s") { Phase("p", .constantRate(5, for: .seconds(1))) { Mix { CreateTargetGroup(namePrefix: "tg-x") } } },
         "phases[0] \"p\".mix[0] CreateTargetGroup.namePrefix", "not start with 'tg-'"),
        ("too many target groups", Scenario("s") {
            Setup { TargetGroups(1_001) }
            Phase("p", .constantRate(5, for: .seconds(1))) { Mix { RegisterTargets() } }
        }, "setup[0].count", "must be in 1...1000"),
        ("max in flight", Scenario("s") {
            MaxInFlight(0)
            Phase("p", .constantRate(5, for: .seconds(1))) { Mix { CreateTargetGroup() } }
        }, "maxInFlight", "must be in 1...100000"),
    ]

    @Test("each bad value is reported with its field path and allowed range", arguments: invalidCases)
    func invalid(_ testCase: Case) {
        let issues = testCase.scenario.validationIssues()
        #expect(issues.contains { $0.path == testCase.path && $0.message.contains(testCase.fragment) },
                "\(testCase.name): got \(issues)")
    }

    @Test("validate() throws every issue at once")
    func throwsAll() {
        let scenario = Scenario("s") {
            MaxInFlight(0)
            Phase("p", .constantRate(-1, for: .seconds(1))) { Mix { BatchGetDeploymentTargets(ids: 30) } }
        }
        #expect(throws: ScenarioValidationError.self) { try scenario.validate() }
        #expect(scenario.validationIssues().count >= 4)
    }
}
