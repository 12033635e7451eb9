import AWSModel
import BenchCore
import Testing

@testable import Resilience

/// `wire.md` §3.5 (Appendix B): attempts per scenario for each botocore mode, plus the 2026 standard rules.
@Suite("Retry outcome matrix")
struct RetryMatrixTests {
    struct Row: Sendable, CustomTestStringConvertible {
        let scenario: String
        let request: AWSRequest
        let script: [AttemptResult]
        /// Attempts in legacy, standard, adaptive, standard2026.
        let attempts: [Int]
        let succeeds: Bool
        var testDescription: String { scenario }
    }

    static let rows: [Row] = [
        Row(
            scenario: "Lattice 429 ThrottlingException always", request: Fixtures.createTargetGroup,
            script: [Fixtures.latticeThrottle], attempts: [5, 3, 3, 3], succeeds: false),
        Row(
            scenario: "Lattice 500 InternalServerException then 201", request: Fixtures.createTargetGroup,
            script: [Fixtures.latticeInternal, Fixtures.ok], attempts: [2, 2, 2, 2], succeeds: true),
        Row(
            scenario: "Lattice 402 ServiceQuotaExceeded", request: Fixtures.createTargetGroup,
            script: [Fixtures.latticeQuota], attempts: [1, 1, 1, 1], succeeds: false),
        Row(
            scenario: "Lattice 409 Conflict", request: Fixtures.createTargetGroup,
            script: [Fixtures.latticeConflict], attempts: [1, 1, 1, 1], succeeds: false),
        Row(
            scenario: "429 with empty body", request: Fixtures.createTargetGroup,
            script: [Fixtures.bare429], attempts: [5, 1, 1, 1], succeeds: false),
        Row(
            scenario: "503 empty body always", request: Fixtures.createTargetGroup,
            script: [Fixtures.bare503], attempts: [5, 3, 3, 3], succeeds: false),
        Row(
            scenario: "ReadTimeout then 201", request: Fixtures.createTargetGroup,
            script: [Fixtures.readTimeout, Fixtures.ok], attempts: [2, 2, 2, 2], succeeds: true),
        Row(
            scenario: "EndpointConnectionError always", request: Fixtures.createTargetGroup,
            script: [Fixtures.connectError], attempts: [5, 3, 3, 3], succeeds: false),
        Row(
            scenario: "Cloud Map 400 DuplicateRequest", request: Fixtures.batchGet,
            script: [Fixtures.duplicateRequest], attempts: [1, 1, 1, 1], succeeds: false),
        Row(
            scenario: "Cloud Map 400 RequestLimitExceeded", request: Fixtures.batchGet,
            script: [Fixtures.requestLimitExceeded], attempts: [1, 3, 3, 3], succeeds: false),
        Row(
            scenario: "CodeDeploy 400 ThrottlingException", request: Fixtures.batchGet,
            script: [Fixtures.throttling400], attempts: [5, 3, 3, 3], succeeds: false),
    ]

    static func strategies() -> [any RetryStrategy] {
        [
            LegacyRetryStrategy(), StandardRetryStrategy(), AdaptiveRetryStrategy(start: .zero),
            StandardRetryStrategy(.standard2026),
        ]
    }

    @Test(arguments: rows)
    func attemptsPerMode(row: Row) async {
        for (strategy, expected) in zip(Self.strategies(), row.attempts) {
            let record = await runCall(strategy, row.script, request: row.request)
            #expect(record.attemptCount == expected, "\(strategy.name): \(row.scenario)")
            #expect((record.outcome == .ok) == row.succeeds, "\(strategy.name): \(row.scenario)")
            if !row.succeeds {
                let reason: GiveUpReason = expected == 1 ? .notRetryable : .maxAttempts
                #expect(record.giveUpReason == reason, "\(strategy.name): \(row.scenario)")
            }
        }
    }

    @Test func noneMakesOneAttempt() async {
        let record = await runCall(NoRetryStrategy(), [Fixtures.bare503, Fixtures.ok])
        #expect(record.attemptCount == 1)
        #expect(record.giveUpReason == .maxAttempts)
        #expect(record.outcome == .fail)
    }

    @Test func maxAttemptsIsConfigurable() async {
        #expect(await runCall(LegacyRetryStrategy(maxAttempts: 2), [Fixtures.bare503]).attemptCount == 2)
        var rules = StandardRetryStrategy.Rules.standard
        rules.maxAttempts = 6
        #expect(await runCall(StandardRetryStrategy(rules), [Fixtures.bare503]).attemptCount == 6)
    }

    @Test func timeoutAfterSendMakesTheOutcomeUnknown() async {
        let record = await runCall(StandardRetryStrategy(), [Fixtures.readTimeout, Fixtures.latticeConflict])
        #expect(record.attemptCount == 2)
        #expect(record.outcome == .unknown)
        let refused = await runCall(StandardRetryStrategy(), [Fixtures.connectError])
        #expect(refused.outcome == .fail)
    }

    @Test func customStrategyDecidesFromTheContext() async {
        let strategy = CustomRetryStrategy(name: "only-5xx", maxAttempts: 4) { context, _ in
            guard let status = context.result.serviceError?.httpStatus, status >= 500 else {
                return .giveUp(.notRetryable)
            }
            return .retry(afterSeconds: Double(context.attempt) * 0.25)
        }
        let record = await runCall(strategy, [Fixtures.bare503])
        #expect(record.attemptCount == 4)
        #expect(record.attempts.map(\.backoffNanoseconds) == [0, 250_000_000, 500_000_000, 750_000_000])
        #expect(record.backoffNanoseconds == 1_500_000_000)
        #expect(record.giveUpReason == .maxAttempts)
        #expect(await runCall(strategy, [Fixtures.latticeThrottle]).attemptCount == 1)
    }
}
