/// One fault of a ``FaultPlan``: what it does, how often, to which operations and when.
public struct Fault: Sendable, Hashable {
    public var kind: FaultKind
    /// The probability in `[0, 1]` that the fault hits an eligible attempt.
    public var probability: Double
    /// The operation names it applies to (e.g. `CreateTargetGroup`); empty means every operation.
    public var operations: Set<String>
    /// When it is active.
    public var window: FaultWindow

    public init(
        _ kind: FaultKind, probability: Double = 1, operations: Set<String> = [], window: FaultWindow = .always
    ) {
        self.kind = kind
        self.probability = min(1, max(0, probability.isNaN ? 0 : probability))
        self.operations = operations
        self.window = window
    }
}
