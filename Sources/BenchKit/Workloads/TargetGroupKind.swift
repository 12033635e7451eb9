import AWSModel
import BenchCore
import Emulator

/// The VPC Lattice target-group types.
public enum TargetGroupKind: String, Sendable, Hashable, CaseIterable, Codable {
    case ip = "IP"
    case instance = "INSTANCE"
    case lambda = "LAMBDA"
    case alb = "ALB"

    /// The target-group configuration bench creates groups of this type with (valid for the type).
    func configuration(vpc: String) -> TargetGroupConfig? {
        switch self {
        case .lambda: return TargetGroupConfig(lambdaEventStructureVersion: "V2")
        case .ip: return TargetGroupConfig(port: 80, protocol: "HTTP", ipAddressType: "IPV4", vpcIdentifier: vpc)
        case .instance, .alb: return TargetGroupConfig(port: 80, protocol: "HTTP", vpcIdentifier: vpc)
        }
    }

    /// A valid target id of this type for pool slot `slot`, in the account and region of the emulator defaults.
    func targetId(slot: Int) -> String {
        switch self {
        case .ip: return "10.\((slot >> 16) & 0xFF).\((slot >> 8) & 0xFF).\(slot & 0xFF)"
        case .instance: return "i-" + hex(slot, digits: 17)
        case .lambda: return "arn:aws:lambda:us-east-1:123456789012:function:bench-fn-\(slot)"
        case .alb:
            return "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/bench-alb-\(slot)/"
                + hex(slot, digits: 16)
        }
    }

    private func hex(_ value: Int, digits: Int) -> String {
        let text = String(value, radix: 16)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
