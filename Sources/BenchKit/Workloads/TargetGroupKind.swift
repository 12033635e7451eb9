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
        case .ip:
            return Self.dottedQuad(
                10, UInt8(truncatingIfNeeded: slot >> 16), UInt8(truncatingIfNeeded: slot >> 8),
                UInt8(truncatingIfNeeded: slot))
        case .instance: return "i-" + hex(slot, digits: 17)
        case .lambda: return "arn:aws:lambda:us-east-1:123456789012:function:bench-fn-\(slot)"
        case .alb:
            return "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/bench-alb-\(slot)/"
                + hex(slot, digits: 16)
        }
    }

    /// `a.b.c.d`, written straight into a small string: at most 15 bytes, so no allocation. String interpolation
    /// costs several times more, and every generated IP target and instance address is one of these.
    static func dottedQuad(_ a: UInt8, _ b: UInt8, _ c: UInt8, _ d: UInt8) -> String {
        String(unsafeUninitializedCapacity: 15) { text in
            var length = 0
            func put(_ octet: UInt8, then separator: UInt8? = UInt8(ascii: ".")) {
                if octet >= 100 {
                    text[length] = UInt8(ascii: "0") + octet / 100
                    length += 1
                }
                if octet >= 10 {
                    text[length] = UInt8(ascii: "0") + octet / 10 % 10
                    length += 1
                }
                text[length] = UInt8(ascii: "0") + octet % 10
                length += 1
                if let separator {
                    text[length] = separator
                    length += 1
                }
            }
            put(a)
            put(b)
            put(c)
            put(d, then: nil)
            return length
        }
    }

    private func hex(_ value: Int, digits: Int) -> String {
        let text = String(value, radix: 16)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
