import AWSModel
import BenchCore
import Emulator

/// `junit.xml`: one test case per threshold and per invariant, so that any CI system shows the gate as tests.
///
/// Two test suites, `<scenario>.thresholds` and `<scenario>.invariants`. A breached or unmeasured threshold and
/// a violated invariant are `<failure>`s whose `type` is the verdict (`fail`, `not-measured`,
/// `correctness-violation`).
public enum JUnitReport {
    public static func render(_ summary: RunSummary) -> String {
        let verdict = summary.gate ?? GateVerdict(thresholds: [], invariants: [])
        let name = summary.scenario
        var thresholdCases: [String] = []
        for result in verdict.thresholds {
            var failure: (message: String, type: String)?
            if !result.passed {
                let correctness = result.correctness && result.verdict == .fail
                failure = (result.message, correctness ? "correctness-violation" : result.verdict.rawValue)
            }
            thresholdCases.append(
                testCase(
                    classname: "\(name).thresholds", name: result.threshold, failure: failure, body: result.message))
        }
        if let aborted = verdict.abortedBy {
            thresholdCases.append(
                testCase(
                    classname: "\(name).thresholds", name: "run not aborted",
                    failure: ("the run was stopped early by \(aborted)", "aborted"), body: "aborted by \(aborted)"
                ))
        }
        let invariantCases = verdict.invariants.map { result in
            let message = "\(result.violations) violation(s) of \(result.name)"
            return testCase(
                classname: "\(name).invariants", name: result.name,
                failure: result.passed ? nil : (message, "correctness-violation"),
                body: result.evidence.joined(separator: "\n")
            )
        }
        let thresholdFailures = verdict.thresholds.filter { !$0.passed }.count + (verdict.abortedBy == nil ? 0 : 1)
        let invariantFailures = verdict.invariants.filter { !$0.passed }.count
        let time = Threshold.number(summary.elapsedSeconds)
        var lines = [
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
            "<testsuites name=\"bench \(escape(name))\" tests=\"\(thresholdCases.count + invariantCases.count)\" "
                + "failures=\"\(thresholdFailures + invariantFailures)\" errors=\"0\" time=\"\(time)\">",
        ]
        for (suite, cases, failures) in [
            ("thresholds", thresholdCases, thresholdFailures), ("invariants", invariantCases, invariantFailures),
        ] {
            lines.append(
                "  <testsuite name=\"\(escape(name)).\(suite)\" tests=\"\(cases.count)\" failures=\"\(failures)\" "
                    + "errors=\"0\" skipped=\"0\" time=\"\(time)\">"
            )
            lines.append("    <properties>")
            for (key, value) in [
                ("seed", "\(summary.seed)"), ("endpoint", summary.endpoint), ("interrupted", "\(summary.interrupted)"),
            ] {
                lines.append("      <property name=\"\(key)\" value=\"\(escape(value))\"/>")
            }
            lines.append("    </properties>")
            lines += cases
            lines.append("  </testsuite>")
        }
        lines.append("</testsuites>")
        return lines.joined(separator: "\n") + "\n"
    }

    private static func testCase(
        classname: String, name: String, failure: (message: String, type: String)?, body: String
    ) -> String {
        let head = "    <testcase classname=\"\(escape(classname))\" name=\"\(escape(name))\" time=\"0\""
        guard let failure else {
            return head + ">\n      <system-out>\(escape(body))</system-out>\n    </testcase>"
        }
        return head + ">\n      <failure message=\"\(escape(failure.message))\" type=\"\(escape(failure.type))\">"
            + escape(body) + "</failure>\n    </testcase>"
    }

    /// `text` safe in XML 1.0 text and attributes: markup characters escaped, characters XML forbids (controls
    /// other than tab, newline and carriage return) replaced by `?`.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                let value = scalar.value
                let allowed = value >= 0x20 && !(0xFFFE...0xFFFF).contains(value)
                out.unicodeScalars.append(allowed ? scalar : "?")
            }
        }
        return out
    }
}
