import AWSModel
import BenchCore
import Foundation
import Emulator
import Synchronization
import Testing

@Suite("CodeDeploy targets")
struct CodeDeployTargetTests {
    @Test("every platform answers typed targets in its own id format", arguments: ComputePlatform.allCases)
    func typedAnswer(platform: ComputePlatform) throws {
        let fixture = CodeDeployFixture()
        let (id, targetIds) = try fixture.deployment(platform, targets: 5)
        #expect(CodeDeployIdentifier.isDeploymentId(id))
        #expect(targetIds.count == 5 && Set(targetIds).count == 5)
        let targets = try fixture.targets(targetIds, of: id)
        #expect(targets.map(\.targetId) == targetIds)
        for target in targets {
            let targetId = try #require(target.targetId)
            #expect(CodeDeployIdentifier.isTargetId(targetId, for: platform))
            #expect(target.deploymentTargetType == platform.deploymentTargetType)
            let typed: [Any?] = [target.instanceTarget, target.lambdaTarget, target.ecsTarget,
                                 target.cloudFormationTarget]
            #expect(typed.compactMap { $0 }.count == 1)
            switch platform {
            case .server:
                let instance = try #require(target.instanceTarget)
                #expect(targetId.utf8.count == 19 && targetId.hasPrefix("i-"))
                #expect(instance.deploymentId == id)
                #expect(instance.targetArn == "arn:aws:ec2:us-east-1:123456789012:instance/\(targetId)")
                #expect(instance.instanceLabel == "Blue")
                #expect(instance.lifecycleEvents?.map(\.lifecycleEventName) == [
                    "ApplicationStop", "DownloadBundle", "BeforeInstall", "Install", "AfterInstall",
                    "ApplicationStart", "ValidateService",
                ])
            case .lambda:
                let lambda = try #require(target.lambdaTarget)
                #expect(lambda.deploymentId == id)
                #expect(lambda.lambdaFunctionInfo?.functionName == targetId)
                #expect(lambda.targetArn == "arn:aws:lambda:us-east-1:123456789012:function:\(targetId):live")
                #expect(lambda.lifecycleEvents?.map(\.lifecycleEventName) == [
                    "BeforeAllowTraffic", "AllowTraffic", "AfterAllowTraffic",
                ])
            case .ecs:
                let ecs = try #require(target.ecsTarget)
                let parts = targetId.split(separator: ":").map(String.init)
                #expect(ecs.deploymentId == id)
                #expect(ecs.targetArn == "arn:aws:ecs:us-east-1:123456789012:service/\(parts[0])/\(parts[1])")
                #expect(ecs.taskSetsInfo?.map(\.taskSetLabel) == ["Blue", "Green"])
                #expect(ecs.lifecycleEvents?.contains { $0.lifecycleEventName == "AllowTraffic" } == true)
            case .cloudFormation:
                let stack = try #require(target.cloudFormationTarget)
                #expect(stack.deploymentId == id)
                #expect(targetId.hasPrefix("arn:aws:cloudformation:us-east-1:123456789012:stack/"))
                #expect(stack.resourceType == "AWS::ECS::Service")
            }
        }
    }

    @Test("the answer holds exactly the requested targets, in request order, repeats answered once")
    func exactSet() throws {
        let fixture = CodeDeployFixture()
        let (id, targetIds) = try fixture.deployment(.server, targets: 10)
        let request = [targetIds[7], targetIds[2], targetIds[7], targetIds[9], targetIds[2], targetIds[0]]
        let answer = try fixture.emulator.batchGetDeploymentTargets(.init(deploymentId: id, targetIds: request))
        #expect(answer.deploymentTargets?.map(\.targetId) == [targetIds[7], targetIds[2], targetIds[9], targetIds[0]])
        let single = try fixture.emulator.getDeploymentTarget(.init(deploymentId: id, targetId: targetIds[4]))
        #expect(single.deploymentTarget == (try fixture.targets([targetIds[4]], of: id)).first)
    }

    @Test("statuses follow the clock: pending or in progress at creation, all succeeded once the events ran",
          arguments: ComputePlatform.allCases)
    func lifecycleProgress(platform: ComputePlatform) throws {
        let fixture = CodeDeployFixture()
        let (id, targetIds) = try fixture.deployment(platform, targets: 8)
        let early = try fixture.targets(targetIds, of: id)
        #expect(early.allSatisfy { $0.status == "Pending" || $0.status == "InProgress" })
        let info = try #require(fixture.emulator.getDeployment(.init(deploymentId: id)).deploymentInfo)
        #expect(info.status == "InProgress")
        #expect(info.createTime == fixture.clock.date(of: .zero))
        #expect(info.computePlatform == (platform == .cloudFormation ? "ECS" : platform.rawValue))
        #expect(info.applicationName == "bench-\(platform.rawValue.lowercased())")
        #expect(info.deploymentOverview?.succeeded == 0)
        #expect((info.deploymentOverview?.pending ?? 0) + (info.deploymentOverview?.inProgress ?? 0) == 8)

        // Mid-way the overview agrees with the targets' own statuses.
        fixture.clock.advance(by: 3_000_000_000)
        let middle = try fixture.targets(targetIds, of: id)
        let overview = try #require(fixture.emulator.getDeployment(.init(deploymentId: id)).deploymentInfo?
            .deploymentOverview)
        #expect(overview.pending == middle.filter { $0.status == "Pending" }.count)
        #expect(overview.inProgress == middle.filter { $0.status == "InProgress" }.count)
        #expect(overview.succeeded == middle.filter { $0.status == "Succeeded" }.count)

        // Longest schedule: 1 s start delay + 8 events of at most 2 s.
        fixture.clock.advance(by: 20_000_000_000)
        let late = try fixture.targets(targetIds, of: id)
        #expect(late.allSatisfy { $0.status == "Succeeded" })
        let done = try #require(fixture.emulator.getDeployment(.init(deploymentId: id)).deploymentInfo)
        #expect(done.status == "Succeeded" && done.deploymentOverview?.succeeded == 8)
        // A finished target reads the same whenever it is read (its answer is built once, at its end), and says
        // it was last updated when its last event ended.
        fixture.clock.advance(by: 60_000_000_000)
        #expect(try fixture.targets(targetIds, of: id) == late)
        for target in late {
            #expect(lastUpdated(of: target) == lifecycleEvents(of: target).last?.endTime)
        }
        for target in late {
            let events = lifecycleEvents(of: target)
            #expect(!events.isEmpty)
            #expect(events.allSatisfy {
                $0.status == "Succeeded" && $0.diagnostics?.errorCode == "Success" && $0.startTime != nil
                    && $0.endTime != nil && $0.startTime! < $0.endTime!
            })
            // Back to back: each event starts when the one before it ended.
            #expect(zip(events, events.dropFirst()).allSatisfy { $0.endTime == $1.startTime })
        }
        if platform == .lambda {
            #expect(early.allSatisfy { $0.lambdaTarget?.lambdaFunctionInfo?.targetVersionWeight == 0 })
            #expect(late.allSatisfy { $0.lambdaTarget?.lambdaFunctionInfo?.targetVersionWeight == 1 })
        }
        if platform == .ecs {
            #expect(late.allSatisfy { $0.ecsTarget?.taskSetsInfo?.map(\.trafficWeight) == [0, 100] })
        }
    }

    @Test("a target read again while in progress answers what a first read at that moment answers",
          arguments: ComputePlatform.allCases)
    func repeatedReads(platform: ComputePlatform) throws {
        let reader = CodeDeployFixture()
        let (id, targetIds) = try reader.deployment(platform, targets: 6)
        // Every 100 ms through the whole schedule (1 s start delay + 8 events of at most 2 s), and either side of
        // every event's start and end (read off a finished copy, to the millisecond): a kept answer must change
        // exactly when a fresh emulator's first read does.
        var instants: [UInt64] = Array(stride(from: 0, through: 20_000_000_000, by: 100_000_000))
        let finished = CodeDeployFixture()
        _ = try finished.deployment(platform, targets: 6)
        finished.clock.advance(to: Instant(nanoseconds: 60_000_000_000))
        let origin = finished.clock.date(of: .zero)
        for target in try finished.targets(targetIds, of: id) {
            for event in lifecycleEvents(of: target) {
                for date in [event.startTime, event.endTime].compactMap({ $0 }) {
                    let milliseconds = UInt64((date.timeIntervalSince(origin) * 1_000).rounded())
                    instants += [milliseconds * 1_000_000 - 1_000_000, milliseconds * 1_000_000 + 2_000_000]
                }
            }
        }
        #expect(instants.count > 201 + 6 * 2 * 2)  // the grid, and both sides of at least two boundaries a target
        for instant in instants.sorted() {
            reader.clock.advance(to: Instant(nanoseconds: instant))
            let fresh = CodeDeployFixture()
            let (freshId, freshIds) = try fresh.deployment(platform, targets: 6)
            #expect(freshId == id && freshIds == targetIds)
            fresh.clock.advance(to: Instant(nanoseconds: instant))
            let expected = try fresh.targets(freshIds, of: freshId)
            #expect(try reader.targets(targetIds, of: id) == expected, "at \(instant) ns")
            #expect(try reader.targets(targetIds, of: id) == expected, "at \(instant) ns, read twice")
        }
    }

    /// Each reading thread keeps answers of its own (`ThreadSlot`): reads on many threads, through the schedule,
    /// answer what one thread's reads answer, whichever replica served them and whatever it kept from before.
    @Test("reads on many threads at once answer what one thread's reads answer",
          arguments: [ComputePlatform.server, .ecs])
    func concurrentReads(platform: ComputePlatform) throws {
        let shared = CodeDeployFixture()
        let (id, targetIds) = try shared.deployment(platform, targets: 30)
        let single = CodeDeployFixture()
        _ = try single.deployment(platform, targets: 30)
        for instant in stride(from: UInt64(0), through: 20_000_000_000, by: 250_000_000) {
            shared.clock.advance(to: Instant(nanoseconds: instant))
            single.clock.advance(to: Instant(nanoseconds: instant))
            let expected = try single.targets(targetIds, of: id)
            let differing = Atomic<Int>(0)
            DispatchQueue.concurrentPerform(iterations: 8) { reader in
                // Each reader its own rotation of the ids, so replicas also see them in different orders.
                let turn = reader * 7 % targetIds.count
                let ids: [String] = Array(targetIds[turn...]) + Array(targetIds[..<turn])
                let read = (try? shared.targets(ids, of: id)) ?? []
                let byId = Dictionary(uniqueKeysWithValues: expected.map { ($0.targetId ?? "", $0) })
                if read.count != ids.count || zip(read, ids).contains(where: { byId[$1] != $0 }) {
                    differing.add(1, ordering: .relaxed)
                }
            }
            #expect(differing.load(ordering: .relaxed) == 0, "at \(instant) ns")
        }
    }

    @Test("a deployment with no targets lists none and has succeeded")
    func emptyDeployment() throws {
        let fixture = CodeDeployFixture()
        let (id, targetIds) = try fixture.deployment(.server, targets: -3)
        #expect(targetIds.isEmpty)
        #expect(try fixture.emulator.getDeployment(.init(deploymentId: id)).deploymentInfo?.status == "Succeeded")
    }

    private func lifecycleEvents(of target: DeploymentTarget) -> [LifecycleEvent] {
        target.instanceTarget?.lifecycleEvents ?? target.lambdaTarget?.lifecycleEvents
            ?? target.ecsTarget?.lifecycleEvents ?? target.cloudFormationTarget?.lifecycleEvents ?? []
    }

    private func lastUpdated(of target: DeploymentTarget) -> Date? {
        target.instanceTarget?.lastUpdatedAt ?? target.lambdaTarget?.lastUpdatedAt
            ?? target.ecsTarget?.lastUpdatedAt ?? target.cloudFormationTarget?.lastUpdatedAt
    }
}
