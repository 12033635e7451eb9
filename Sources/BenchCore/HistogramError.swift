/// Why a ``Histogram`` could not be built or merged.
public enum HistogramError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A construction parameter is outside its allowed range.
    /// - Parameters:
    ///   - name: the parameter, as spelled in the initializer (`significantDigits`, ...).
    ///   - value: the value given.
    ///   - allowed: the allowed range, in words (`1...5`).
    case invalidParameter(name: String, value: String, allowed: String)
    /// A merge would drop counts: `value` was recorded in the other histogram but has no slot in this one,
    /// which does not auto-resize.
    case valueOutOfRange(value: UInt64, highestTrackableValue: UInt64)

    public var description: String {
        switch self {
        case .invalidParameter(let name, let value, let allowed):
            "invalid histogram parameter \(name) = \(value): allowed \(allowed)"
        case .valueOutOfRange(let value, let highest):
            "value \(value) exceeds the histogram's highestTrackableValue \(highest) (and it does not auto-resize)"
        }
    }
}
