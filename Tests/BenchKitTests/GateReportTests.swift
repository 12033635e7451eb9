import Foundation
import Testing

@testable import BenchKit

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite("Gate: junit.xml, summary.md and the console")
struct GateReportTests {
    /// A summary whose gate has a passing, a failing and an unmeasured threshold (names full of XML markup) and
    /// a holding and a violated invariant.
    static func gatedSummary() throws -> RunSummary {
        let result = GateFixture.result(operations: [
            [GateFixture.Ops(name: "RegisterTargets", latencies: GateFixture.ramp(10))]
        ])
        var summary = result.summary
        let thresholds = try [
            "p99(RegisterTargets) < 1s", "max(RegisterTargets) <= 1ms", "retry_amplification(*) < 1.3",
        ]
        .map { try Threshold.parse($0) }
        let invariants = [
            Invariant("holds <&> \"quoted\" 'too'") { _ in [] },
            Invariant("violated") { _ in ["token t-1 created 2 groups & <nothing> else", "bell \u{7} character"] },
        ]
        summary.gate = GateVerdict.evaluate(result, summary: summary, thresholds: thresholds, invariants: invariants)
        return summary
    }

    @Test("junit.xml is well-formed and lists every threshold and invariant, failures marked with their kind")
    func junit() throws {
        let summary = try Self.gatedSummary()
        let xml = JUnitReport.render(summary)
        let document = try XMLDocument(data: Data(xml.utf8))
        let cases = try document.nodes(forXPath: "//testcase").compactMap { $0 as? XMLElement }
        let names = cases.compactMap { $0.attribute(forName: "name")?.stringValue }
        #expect(
            names == [
                "p99(RegisterTargets) < 1000ms", "max(RegisterTargets) <= 1ms", "retry_amplification(*) < 1.3",
                "holds <&> \"quoted\" 'too'", "violated",
            ])
        let failures = try document.nodes(forXPath: "//failure").compactMap { $0 as? XMLElement }
        #expect(
            failures.compactMap { $0.attribute(forName: "type")?.stringValue } == [
                "fail", "not-measured", "correctness-violation",
            ])
        let root = try #require(document.rootElement())
        #expect(root.attribute(forName: "tests")?.stringValue == "5")
        #expect(root.attribute(forName: "failures")?.stringValue == "3")
        #expect(xml.contains("bell ? character"), "characters XML forbids are replaced")
    }

    @Test("junit.xml of a run without a gate is well-formed and empty; an early abort is a failed test case")
    func junitEdges() throws {
        var summary = GateFixture.result(operations: [[]]).summary
        let empty = try XMLDocument(data: Data(JUnitReport.render(summary).utf8))
        #expect(try empty.nodes(forXPath: "//testcase").isEmpty)
        summary.gate = GateVerdict(thresholds: [], invariants: [], abortedBy: "error_rate(*) < 1%")
        let aborted = try XMLDocument(data: Data(JUnitReport.render(summary).utf8))
        #expect(try aborted.nodes(forXPath: "//failure[@type='aborted']").count == 1)
    }

    @Test("summary.md and the console show each threshold with its measured value and verdict")
    func markdownAndConsole() throws {
        let summary = try Self.gatedSummary()
        let markdown = MarkdownSummary.render(summary)
        #expect(markdown.contains("❌ correctness violation"))
        #expect(markdown.contains("| `max(RegisterTargets) <= 1ms` | 10.000ms | ❌ fail |"), "\(markdown)")
        #expect(markdown.contains("| `retry_amplification(*) < 1.3` | — | ❌ not measured |"))
        #expect(markdown.contains("| violated | 2 | token t-1 created 2 groups & <nothing> else |"))
        let console = ConsoleSummary.render(summary, reportFolder: nil)
        #expect(
            console.contains("PASS  p99(RegisterTargets) = 9.999ms (limit < 1000ms)")
                || console.contains("PASS  p99(RegisterTargets) = 10.000ms"))
        #expect(console.contains("FAIL  max(RegisterTargets) = "))
        #expect(console.contains("NOT MEASURED  retry_amplification(*) was not measured"))
        #expect(console.contains("FAIL  invariant violated: 2 violation(s)"))
        #expect(console.contains("gate verdict: correctness-violation (exit code 4)"))
    }
}
