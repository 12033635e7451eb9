import AWSModel
import BenchCore
import Dispatch
import Emulator
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The entry point of a compiled scenario. `bench run` generates a `main.swift` that calls
/// `await ScenarioHost.main(scenario)`; the command-line flags arrive as this process's arguments.
public enum ScenarioHost {
    /// Parses the flags, validates, runs, writes the reports, prints the summary, and exits with the
    /// documented exit code.
    public static func main(_ scenario: Scenario) async -> Never {
        let options: RunOptions
        do {
            options = try RunOptions.parse(Array(CommandLine.arguments.dropFirst()))
        } catch {
            fail("error: \(error)", .usageError)
        }
        let optionIssues = options.issues(in: scenario)
        let scenario = options.applied(to: scenario)
        let issues = optionIssues.isEmpty ? scenario.validationIssues() + scenario.thresholdIssues() : optionIssues
        if !issues.isEmpty {
            let error = ScenarioValidationError(issues: issues)
            let reason = "scenario \"\(scenario.name)\" is not valid: \(issues.count) problem(s); nothing was sent"
            fail("\(error)\n\(reason)", .usageError)
        }
        if options.validateOnly {
            print("scenario \"\(scenario.name)\" is valid: \(scenario.phases.count) phase(s), \(scenario.fixtures.count) fixture(s), seed \(scenario.seed)")
            exit(ExitCode.success.rawValue)
        }
        if let bundle = scenario.endpoint.caBundle {
            // Before any URLSession exists: on Linux this executes the scenario again with the bundle trusted.
            do { try CABundleTrust.ensureTrusted(bundle) } catch { fail("error: \(error)", .usageError) }
        }

        let hostStart = (age: ProcessResources.processAgeSeconds(), date: Date())
        let stop = StopSignal()
        let signals = installSignalHandlers(stop)
        let progress = options.quiet ? nil : ProgressReporter()
        let folder = options.outputFolder ?? defaultFolder(for: scenario.name, at: Date())
        let intervalLog: IntervalLog
        let faultLog: FaultLog
        do {
            intervalLog = try IntervalLog(folder: URL(fileURLWithPath: folder))
            faultLog = try FaultLog(folder: URL(fileURLWithPath: folder))
        } catch {
            fail("error: cannot write the report folder \(folder): \(error)", .runtimeError)
        }
        let monitor = AbortMonitor(thresholds: scenario.thresholds)
        let result: RunResult
        do {
            result = try await Runner(
                scenario: scenario, stop: stop, progress: progress, intervalLog: intervalLog, faultLog: faultLog,
                abortMonitor: monitor, checkFolder: URL(fileURLWithPath: folder)
            ).run()
        } catch {
            fail("error: \(error)", error is ScenarioValidationError ? .usageError : .runtimeError)
        }
        _ = signals

        var summary = result.summary
        summary.scenarioFile = options.scenarioFile
        summary.arguments = RunOptions.recordable(Array(CommandLine.arguments.dropFirst()))
        summary.resources = ProcessResources.sample(startupSeconds: hostStart.age.flatMap { age in
            result.phases.first?.startedAt.map { phaseStart in
                let firstPhase = result.wallStart.addingTimeInterval(
                    Double(phaseStart.nanoseconds(since: result.startedAt)) / 1e9)
                return age + firstPhase.timeIntervalSince(hostStart.date)
            }
        })
        let verdict = GateVerdict.evaluate(
            result, summary: summary, thresholds: scenario.thresholds, invariants: scenario.invariants,
            abortedBy: monitor.breach?.threshold
        )
        if !scenario.thresholds.isEmpty || !scenario.invariants.isEmpty { summary.gate = verdict }
        do {
            let url = URL(fileURLWithPath: folder)
            try ReportWriter(folder: url).write(result, summary: summary, intervalLog: intervalLog)
            try faultLog.commit()
            try GateReportWriter(folder: url).write(summary)
        } catch {
            fail("error: could not write the report to \(folder): \(error)", .runtimeError)
        }
        if !options.quiet { print(ConsoleSummary.render(summary, reportFolder: folder)) }
        if let breach = monitor.breach {
            FileHandle.standardError.write(Data("gate: stopped early: \(breach.message)\n".utf8))
        }
        exit(verdict.exitCode(interrupted: result.interrupted).rawValue)
    }

    /// `reports/<scenario>-<UTC time>`.
    static func defaultFolder(for name: String, at date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return "reports/\(name)-\(formatter.string(from: date))"
    }

    private static func fail(_ message: String, _ code: ExitCode) -> Never {
        FileHandle.standardError.write(Data((message + "\n").utf8))
        exit(code.rawValue)
    }

    /// The first SIGINT or SIGTERM stops scheduling (in-flight operations finish and the reports are written,
    /// marked interrupted); a second one exits at once.
    private static func installSignalHandlers(_ stop: StopSignal) -> [any DispatchSourceSignal] {
        [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                if stop.isStopped { _exit(ExitCode.interrupted.rawValue) }
                FileHandle.standardError.write(Data("\nstopping: waiting for operations in flight, then writing the report (again to quit at once)\n".utf8))
                stop.stop()
            }
            source.resume()
            return source
        }
    }
}
