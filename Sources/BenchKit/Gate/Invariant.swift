import AWSModel
import BenchCore
import Emulator

/// A correctness property checked over a finished run; any violation fails the gate with exit code 4.
///
///     Invariant("every CreateTargetGroup answer is ok") { run in
///         let errors = run.summary.totals["CreateTargetGroup"]?.errors ?? [:]
///         return errors.map { "\($0.value) x \($0.key)" }
///     }
///
/// The idempotency checker reports through the same path: each of its invariants becomes an
/// ``InvariantResult`` (from `summary.idempotency`), so `junit.xml` lists it as one test case.
public struct Invariant: Sendable {
    /// A short unique name (a `junit.xml` test case name).
    public var name: String
    /// Returns one line of evidence per violation; empty means the invariant holds.
    public var check: @Sendable (RunResult) -> [String]

    public init(_ name: String, check: @escaping @Sendable (RunResult) -> [String]) {
        self.name = name
        self.check = check
    }
}

/// What one invariant found: its name and the evidence of each violation (empty when it holds).
public struct InvariantResult: Sendable, Codable, Hashable {
    public var name: String
    /// How many violations were found (may exceed `evidence.count`, which is capped).
    public var violations: Int
    /// One line per violation, at most ``evidenceLimit``.
    public var evidence: [String]

    /// The most evidence lines kept per invariant in reports.
    public static let evidenceLimit = 20

    public init(name: String, violations: Int, evidence: [String]) {
        self.name = name
        self.violations = violations
        self.evidence = Array(evidence.prefix(InvariantResult.evidenceLimit))
    }

    public var passed: Bool { violations == 0 }
}
