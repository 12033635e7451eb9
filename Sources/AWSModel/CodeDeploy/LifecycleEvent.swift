import Foundation

/// One deployment lifecycle event of a target (`LifecycleEvent`), such as `BeforeInstall` or `AllowTraffic`.
public struct LifecycleEvent: Sendable, Hashable, Codable {
    public var lifecycleEventName: String?
    public var diagnostics: Diagnostics?
    public var startTime: Date?
    public var endTime: Date?
    /// `Pending | InProgress | Succeeded | Failed | Skipped | Unknown`.
    public var status: String?

    public init(
        lifecycleEventName: String? = nil, diagnostics: Diagnostics? = nil, startTime: Date? = nil,
        endTime: Date? = nil, status: String? = nil
    ) {
        self.lifecycleEventName = lifecycleEventName
        self.diagnostics = diagnostics
        self.startTime = startTime
        self.endTime = endTime
        self.status = status
    }
}
