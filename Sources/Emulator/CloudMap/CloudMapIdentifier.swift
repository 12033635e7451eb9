import AWSModel

/// A Cloud Map resource reference as requests give it: a bare id (`srv-…`, `ns-…`) or an ARN
/// (`arn:<partition>:servicediscovery:<region>:<account>:service/srv-…`).
struct CloudMapIdentifier {
    /// The resource id.
    var id: String
    /// The ARN, when the reference was given in ARN form (the caller must match it against the resource's).
    var arn: String?

    /// A kind of referenced resource: its ARN resource type and its id prefix.
    struct Kind {
        var resourceType: String
        var idPrefix: String

        static let service = Kind(resourceType: "service", idPrefix: "srv-")
        static let namespace = Kind(resourceType: "namespace", idPrefix: "ns-")
    }

    /// Parses `reference` (at most 255 characters) or throws `InvalidInput` naming `field`.
    init(_ reference: String, kind: Kind, field: String) throws(ServiceError) {
        try CloudMapValidation.required(reference, field)
        try CloudMapValidation.maxLength(reference, 255, field)
        // The message is built only for a reference that fails: every Cloud Map request parses one.
        func malformed() -> ServiceError {
            .invalidInput(
                "\(field) must be a \(kind.resourceType) id (\(kind.idPrefix)…) or a \(kind.resourceType) ARN")
        }
        if reference.hasPrefix("arn:") {
            let parts = reference.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
            let resourcePrefix = kind.resourceType + "/"
            guard parts.count == 6, !parts[1].isEmpty, parts[2] == "servicediscovery",
                parts[5].hasPrefix(resourcePrefix)
            else { throw malformed() }
            id = String(parts[5].dropFirst(resourcePrefix.count))
            arn = reference
        } else {
            id = reference
            arn = nil
        }
        let prefixLength = kind.idPrefix.utf8.count
        let badByte = CloudMapValidation.firstOffset(in: id, from: prefixLength) {
            !CloudMapValidation.isAlphanumeric($0)
        }
        guard id.hasPrefix(kind.idPrefix), id.utf8.count > prefixLength, badByte == nil else { throw malformed() }
    }

    /// Whether this reference names the resource with ARN `resourceArn` (a bare id always does).
    func matches(arn resourceArn: String) -> Bool { arn.map { $0 == resourceArn } ?? true }
}
