/// One target of a deployment (`DeploymentTarget`): a type tag plus the typed target of that type.
///
/// Exactly one of the four typed members is set, the one ``deploymentTargetType`` names
/// (`InstanceTarget | LambdaTarget | ECSTarget | CloudFormationTarget`).
public struct DeploymentTarget: Sendable, Hashable, Codable {
    /// The members as a plain value: what is stored, compared, hashed and coded.
    @usableFromInline
    struct Members: Sendable, Hashable, Codable {
        @usableFromInline var deploymentTargetType: String?
        @usableFromInline var instanceTarget: InstanceTarget?
        @usableFromInline var lambdaTarget: LambdaTarget?
        @usableFromInline var ecsTarget: ECSTarget?
        @usableFromInline var cloudFormationTarget: CloudFormationTarget?
    }

    /// The members behind one reference, never changed once made: a setter makes a new box.
    ///
    /// A batch read copies up to 25 targets out of the emulator's kept answers into its answer, and the answer
    /// is copied again on its way to the caller. Copying the members retained every string of the typed target
    /// and its lifecycle events (and released them after); copying the box is one retain.
    @usableFromInline
    final class Box: Sendable {
        @usableFromInline let members: Members
        /// The typed target's `targetId`, kept beside the members: read as a field of the box, a comparison with it
        /// borrows the string. Read through the typed target, it was retained and released for every comparison,
        /// and the emulator's kept answers are read on both cores, so each of those wrote a reference count both
        /// cores share (1.2 % of the P3 pipeline's CPU, in the history line's check of a batch read's ids).
        @usableFromInline let targetId: String?

        @usableFromInline init(_ members: Members) {
            self.members = members
            targetId = members.instanceTarget?.targetId ?? members.lambdaTarget?.targetId
                ?? members.ecsTarget?.targetId ?? members.cloudFormationTarget?.targetId
        }
    }

    @usableFromInline var box: Box

    public var deploymentTargetType: String? {
        @inlinable get { box.members.deploymentTargetType }
        set { change { $0.deploymentTargetType = newValue } }
    }
    public var instanceTarget: InstanceTarget? {
        @inlinable get { box.members.instanceTarget }
        set { change { $0.instanceTarget = newValue } }
    }
    public var lambdaTarget: LambdaTarget? {
        @inlinable get { box.members.lambdaTarget }
        set { change { $0.lambdaTarget = newValue } }
    }
    public var ecsTarget: ECSTarget? {
        @inlinable get { box.members.ecsTarget }
        set { change { $0.ecsTarget = newValue } }
    }
    public var cloudFormationTarget: CloudFormationTarget? {
        @inlinable get { box.members.cloudFormationTarget }
        set { change { $0.cloudFormationTarget = newValue } }
    }

    public init(
        deploymentTargetType: String? = nil, instanceTarget: InstanceTarget? = nil,
        lambdaTarget: LambdaTarget? = nil, ecsTarget: ECSTarget? = nil,
        cloudFormationTarget: CloudFormationTarget? = nil
    ) {
        box = Box(
            Members(
                deploymentTargetType: deploymentTargetType, instanceTarget: instanceTarget,
                lambdaTarget: lambdaTarget, ecsTarget: ecsTarget, cloudFormationTarget: cloudFormationTarget))
    }

    public init(from decoder: any Decoder) throws { box = Box(try Members(from: decoder)) }

    public func encode(to encoder: any Encoder) throws { try box.members.encode(to: encoder) }

    public static func == (lhs: DeploymentTarget, rhs: DeploymentTarget) -> Bool {
        lhs.box === rhs.box || lhs.box.members == rhs.box.members
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(box.members) }

    /// Replaces the box with one holding the changed members. O(members); setters are rare (answers are built
    /// whole by the initialiser).
    private mutating func change(_ body: (inout Members) -> Void) {
        var members = box.members
        body(&members)
        box = Box(members)
    }

    /// A target holding an instance target, tagged `InstanceTarget`.
    public static func instance(_ target: InstanceTarget) -> DeploymentTarget {
        DeploymentTarget(deploymentTargetType: ComputePlatform.server.deploymentTargetType, instanceTarget: target)
    }

    /// A target holding a Lambda target, tagged `LambdaTarget`.
    public static func lambda(_ target: LambdaTarget) -> DeploymentTarget {
        DeploymentTarget(deploymentTargetType: ComputePlatform.lambda.deploymentTargetType, lambdaTarget: target)
    }

    /// A target holding an ECS target, tagged `ECSTarget`.
    public static func ecs(_ target: ECSTarget) -> DeploymentTarget {
        DeploymentTarget(deploymentTargetType: ComputePlatform.ecs.deploymentTargetType, ecsTarget: target)
    }

    /// A target holding a CloudFormation target, tagged `CloudFormationTarget`.
    public static func cloudFormation(_ target: CloudFormationTarget) -> DeploymentTarget {
        DeploymentTarget(
            deploymentTargetType: ComputePlatform.cloudFormation.deploymentTargetType, cloudFormationTarget: target)
    }

    /// The `targetId` of whichever typed target is set (what a checker compares with the ids it asked for).
    /// Inlinable, so that a caller in another module reads the one field in place: called across the module
    /// boundary, the target was copied whole (a dozen strings and its lifecycle events) to read it, once for every
    /// target of every batch read's history line.
    @inlinable public var targetId: String? { box.targetId }

    /// The `status` of whichever typed target is set (inlinable, as ``targetId`` is).
    @inlinable public var status: String? {
        instanceTarget?.status ?? lambdaTarget?.status ?? ecsTarget?.status ?? cloudFormationTarget?.status
    }
}
