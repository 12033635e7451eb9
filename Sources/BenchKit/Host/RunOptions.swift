import AWSModel
import BenchCore
import Emulator
import Foundation
import Resilience

/// The command-line options of `bench run` that override a scenario without editing it.
///
/// Parsed twice with the same code: by `bench` (to reject bad flags before compiling) and by the compiled
/// scenario (which applies them).
public struct RunOptions: Sendable, Hashable {
    public var endpoint: String?
    public var region: String?
    public var seed: UInt64?
    public var durationScale: Double = 1
    public var rateScale: Double = 1
    public var outputFolder: String?
    public var quiet = false
    /// Skip the idempotency checker (`--no-check`).
    public var noCheck = false
    /// Compile and validate only; send nothing (`bench validate`).
    public var validateOnly = false
    /// Client-side faults added to the scenario's (`--fault KIND[:key=value,...]`, repeatable).
    public var faults: [Fault] = []
    /// The retry strategy replacing the scenario's (`--retry MODE`).
    public var retry: String?
    /// The operations every mix keeps, the others dropped (`--only OP[,OP...]`, repeatable); empty: all.
    public var only: Set<String> = []
    /// Thresholds added to the scenario's gate (`--threshold`, repeatable).
    public var thresholds: [Threshold] = []
    /// Every threshold (file and flags) stops the run at its first breach after ``abortGrace`` (`--abort-on-fail`).
    public var abortOnFail = false
    /// How long after the start of load a breach may abort the run (`--abort-grace`, default 0).
    public var abortGrace: Duration = .zero
    /// A PEM file of extra CAs that `https://` endpoints may chain to (`--ca-bundle FILE`).
    public var caBundle: String?
    /// The scenario file the run was compiled from; `bench run` passes it so `summary.json` can record it.
    public var scenarioFile: String?

    public init() {}

    /// The flags `parse` accepts, with their help text.
    public static let help: [(flag: String, text: String)] = [
        ("--endpoint URL", "send to a live endpoint instead of the embedded emulator: http://HOST:PORT, or https://"),
        ("--region R", "AWS region for a live endpoint (default us-east-1)"),
        ("--ca-bundle FILE", "also trust https:// certificates issued by the CAs in this PEM file (Linux)"),
        ("--seed N", "override the scenario's seed (0...2^64-1)"),
        ("--duration-scale F", "multiply every phase duration by F (0.001...1000)"),
        ("--rate-scale F", "multiply every arrival rate by F (0.001...1000)"),
        ("--out DIR", "write the report folder here (default reports/<scenario>-<UTC time>)"),
        ("--quiet", "no progress lines and no end-of-run table"),
        ("--no-check", "skip the idempotency checker: no history.jsonl, no ledger (long soaks)"),
        ("--fault SPEC", "add a client-side fault, KIND[:key=value,...] (repeatable); kinds throttle, conflict,\n"
            + String(repeating: " ", count: 25) + "error5xx, duplicate, lose-response, latency, reset; keys p, op, phase,\n"
            + String(repeating: " ", count: 25) + "from, to, ms, variant, mode (docs/faults.md)"),
        ("--retry MODE", "retry strategy under test: none, legacy, standard, standard2026 or adaptive"),
        ("--only OP[,OP]", "run only these operations of each phase's mix, weights kept in ratio (repeatable);\n"
            + String(repeating: " ", count: 25) + "e.g. --only RegisterTargets to measure one operation alone"),
        ("--threshold EXPR", "add a gate threshold, e.g. 'p99(RegisterTargets) < 50ms' (repeatable; see docs/ci.md)"),
        ("--abort-on-fail", "stop the run at the first threshold breach (exit code 3) instead of at the end"),
        ("--abort-grace D", "with --abort-on-fail: ignore breaches during the first D of load (e.g. 10s)"),
    ]

    /// The retry strategies `--retry` names.
    static let retryModes: [String: RetryMode] = [
        "none": .none, "legacy": .legacy(), "standard": .standard, "standard2026": .standard2026, "adaptive": .adaptive,
    ]

    /// Parses `arguments` (flags only, no file).
    /// - Throws: ``UsageError`` naming the flag and its allowed values.
    public static func parse(_ arguments: [String]) throws(UsageError) -> RunOptions {
        var options = RunOptions()
        var index = 0
        func value(_ flag: String) throws(UsageError) -> String {
            index += 1
            guard index < arguments.count, !arguments[index].hasPrefix("--") else {
                throw UsageError("\(flag) needs a value")
            }
            return arguments[index]
        }
        func scale(_ flag: String) throws(UsageError) -> Double {
            let text = try value(flag)
            guard let number = Double(text), number.isFinite, (0.001...1_000).contains(number) else {
                throw UsageError("\(flag) must be a number in 0.001...1000 (got \"\(text)\")")
            }
            return number
        }
        while index < arguments.count {
            let argument = arguments[index]
            switch argument {
            case "--endpoint":
                let url = try value(argument)
                guard url.hasPrefix("http://") || url.hasPrefix("https://") else {
                    throw UsageError("--endpoint must start with http:// or https:// (got \"\(url)\")")
                }
                options.endpoint = url
            case "--region":
                let region = try value(argument)
                guard !region.isEmpty, region.utf8.count <= 32,
                    region.utf8.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D })
                else { throw UsageError("--region must be 1-32 of [a-z0-9-] (got \"\(region)\")") }
                options.region = region
            case "--ca-bundle":
                let path = try value(argument)
                if let problem = CABundleTrust.problem(with: path) { throw UsageError("--ca-bundle: \(problem)") }
                options.caBundle = path
            case "--seed": options.seed = try OptionValue.seed(try value(argument))
            case "--duration-scale": options.durationScale = try scale(argument)
            case "--rate-scale": options.rateScale = try scale(argument)
            case "--out":
                let folder = try value(argument)
                guard !folder.isEmpty else { throw UsageError("--out needs a folder") }
                options.outputFolder = folder
            case "--quiet", "-q": options.quiet = true
            case "--no-check": options.noCheck = true
            case "--fault": options.faults.append(try OptionValue.fault(try value(argument)))
            case "--retry":
                let mode = try value(argument)
                guard RunOptions.retryModes[mode] != nil else {
                    throw UsageError("--retry must be one of none, legacy, standard, standard2026, adaptive (got \"\(mode)\")")
                }
                options.retry = mode
            case "--only":
                let names = try value(argument).split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                for name in names {
                    guard Mix.operationNames.contains(name) else {
                        let known = Mix.operationNames.joined(separator: ", ")
                        throw UsageError("--only: unknown operation \"\(name)\" (one of \(known))")
                    }
                    options.only.insert(name)
                }
            case "--threshold": options.thresholds.append(try Threshold.parse(try value(argument)))
            case "--abort-on-fail": options.abortOnFail = true
            case "--abort-grace":
                let text = try value(argument)
                guard let nanoseconds = Threshold.parseDurationNanoseconds(text), nanoseconds <= 7 * 86_400 * 1e9 else {
                    throw UsageError("--abort-grace must be a duration with a unit, at most 7 days (got \"\(text)\")")
                }
                options.abortGrace = .nanoseconds(Int64(nanoseconds))
            case "--scenario-file": options.scenarioFile = try value(argument)
            case "--validate-only": options.validateOnly = true
            default: throw UsageError("unknown option \"\(argument)\"; see `bench run --help`")
            }
            index += 1
        }
        return options
    }

    /// The flags of `arguments` worth recording to rerun the same way: without `--out`, `--scenario-file` and
    /// `--validate-only`, which belong to one invocation.
    public static func recordable(_ arguments: [String]) -> [String] {
        var kept: [String] = []
        var index = 0
        while index < arguments.count {
            switch arguments[index] {
            case "--out", "--scenario-file": index += 2
            case "--validate-only": index += 1
            default:
                kept.append(arguments[index])
                index += 1
            }
        }
        return kept
    }

    /// What these options cannot do to `scenario`, before they are applied: a phase whose mix has none of
    /// `--only`'s operations (it would have nothing to run).
    public func issues(in scenario: Scenario) -> [ValidationIssue] {
        guard !only.isEmpty else { return [] }
        let named = Mix.operationNames.filter(only.contains).joined(separator: ",")
        return scenario.phases.enumerated().compactMap { index, phase in
            let operations = (phase.mix ?? scenario.defaultMix ?? .allOperations).operationNames
            guard !operations.contains(where: only.contains) else { return nil }
            return ValidationIssue(
                path: "phases[\(index)] \"\(phase.name)\".mix",
                message: "--only \(named) leaves no operation (its mix: \(operations.joined(separator: ", ")))")
        }
    }

    /// `scenario` with these overrides applied.
    public func applied(to scenario: Scenario) -> Scenario {
        var scenario = scenario
        if let seed { scenario.seed = seed }
        if let endpoint {
            // The file's per-service overrides stay: they name services, the flag names the main endpoint.
            var replaced = Endpoint.http(endpoint, region: region ?? "us-east-1")
            for (service, url) in scenario.endpoint.overrides { replaced = replaced.override(service, url) }
            scenario.endpoint = replaced
        }
        if let caBundle { scenario.endpoint = scenario.endpoint.trusting(caBundle: caBundle) }
        scenario.faults.faults += faults
        if noCheck { scenario.checksIdempotency = false }
        if let retry, let mode = RunOptions.retryModes[retry] { scenario.retry = mode }
        scenario.thresholds += thresholds
        if !only.isEmpty {
            for index in scenario.phases.indices {
                scenario.phases[index].mix = (scenario.phases[index].mix ?? scenario.defaultMix ?? .allOperations)
                    .keeping(only)
            }
        }
        if abortOnFail {
            for index in scenario.thresholds.indices where scenario.thresholds[index].abortGrace == nil {
                scenario.thresholds[index].abortGrace = abortGrace
            }
        }
        if durationScale != 1 || rateScale != 1 {
            for index in scenario.phases.indices {
                scenario.phases[index].executor = scenario.phases[index].executor.scaled(
                    duration: durationScale, rate: rateScale
                )
            }
        }
        return scenario
    }
}

/// A bad command line: the message names the flag and what it accepts. Exit code 2.
public struct UsageError: Error, Sendable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
