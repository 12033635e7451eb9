import AWSModel
import BenchCore
import Emulator

/// What a workload may draw on to build one request: a generator seeded for this operation's index, the
/// resolved setup fixtures, and a run-wide sequence number for unique names.
public struct GenerationContext: Sendable {
    /// The seeded generator of this operation (derived from the scenario seed, the phase and the index).
    public var random: SplitMix64
    /// The resources the setup created.
    public let fixtures: ResolvedFixtures
    /// A number unique to this logical operation within the run.
    public let sequence: UInt64

    public init(random: SplitMix64, fixtures: ResolvedFixtures, sequence: UInt64) {
        self.random = random
        self.fixtures = fixtures
        self.sequence = sequence
    }

    /// A uniform integer in `range`.
    public mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(random.next() % UInt64(range.upperBound - range.lowerBound + 1))
    }

    /// True with probability `p`.
    public mutating func chance(_ p: Double) -> Bool { p > 0 && random.nextUnitDouble() < p }

    /// A token in the shape botocore generates (a UUID), drawn from this operation's generator.
    public mutating func token() -> String {
        var ids = IDGenerator(seed: random.next(), stream: "token")
        return ids.uuid()
    }

    /// One element of a non-empty array, uniformly.
    public mutating func pick<T>(_ items: [T]) -> T { items[Int(random.next() % UInt64(items.count))] }
}
