/// The three AWS services bench drives, with the wire facts that identify them (`wire.md` §1.0).
public enum AWSService: String, Sendable, Hashable, Codable, CaseIterable {
    case vpcLattice = "vpc-lattice"
    case cloudMap = "servicediscovery"
    case codeDeploy = "codedeploy"

    /// The SigV4 signing name (and endpoint prefix).
    public var signingName: String { rawValue }

    /// The `X-Amz-Target` prefix of the awsJson1_1 services; `nil` for restJson1.
    public var targetPrefix: String? {
        switch self {
        case .vpcLattice: nil
        case .cloudMap: "Route53AutoNaming_v20170314"
        case .codeDeploy: "CodeDeploy_20141006"
        }
    }

    /// The error namespace used in awsJson1_1 `__type` values (`com.amazonaws.<ns>#Code`).
    public var errorNamespace: String {
        switch self {
        case .vpcLattice: "com.amazonaws.vpclattice"
        case .cloudMap: "com.amazonaws.servicediscovery"
        case .codeDeploy: "com.amazonaws.codedeploy"
        }
    }
}
