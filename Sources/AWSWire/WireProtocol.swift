import AWSModel

/// The two AWS wire protocols the three services speak (`wire.md` §1.0).
public enum WireProtocol: Sendable, Hashable {
    /// VPC Lattice: method + URI template, uri/querystring/body members, ISO-8601 timestamps.
    case restJson1
    /// Cloud Map and CodeDeploy: `POST /`, `X-Amz-Target`, everything in the body, epoch-second timestamps.
    case awsJson1_1

    /// The `Content-Type` of a body in this protocol.
    public var contentType: String {
        switch self {
        case .restJson1: "application/json"
        case .awsJson1_1: "application/x-amz-json-1.1"
        }
    }

    /// How timestamps are written in this protocol.
    var dateStyle: WireJSONWriter.DateStyle {
        switch self {
        case .restJson1: .iso8601
        case .awsJson1_1: .epochSeconds
        }
    }
}

extension AWSService {
    /// The wire protocol of the service.
    public var wireProtocol: WireProtocol {
        targetPrefix == nil ? .restJson1 : .awsJson1_1
    }

    /// The member name of the error message in the service's error bodies: Cloud Map's shapes say `Message`,
    /// the others `message` (botocore reads either).
    var errorMessageKey: String {
        self == .cloudMap ? "Message" : "message"
    }
}
