import AWSModel
import BenchCore
import Foundation

/// One target group in the emulator's state, with its targets.
struct TargetGroupRecord {
    /// Position in creation order (the index in ``LatticeState/groups``); the list cursor.
    let sequence: UInt64
    let id: String
    let arn: String
    let name: String
    let type: String
    /// The configuration with the defaults filled in.
    let config: TargetGroupConfig
    let createdAt: Date
    let lastUpdatedAt: Date
    /// What created it, compared when the token comes again.
    let parameters: TargetGroupParameters
    let clientToken: String?
    /// Its registered targets, behind their own lock (shared by every copy of the record).
    let targets = TargetTable()

    /// What the per-target checks need.
    var shape: TargetGroupShape {
        TargetGroupShape(id: id, type: type, ipAddressType: config.ipAddressType, port: config.port)
    }

    /// The `CreateTargetGroup` answer, identical for every repetition of the creating token.
    var createOutput: CreateTargetGroupOutput {
        CreateTargetGroupOutput(
            id: id, arn: arn, name: name, type: type, config: config, status: LatticeValues.TargetGroupStatus.active)
    }

    var getOutput: GetTargetGroupOutput {
        GetTargetGroupOutput(
            id: id, arn: arn, name: name, type: type, config: config, createdAt: createdAt,
            lastUpdatedAt: lastUpdatedAt, status: LatticeValues.TargetGroupStatus.active, serviceArns: [])
    }

    var summary: TargetGroupSummary {
        TargetGroupSummary(
            id: id, arn: arn, name: name, type: type, createdAt: createdAt, port: config.port,
            protocol: config.protocol, ipAddressType: config.ipAddressType, vpcIdentifier: config.vpcIdentifier,
            lastUpdatedAt: lastUpdatedAt, status: LatticeValues.TargetGroupStatus.active, serviceArns: [],
            lambdaEventStructureVersion: config.lambdaEventStructureVersion)
    }
}
