import AWSModel
import BenchCore
import Foundation
import Synchronization

extension CodeDeployEmulator {
    /// The statuses the emulator's targets and lifecycle events go through.
    enum Status {
        static let pending = "Pending"
        static let inProgress = "InProgress"
        static let succeeded = "Succeeded"

        /// The status at `now` of something that runs from `start` to `end`.
        static func of(start: Instant, end: Instant, at now: Instant) -> String {
            now < start ? pending : now < end ? inProgress : succeeded
        }
    }

    /// The wire date of `instant`, cut to whole milliseconds: the precision of the real service's epoch-seconds
    /// timestamps (`1516925490.087`), so that an answer reads the same in process and after a trip over the wire.
    static func wireDate(_ instant: Instant, clock: any BenchClock) -> Date {
        clock.date(of: Instant(nanoseconds: instant.nanoseconds - instant.nanoseconds % 1_000_000))
    }

    /// The diagnostics of a lifecycle event that has ended (every emulated hook succeeds).
    static let successDiagnostics = Diagnostics(errorCode: "Success", scriptName: "", message: "Succeeded", logTail: "")

    /// One lifecycle event of a stored target: its name and when it runs on the emulator clock.
    struct EventWindow: Sendable {
        let name: String
        let start: Instant
        let end: Instant

        func status(at now: Instant) -> String { Status.of(start: start, end: end, at: now) }

        /// The event as the API shows it at `now`: times only once they have passed, diagnostics once it ended.
        func materialize(at now: Instant, clock: any BenchClock) -> LifecycleEvent {
            let ended = now >= end
            return LifecycleEvent(
                lifecycleEventName: name,
                diagnostics: ended ? successDiagnostics : nil,
                startTime: now >= start ? wireDate(start, clock: clock) : nil,
                endTime: ended ? wireDate(end, clock: clock) : nil,
                status: status(at: now))
        }
    }

    /// What a target holds beyond its id and schedule: the platform-specific members it answers with.
    enum TargetDetail: Sendable {
        case instance(arn: String, label: String)
        case lambda(arn: String, functionName: String)
        case ecs(arn: String, blueTaskSet: String, greenTaskSet: String, targetGroupStem: String)
        case cloudFormation
    }

    /// One target of a stored deployment. Its lifecycle events run back to back, so its status follows from
    /// the clock alone: `Pending` before the first event starts, `Succeeded` once the last one has ended.
    ///
    /// A class, immutable: every target of a batch read is looked up, and a lookup that copied the value retained
    /// each of its strings and its event list (and released them after), where a reference is one retain.
    final class StoredTarget: Sendable {
        static let lambdaAlias = "live"
        static let lambdaVersions = (current: "1", target: "2")
        static let ecsDesiredCount = 2
        static let cloudFormationResourceType = "AWS::ECS::Service"

        let targetId: String
        let detail: TargetDetail
        /// Never empty.
        let events: [EventWindow]

        init(targetId: String, detail: TargetDetail, events: [EventWindow]) {
            self.targetId = targetId
            self.detail = detail
            self.events = events
        }

        var start: Instant { events[0].start }
        var end: Instant { events[events.count - 1].end }

        func status(at now: Instant) -> String { Status.of(start: start, end: end, at: now) }

        /// The latest event boundary at or before `now`, or `created` when nothing has started yet.
        func lastUpdated(at now: Instant, created: Instant) -> Instant {
            for event in events.reversed() {
                if now >= event.end { return event.end }
                if now >= event.start { return event.start }
            }
            return created
        }

        /// Whether production traffic has moved to the new version (the `AllowTraffic` event has ended).
        func trafficShifted(at now: Instant) -> Bool {
            events.contains { $0.name == "AllowTraffic" && now >= $0.end }
        }

        /// The target as the API shows it at `now`, typed per platform.
        /// - Complexity: O(number of lifecycle events).
        func materialize(deploymentId: String, created: Instant, at now: Instant, clock: any BenchClock)
            -> DeploymentTarget
        {
            let status = status(at: now)
            let updated = wireDate(lastUpdated(at: now, created: created), clock: clock)
            let lifecycle = events.map { $0.materialize(at: now, clock: clock) }
            let shifted = trafficShifted(at: now)
            switch detail {
            case .instance(let arn, let label):
                return .instance(InstanceTarget(
                    deploymentId: deploymentId, targetId: targetId, targetArn: arn, status: status,
                    lastUpdatedAt: updated, lifecycleEvents: lifecycle, instanceLabel: label))
            case .lambda(let arn, let functionName):
                let info = LambdaFunctionInfo(
                    functionName: functionName, functionAlias: Self.lambdaAlias,
                    currentVersion: Self.lambdaVersions.current, targetVersion: Self.lambdaVersions.target,
                    targetVersionWeight: shifted ? 1 : 0)
                return .lambda(LambdaTarget(
                    deploymentId: deploymentId, targetId: targetId, targetArn: arn, status: status,
                    lastUpdatedAt: updated, lifecycleEvents: lifecycle, lambdaFunctionInfo: info))
            case .ecs(let arn, let blue, let green, let stem):
                let taskSets = [
                    taskSet(blue, label: "Blue", serving: !shifted, targetGroup: stem + "-blue"),
                    taskSet(green, label: "Green", serving: shifted, targetGroup: stem + "-green"),
                ]
                return .ecs(ECSTarget(
                    deploymentId: deploymentId, targetId: targetId, targetArn: arn, lastUpdatedAt: updated,
                    lifecycleEvents: lifecycle, status: status, taskSetsInfo: taskSets))
            case .cloudFormation:
                return .cloudFormation(CloudFormationTarget(
                    deploymentId: deploymentId, targetId: targetId, lastUpdatedAt: updated,
                    lifecycleEvents: lifecycle, status: status, resourceType: Self.cloudFormationResourceType,
                    targetVersionWeight: shifted ? 100 : 0))
            }
        }

        private func taskSet(_ identifier: String, label: String, serving: Bool, targetGroup: String) -> ECSTaskSet {
            ECSTaskSet(
                identifer: identifier, desiredCount: Self.ecsDesiredCount, pendingCount: 0,
                runningCount: Self.ecsDesiredCount, status: serving ? "PRIMARY" : "ACTIVE",
                trafficWeight: serving ? 100 : 0, targetGroup: TargetGroupInfo(name: targetGroup),
                taskSetLabel: label)
        }
    }

    /// A deployment and its targets. Immutable once created: reads take it out of the lock and build their answers
    /// without holding the lock. A class, so that taking it is one retain: as a struct, every read copied its dozen
    /// members (a retain and a release each), a sixteenth of the cheapest call's CPU.
    final class StoredDeployment: Sendable {
        let id: String
        let platform: ComputePlatform
        let applicationName: String
        let deploymentGroupName: String
        let created: Instant
        /// The targets in creation order: the order `ListDeploymentTargets` pages through.
        let targets: [StoredTarget]
        /// The position of each target id in ``targets`` and in each replica's answers: the one hashed look-up a
        /// read of a target makes, so a ``ShardedDictionary`` for its cheaper hash, not for its growth.
        let positions: ShardedDictionary<String, Int>
        /// Every target's first-event start and last-event end, each sorted, for O(log n) overviews.
        let sortedStarts: [Instant]
        let sortedEnds: [Instant]
        /// Every target's event starts and ends, target after target (each target's ascending, as its events run
        /// back to back), with target `p`'s at `boundaryOffsets[p]..<boundaryOffsets[p + 1]`: a read counts a
        /// target's boundaries passed in one array both cores only read, without touching the target.
        let boundaries: [Instant]
        let boundaryOffsets: [Int]
        /// The answers reads take, one replica per reading thread (``ThreadSlot``): each holds its own answer
        /// objects and its own lock, so that reads on two cores retain different objects and take different locks.
        let replicas: [AnswerReplica]

        init(
            id: String, platform: ComputePlatform, applicationName: String, deploymentGroupName: String,
            created: Instant, targets ordered: [StoredTarget], clock: any BenchClock
        ) {
            self.id = id
            self.platform = platform
            self.applicationName = applicationName
            self.deploymentGroupName = deploymentGroupName
            self.created = created
            targets = ordered
            var positions = ShardedDictionary<String, Int>()
            for (position, target) in ordered.enumerated() { positions[target.targetId] = position }
            self.positions = positions
            sortedStarts = ordered.map(\.start).sorted()
            sortedEnds = ordered.map(\.end).sorted()
            var boundaries: [Instant] = []
            var boundaryOffsets = [0]
            for target in ordered {
                for event in target.events { boundaries += [event.start, event.end] }
                boundaryOffsets.append(boundaries.count)
            }
            self.boundaries = boundaries
            self.boundaryOffsets = boundaryOffsets
            replicas = (0..<AnswerReplica.count).map { _ in AnswerReplica() }
        }

        /// How many of the starts and ends of the target at `position` are at or before `now`: everything its answer
        /// shows changes only when this count does. O(lifecycle events).
        private func boundariesPassed(at position: Int, at now: Instant) -> Int {
            var passed = 0
            for index in boundaryOffsets[position]..<boundaryOffsets[position + 1] where boundaries[index] <= now {
                passed += 1
            }
            return passed
        }

        /// The targets at `positions` in ``targets``, in that order, as the API shows them at `now`, from the calling
        /// thread's replica (``AnswerReplica``), under its lock, taken once for all of them.
        /// - Complexity: O(positions x lifecycle events), and materialising a target (dates, strings) only on its
        ///   first read on this replica after one of its events started or ended.
        func answers(at positions: some Collection<Int>, at now: Instant, clock: any BenchClock) -> [DeploymentTarget] {
            var answers: [DeploymentTarget] = []
            answers.reserveCapacity(positions.count + 1)  // + 1: room for the extraBatchGetIds mutation's target
            // Each target's boundary count, counted before the lock, so that the lock is held for array reads only
            // (and for a rare materialisation).
            withUnsafeTemporaryAllocation(of: Int.self, capacity: positions.count) { passed in
                for (slot, position) in positions.enumerated() {
                    passed[slot] = boundariesPassed(at: position, at: now)
                }
                ThreadSlot.replica(of: replicas).withEntries(count: targets.count) { entries in
                    for (slot, position) in positions.enumerated() {
                        if let entry = entries[position], entry.boundariesPassed == passed[slot] {
                            answers.append(entry.answer)
                        } else {
                            let made = targets[position].materialize(
                                deploymentId: id, created: created, at: now, clock: clock)
                            entries[position] = (passed[slot], made)
                            answers.append(made)
                        }
                    }
                }
            }
            return answers
        }

        /// The target at `position` in ``targets``, as the API shows it at `now` (``answers(at:at:clock:)``).
        func answer(at position: Int, at now: Instant, clock: any BenchClock) -> DeploymentTarget {
            answers(at: CollectionOfOne(position), at: now, clock: clock)[0]
        }

        /// The deployment as `GetDeployment` shows it at `now`: `InProgress` until every target has succeeded.
        /// - Complexity: O(log n) in the number of targets.
        func info(at now: Instant, clock: any BenchClock) -> DeploymentInfo {
            let started = Self.countNotAfter(now, in: sortedStarts)
            let succeeded = Self.countNotAfter(now, in: sortedEnds)
            let overview = DeploymentOverview(
                pending: targets.count - started, inProgress: started - succeeded, succeeded: succeeded,
                failed: 0, skipped: 0, ready: 0)
            return DeploymentInfo(
                deploymentId: id, applicationName: applicationName, deploymentGroupName: deploymentGroupName,
                status: succeeded == targets.count ? Status.succeeded : Status.inProgress,
                computePlatform: platform.wireValue, createTime: wireDate(created, clock: clock),
                deploymentOverview: overview)
        }

        /// How many elements of the ascending `sorted` are at or before `instant` (binary search).
        private static func countNotAfter(_ instant: Instant, in sorted: [Instant]) -> Int {
            var low = 0
            var high = sorted.count
            while low < high {
                let middle = (low + high) / 2
                if sorted[middle] <= instant { low = middle + 1 } else { high = middle }
            }
            return low
        }
    }
}

extension CodeDeployEmulator {
    /// One reading thread's answers of a deployment's targets (``StoredDeployment/replicas``): the last answer made
    /// for each target read, with the count of event boundaries passed when it was made. A target's answer changes
    /// only when that count does, so under load a target is materialised once per boundary (and once after its last
    /// event ended) instead of once per read; materialising was an eighth of the P3 pipeline's CPU while its
    /// deployment ran.
    ///
    /// Thread-safe: a read takes the lock once for all its targets (array reads by position, no hashing). Each
    /// reading thread has a replica of its own (``ThreadSlot``), so the lock is not contended and the answers a read
    /// retains are not retained on another core. With one set of answers shared by every read, the reference counts
    /// and the lock both cores wrote cost a batch read of the P3 deployment about 0.7 us: 5.3-5.6 us of CPU a call
    /// with one worker, 6.1-6.4 us with two.
    final class AnswerReplica: Sendable {
        /// Replicas a deployment keeps: twice the cores, so that the threads reading at once rarely share one.
        static let count = 2 * max(1, ProcessInfo.processInfo.activeProcessorCount)

        /// The answer last made for a target, and the boundary count it was made at.
        typealias Entry = (boundariesPassed: Int, answer: DeploymentTarget)

        /// By target position; empty until this replica's first read.
        private let entries = Mutex<[Entry?]>([])

        /// Calls `body` with the entries (room for `count` targets), under the lock.
        func withEntries<Result>(count: Int, _ body: (inout [Entry?]) -> Result) -> Result {
            entries.withLock { entries in
                if entries.isEmpty { entries = Array(repeating: nil, count: count) }
                return body(&entries)
            }
        }
    }
}
