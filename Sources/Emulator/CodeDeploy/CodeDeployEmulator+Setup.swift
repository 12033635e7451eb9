import AWSModel
import BenchCore
import Synchronization

extension CodeDeployEmulator {
    /// The ECS cluster every generated ECS target belongs to.
    static let ecsCluster = "bench-cluster"
    /// A target's first lifecycle event starts up to this long after the deployment is created.
    static let maximumStartDelayNanoseconds: UInt64 = 1_000_000_000
    /// How long one lifecycle event runs.
    static let eventDurationNanoseconds: ClosedRange<UInt64> = 200_000_000...2_000_000_000

    /// Creates a started deployment of `platform` with `targetCount` generated targets, and returns its id
    /// (`d-` + 9 of `[0-9A-Z]`). Used by scenario fixtures and `bench serve --deployments N`.
    ///
    /// Targets have the platform's id format: `Server` instance ids `i-` + 17 hex digits, `Lambda` function
    /// names, `ECS` `<cluster>:<service>` pairs, `CloudFormation` stack ids. Each runs the platform's lifecycle
    /// events back to back from a short seeded delay after creation, each event taking 0.2-2 s of the clock.
    ///
    /// A real ECS or Lambda deployment has exactly one target. Here `targetCount` is honoured for every platform
    /// (each target its own function, service or stack), so a load test can batch-get 25 distinct ids against
    /// any platform; pass 1 for the real shape. A negative `targetCount` counts as 0.
    ///
    /// The deployment belongs to application `bench-<platform>` and deployment group `bench-<platform>-group`
    /// (platform in lower case). The ledger gets one `created` entry, resource type `Deployment`, parent the
    /// application.
    /// - Complexity: O(targetCount).
    @discardableResult
    public func createDeployment(platform: ComputePlatform, targetCount: Int, context: RequestContext) -> String {
        let created = clock.now
        let stem = "bench-" + platform.rawValue.lowercased()
        let application = stem
        let group = stem + "-group"
        var digest = StableDigest()
        digest.combine(platform.rawValue)
        digest.combine(targetCount)
        return state.withLock { state in
            var id: String
            repeat {
                id = state.ids.id("d-", 9, from: IDGenerator.upperAlphanumeric)
            } while state.deployments[id] != nil
            var targets: [StoredTarget] = []
            var taken = Set<String>()
            for _ in 0..<max(0, targetCount) {
                var target: StoredTarget
                repeat {
                    target = state.makeTarget(platform: platform, created: created, configuration: configuration)
                } while !taken.insert(target.targetId).inserted
                targets.append(target)
            }
            state.deployments[id] = StoredDeployment(
                id: id, platform: platform, applicationName: application, deploymentGroupName: group,
                created: created, targets: targets, clock: clock)
            state.order.append(id)
            state.applications[application, default: []].insert(group)
            ledger.append(LedgerEntry(
                time: created, service: .codeDeploy, operation: "CreateDeployment", change: .created,
                resourceType: "Deployment", resourceId: id, parentId: application, parameterDigest: digest.hex,
                context: context))
            return id
        }
    }
}

extension ComputePlatform {
    /// The lifecycle events a target of this platform goes through, in order. CloudFormation blue/green
    /// deployments deploy ECS services and run the ECS hooks.
    var lifecycleEventNames: [String] {
        switch self {
        case .server:
            ["ApplicationStop", "DownloadBundle", "BeforeInstall", "Install", "AfterInstall", "ApplicationStart",
             "ValidateService"]
        case .lambda:
            ["BeforeAllowTraffic", "AllowTraffic", "AfterAllowTraffic"]
        case .ecs, .cloudFormation:
            ["BeforeInstall", "Install", "AfterInstall", "AllowTestTraffic", "AfterAllowTestTraffic",
             "BeforeAllowTraffic", "AllowTraffic", "AfterAllowTraffic"]
        }
    }
}

extension CodeDeployEmulator.State {
    private static let digits = Array("0123456789".utf8)

    /// A new target of `platform`: a seeded id in the platform's format and a seeded event schedule.
    mutating func makeTarget(
        platform: ComputePlatform, created: Instant, configuration: EmulatorConfiguration
    ) -> CodeDeployEmulator.StoredTarget {
        let arnPrefix = { (service: String) in "arn:aws:\(service):\(configuration.region):\(configuration.account):" }
        let targetId: String
        let detail: CodeDeployEmulator.TargetDetail
        switch platform {
        case .server:
            targetId = ids.id("i-", 17, from: IDGenerator.hexDigits)
            detail = .instance(arn: arnPrefix("ec2") + "instance/" + targetId, label: "Blue")
        case .lambda:
            targetId = ids.id("bench-fn-", 8)
            detail = .lambda(
                arn: arnPrefix("lambda") + "function:\(targetId):\(CodeDeployEmulator.StoredTarget.lambdaAlias)",
                functionName: targetId)
        case .ecs:
            let suffix = ids.string(8, from: IDGenerator.lowerAlphanumeric)
            let service = "bench-svc-" + suffix
            targetId = CodeDeployEmulator.ecsCluster + ":" + service
            detail = .ecs(
                arn: arnPrefix("ecs") + "service/\(CodeDeployEmulator.ecsCluster)/\(service)",
                blueTaskSet: ids.id("ecs-svc/", 19, from: Self.digits),
                greenTaskSet: ids.id("ecs-svc/", 19, from: Self.digits),
                targetGroupStem: "bench-tg-" + suffix)
        case .cloudFormation:
            let name = ids.id("bench-stack-", 8)
            targetId = arnPrefix("cloudformation") + "stack/\(name)/" + ids.uuid()
            detail = .cloudFormation
        }
        let start = created.advanced(by: draw(0...CodeDeployEmulator.maximumStartDelayNanoseconds))
        return CodeDeployEmulator.StoredTarget(
            targetId: targetId, detail: detail, events: schedule(platform.lifecycleEventNames, from: start))
    }

    /// Back-to-back windows for `names`, starting at `start`, each of a seeded duration.
    private mutating func schedule(_ names: [String], from start: Instant) -> [CodeDeployEmulator.EventWindow] {
        var time = start
        return names.map { name in
            let end = time.advanced(by: draw(CodeDeployEmulator.eventDurationNanoseconds))
            defer { time = end }
            return CodeDeployEmulator.EventWindow(name: name, start: time, end: end)
        }
    }

    /// A seeded value in `range`.
    private mutating func draw(_ range: ClosedRange<UInt64>) -> UInt64 {
        range.lowerBound + timing.next() % (range.upperBound - range.lowerBound + 1)
    }
}
