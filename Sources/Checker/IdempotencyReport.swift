import Foundation

/// The checker's verdict on one run: `idempotency.json` (`docs/idempotency.md`).
public struct IdempotencyReport: Sendable, Hashable, Codable {
    /// Jepsen's counts over the whole run.
    public struct Counts: Sendable, Hashable, Codable {
        /// Effects the service acknowledged: ok creates and registrations, and each target in `successful`.
        public var acknowledged = 0
        /// Effects that happened more than once for one token or one logical call (each extra one counts).
        public var duplicated = 0
        /// Acknowledged effects that are absent afterwards.
        public var lost = 0
        /// Calls whose outcome was unknown and whose effect exists.
        public var recovered = 0
        /// Resources that exist although no call asked for them.
        public var unexpected = 0

        public init() {}
    }

    /// One invariant: how many calls or resources it looked at and how many violations it found.
    public struct InvariantSummary: Sendable, Hashable, Codable {
        public var name: String
        public var checked: Int
        public var violations: Int
    }

    /// The format of the file: `bench.idempotency/<major>`.
    public var schema = "bench.idempotency/1"
    /// `pass` or `fail`.
    public var verdict: String
    /// Where the state came from: `ledger` (the embedded emulator's), `readback` (a live endpoint's), or both.
    public var source: String
    /// History lines read.
    public var calls: Int
    public var counts: Counts
    /// Every invariant, in ``InvariantName`` order.
    public var invariants: [InvariantSummary]
    /// Every violation (at most ``Violation/limitPerInvariant`` per invariant; `invariants` has the exact counts).
    public var violations: [Violation]

    /// Violations over every invariant.
    public var violationCount: Int { invariants.reduce(0) { $0 + $1.violations } }

    /// The report as pretty, key-sorted JSON.
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    /// `idempotency.csv`: a header and one row per violation.
    public var csv: String {
        var lines = ["invariant,kind,invocation_ids,tokens,parameter_digests,resource_ids,message"]
        for violation in violations {
            let fields = [
                violation.invariant, violation.kind, violation.invocationIds.joined(separator: " "),
                violation.tokens.joined(separator: " "), violation.parameterDigests.joined(separator: " "),
                violation.resourceIds.joined(separator: " "), violation.message,
            ]
            lines.append(fields.map(Self.csvField).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A CSV field, quoted when it holds a comma, a quote or a line break.
    static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A few lines for the end-of-run console summary.
    public var consoleLines: [String] {
        let c = counts
        var lines = [
            "idempotency: \(verdict) (\(source), \(calls) calls): acknowledged \(c.acknowledged), duplicated "
                + "\(c.duplicated), lost \(c.lost), recovered \(c.recovered), unexpected \(c.unexpected)"
        ]
        for invariant in invariants where invariant.violations > 0 {
            lines.append("  \(invariant.name): \(invariant.violations) violation(s)")
            for violation in violations.lazy.filter({ $0.invariant == invariant.name }).prefix(3) {
                lines.append("    \(violation.message)")
            }
        }
        return lines
    }
}

/// One violation with its minimal evidence.
public struct Violation: Sendable, Hashable, Codable {
    /// The most violations kept per invariant (the counts stay exact), so a broken run's report stays small.
    public static let limitPerInvariant = 1_000

    /// The invariant's stable name.
    public var invariant: String
    /// Jepsen's word where one fits (`duplicated`, `lost`, `unexpected`), else `mismatch`.
    public var kind: String
    /// What is wrong, in one sentence.
    public var message: String
    /// The logical calls involved, their tokens and parameter digests.
    public var invocationIds: [String] = []
    public var tokens: [String] = []
    public var parameterDigests: [String] = []
    /// The resources involved (group, target, instance, operation ids).
    public var resourceIds: [String] = []
    /// Each involved call and its attempts, in order: `call <seq> <op> <outcome>` then `#n sent=... end=...`.
    public var timeline: [String] = []
    /// The history sequence numbers of the involved calls (filled into the fields above by the evidence pass).
    var sequences: [UInt64] = []

    enum CodingKeys: String, CodingKey {
        case invariant, kind, message, invocationIds, tokens, parameterDigests, resourceIds, timeline
    }
}
