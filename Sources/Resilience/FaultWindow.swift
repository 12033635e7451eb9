/// When a fault is active during a run.
public enum FaultWindow: Sendable, Hashable {
    /// The whole run.
    case always
    /// While the named phase runs.
    case phase(String)
    /// From `from` (inclusive) to `to` (exclusive) seconds since the run started; nil means unbounded.
    case seconds(from: Double?, to: Double?)

    /// Whether the window contains a moment `elapsedSeconds` into the run, during `phase`.
    func contains(elapsedSeconds: Double, phase: String?) -> Bool {
        switch self {
        case .always: true
        case .phase(let name): phase == name
        case .seconds(let from, let to): elapsedSeconds >= (from ?? -.infinity) && elapsedSeconds < (to ?? .infinity)
        }
    }
}
