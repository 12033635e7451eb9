import AWSModel
import BenchCore

extension CodeDeployEmulator {
    /// The `targetFilters` of `ListDeploymentTargets`, checked: `TargetStatus` values are target statuses,
    /// `ServerInstanceLabel` values are `Blue`/`Green`, and no other filter name is allowed.
    /// An empty value list leaves that filter out.
    struct TargetFilter {
        static let targetStatuses: Set<String> = [
            "Pending", "InProgress", "Succeeded", "Failed", "Skipped", "Unknown", "Ready",
        ]
        static let instanceLabels: Set<String> = ["Blue", "Green"]

        private var statuses: Set<String>?
        private var labels: Set<String>?

        init(_ filters: [String: [String]]?) throws(ServiceError) {
            // Sorted so that a request with several bad filters always gets the same error.
            for (name, values) in (filters ?? [:]).sorted(by: { $0.key < $1.key }) where !values.isEmpty {
                switch name {
                case ListDeploymentTargetsInput.targetStatusFilter:
                    statuses = try Self.checked(values, allowed: Self.targetStatuses, code: .invalidInstanceStatus,
                                                field: name)
                case ListDeploymentTargetsInput.serverInstanceLabelFilter:
                    labels = try Self.checked(values, allowed: Self.instanceLabels, code: .invalidInstanceType,
                                              field: name)
                default:
                    throw .codeDeploy(
                        .invalidTargetFilterName,
                        "targetFilters key '\(abbreviated(name))' is not valid: expected TargetStatus or "
                            + "ServerInstanceLabel")
                }
            }
        }

        /// Whether `target` passes the filter at `now`. Only instance targets have a label.
        func accepts(_ target: StoredTarget, at now: Instant) -> Bool {
            if let statuses, !statuses.contains(target.status(at: now)) { return false }
            if let labels {
                guard case .instance(_, let label) = target.detail, labels.contains(label) else { return false }
            }
            return true
        }

        private static func checked(
            _ values: [String], allowed: Set<String>, code: CodeDeployErrorCode, field: String
        ) throws(ServiceError) -> Set<String> {
            for value in values where !allowed.contains(value) {
                throw .codeDeploy(
                    code,
                    "targetFilters \(field) value '\(abbreviated(value))' is not valid: expected one of "
                        + allowed.sorted().joined(separator: ", "))
            }
            return Set(values)
        }
    }
}
