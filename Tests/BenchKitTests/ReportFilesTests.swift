import Foundation
import Testing
import TestSupport

@testable import BenchKit

@Suite("Report files", .serialized)
struct ReportFilesTests {
    static func runScenario() async throws -> (RunResult, URL) {
        let scenario = Scenario("reports") {
            Seed(3)
            ReportInterval(.milliseconds(100))
            Setup {
                TargetGroups(2)
                Deployment(targets: 30)
            }
            Mix {
                RegisterTargets(batch: 1...5).weight(2)
                CreateTargetGroup().invalid(0.2)
                BatchGetDeploymentTargets(ids: 10)
            }
            Phase("open", .constantRate(400, for: .milliseconds(500)))
            Phase("closed", .iterations(2_000, concurrency: 2))
        }
        let folder = try makeTemporaryFolder("bench-reports")
        let log = try IntervalLog(folder: folder)
        let result = try await Runner(scenario: scenario, intervalLog: log).run()
        try ReportWriter(folder: folder).write(result, intervalLog: log)
        return (result, folder)
    }

    @Test("summary.json and latency.csv parse back and agree with the histograms and the counters")
    func agree() async throws {
        let (result, folder) = try await Self.runScenario()
        defer { try? FileManager.default.removeItem(at: folder) }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let summary = try decoder.decode(RunSummary.self, from: Data(contentsOf: folder.appendingPathComponent("summary.json")))
        #expect(summary.phases.map(\.completed) == result.summary.phases.map(\.completed))
        for (name, op) in summary.totals {
            // The serialised histograms round-trip and reproduce the reported percentiles.
            #expect(op.histograms.corrected.totalCount == UInt64(op.count), "\(name)")
            #expect(RunSummary.Latency(op.histograms.corrected) == op.corrected, "\(name)")
            #expect(RunSummary.Latency(op.histograms.raw) == op.raw, "\(name)")
        }
        let csv = try String(contentsOf: folder.appendingPathComponent("latency.csv"), encoding: .utf8)
        let lines = csv.split(separator: "\n").map(String.init)
        #expect(lines.first == IntervalRow.csvHeader)
        var countByOperation: [String: Int] = [:]
        var okByOperation: [String: Int] = [:]
        var maxByOperation: [String: Double] = [:]
        for line in lines.dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            #expect(fields.count == 21)
            countByOperation[fields[2], default: 0] += Int(fields[3]) ?? -1_000_000
            okByOperation[fields[2], default: 0] += Int(fields[4]) ?? -1_000_000
            maxByOperation[fields[2]] = max(maxByOperation[fields[2]] ?? 0, Double(fields[14]) ?? 0)
        }
        for (name, op) in summary.totals {
            #expect(countByOperation[name] == op.count, "\(name)")
            #expect(okByOperation[name] == op.ok, "\(name)")
            // The largest interval max is the run's max (both at microsecond resolution).
            #expect(abs((maxByOperation[name] ?? 0) - op.corrected.max) < 0.01 * max(1, op.corrected.max), "\(name)")
        }
        let creates = try #require(summary.totals["CreateTargetGroup"])
        #expect(creates.errors["ValidationException", default: 0] > 0)
        // Latency split by outcome covers exactly the outcomes seen.
        #expect(Set(creates.byOutcome.keys) == ["ok", "ValidationException"])
        for name in summary.totals.keys {
            for kind in ["corrected", "raw"] {
                let hgrm = try String(contentsOf: folder.appendingPathComponent("\(name).\(kind).hgrm"), encoding: .utf8)
                #expect(hgrm.hasPrefix("       Value     Percentile TotalCount 1/(1-Percentile)\n\n"))
                #expect(hgrm.contains("#[Buckets ="))
            }
        }
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent(".latency.csv.partial").path))
    }

    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    /// Needs Chromium from Debian (`apt-get install chromium`; scripts/install-test-deps.sh does it). Skipped, and
    /// said so, without it.
    @Test("report.html renders in headless Chromium with every plot and no console errors", .enabled(if: chromium != nil))
    func rendersInChromium() async throws {
        let (_, folder) = try await Self.runScenario()
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("report.html")
        let chromium = URL(fileURLWithPath: try #require(Self.chromium))
        let common = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--enable-logging=stderr",
                      "--v=0", "--user-data-dir=\(folder.appendingPathComponent("profile").path)"]
        let dom = try run(chromium, common + ["--dump-dom", page.absoluteString])
        for id in HTMLReport.plotIds {
            #expect(dom.output.contains("data-plot=\"\(id)\""), "plot \(id) missing")
        }
        #expect(dom.output.contains("<polyline"))
        #expect(!dom.errors.contains("CONSOLE"), "console output: \(dom.errors)")

        let shot = folder.appendingPathComponent("report.png")
        let blankPage = folder.appendingPathComponent("blank.html")
        try "<!DOCTYPE html><html><body></body></html>".write(to: blankPage, atomically: true, encoding: .utf8)
        let blankShot = folder.appendingPathComponent("blank.png")
        _ = try run(chromium, common + ["--window-size=1100,2400", "--screenshot=\(shot.path)", page.absoluteString])
        _ = try run(chromium, common + ["--window-size=1100,2400", "--screenshot=\(blankShot.path)", blankPage.absoluteString])
        let reportBytes = try Data(contentsOf: shot).count
        let blankBytes = try Data(contentsOf: blankShot).count
        // A blank page compresses to almost nothing; charts and tables do not.
        #expect(reportBytes > 5 * blankBytes, "report.png \(reportBytes) bytes vs blank \(blankBytes)")
    }

    private func run(_ executable: URL, _ arguments: [String]) throws -> (output: String, errors: String) {
        let result = try runProcess(executable, arguments)
        return (result.output, result.errors)
    }
}
