import AWSModel
import BenchCore

/// What `RegisterTargets` and `DeregisterTargets` need to know of a group to check targets, copied out of the
/// locked state so the per-target checks run outside the lock.
struct TargetGroupShape: Sendable {
    let id: String
    let type: String
    let ipAddressType: String?
    let port: Int?
}

/// The per-target checks of `RegisterTargets` and `DeregisterTargets`. A bad target is not an error for the
/// whole call: it goes to `unsuccessful` with a ``LatticeFailureCode`` while the others proceed (HTTP 200).
enum TargetValidation {
    /// The outcome of checking one target.
    enum Check {
        case valid(TargetKey)
        case invalid(TargetFailure)
    }

    /// Checks `target`'s id against the group type and its port, and resolves the port
    /// (the group's port when omitted; none for `LAMBDA`).
    /// - Complexity: O(n) in the length of the id (its format; its length is O(1) from its UTF-8 count).
    static func check(_ target: Target, in group: TargetGroupShape) -> Check {
        guard target.id.hasUnicodeScalarCount(in: 1...200) else {
            return failure(
                target, LatticeFailureCode.invalidTargetId,
                "id must be 1-200 characters long, got \(target.id.unicodeScalars.count)")
        }
        if let problem = idProblem(target.id, in: group) {
            return failure(target, LatticeFailureCode.invalidTargetId, "id '\(target.id)' \(problem)")
        }
        if group.type == LatticeValues.TargetGroupType.lambda {
            guard target.port == nil else {
                return failure(target, LatticeFailureCode.invalidPort, "port is not supported for LAMBDA targets")
            }
            return .valid(TargetKey(id: target.id, port: nil))
        }
        if let port = target.port, !(1...65535).contains(port) {
            return failure(target, LatticeFailureCode.invalidPort, "port must be between 1 and 65535, got \(port)")
        }
        return .valid(TargetKey(id: target.id, port: target.port ?? group.port))
    }

    /// What is wrong with `id` for the group's type, or `nil` when it has the right form.
    private static func idProblem(_ id: String, in group: TargetGroupShape) -> String? {
        typealias Kind = LatticeValues.TargetGroupType
        switch group.type {
        case Kind.instance:
            return LatticeSyntax.isInstanceID(id)
                ? nil : "is not an EC2 instance id ('i-' followed by 8 or 17 hex digits)"
        case Kind.ip:
            if group.ipAddressType == "IPV6" {
                return LatticeSyntax.isIPv6(id) ? nil : "is not an IPv6 address (the group's ipAddressType is IPV6)"
            }
            // Read in place: stepping a `String.UTF8View` costs several times more per byte than a buffer.
            return id.withUTF8Bytes { LatticeSyntax.isIPv4($0) }
                ? nil : "is not an IPv4 address (the group's ipAddressType is IPV4)"
        case Kind.lambda:
            return LatticeSyntax.isLambdaFunctionARN(id) ? nil : "is not a Lambda function ARN"
        case Kind.alb:
            return LatticeSyntax.isApplicationLoadBalancerARN(id)
                ? nil : "is not an Application Load Balancer ARN (…:elasticloadbalancing:…:loadbalancer/app/…)"
        default:
            return "cannot be checked against target group type \(group.type)"
        }
    }

    /// A failure for `target` with `code`.
    static func failure(_ target: Target, _ code: String, _ message: String) -> Check {
        .invalid(TargetFailure(id: target.id, port: target.port, failureCode: code, failureMessage: message))
    }
}
