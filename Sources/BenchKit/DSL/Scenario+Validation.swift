import Resilience
import AWSModel
import BenchCore
import Emulator

extension Scenario {
    /// The largest rate a phase may ask for, per second.
    static let maximumRate = 1_000_000.0
    /// The longest a phase may last.
    static let maximumPhaseNanoseconds: UInt64 = 7 * 24 * 3_600 * 1_000_000_000

    /// Every problem with this scenario, found without sending anything. Empty means valid.
    public func validationIssues() -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        if name.isEmpty || name.utf8.count > 100
            || !name.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "/") })
        {
            issues.append(.init(path: "name", message: "must be 1-100 printable characters without spaces or '/' (got \"\(name)\")"))
        }
        if phases.isEmpty {
            issues.append(.init(path: "phases", message: "must declare at least one Phase"))
        }
        if !(1...100_000).contains(maxInFlight) {
            issues.append(.init(path: "maxInFlight", message: "must be in 1...100000 (got \(maxInFlight))"))
        }
        if !(1_000_000...600_000_000_000).contains(requestTimeoutNanoseconds) {
            issues.append(.init(path: "requestTimeout", message: "must be between 1 ms and 600 s"))
        }
        if drainTimeoutNanoseconds > 600_000_000_000 {
            issues.append(.init(path: "drainTimeout", message: "must be at most 600 s"))
        }
        if !(10_000_000...3_600_000_000_000).contains(intervalNanoseconds) {
            issues.append(.init(path: "reportInterval", message: "must be between 10 ms and 1 hour"))
        }
        for (service, url) in endpoint.overrides.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            if endpoint.isEmbedded {
                issues.append(.init(path: "endpoint.override(\(service.rawValue))", message: "needs a live endpoint (Endpoint.http)"))
            } else if !url.hasPrefix("http://") && !url.hasPrefix("https://") {
                issues.append(.init(path: "endpoint.override(\(service.rawValue))", message: "must be an http:// or https:// URL (got \"\(url)\")"))
            }
        }
        if let bundle = endpoint.caBundle {
            if endpoint.isEmbedded {
                issues.append(.init(path: "endpoint.caBundle", message: "needs a live endpoint (Endpoint.http)"))
            } else if let problem = CABundleTrust.problem(with: bundle) {
                issues.append(.init(path: "endpoint.caBundle", message: problem))
            }
        }
        for (index, fixture) in fixtures.enumerated() {
            issues += fixture.validate(at: "setup[\(index)]", endpoint: endpoint)
        }
        var seenNames: Set<String> = []
        for (index, phase) in phases.enumerated() {
            let path = "phases[\(index)] \"\(phase.name)\""
            if phase.name.isEmpty || phase.name.utf8.count > 64 {
                issues.append(.init(path: "phases[\(index)].name", message: "must be 1-64 characters (got \"\(phase.name)\")"))
            } else if !seenNames.insert(phase.name).inserted {
                issues.append(.init(path: "phases[\(index)].name", message: "\"\(phase.name)\" is used by an earlier phase; names must be unique"))
            }
            issues += validate(phase.executor, at: "\(path).executor")
            let mix = phase.mix ?? defaultMix ?? .allOperations
            issues += validate(mix, at: "\(path).mix")
        }
        for (index, fault) in faults.faults.enumerated() {
            issues += validate(fault, at: "faults[\(index)] \(fault.kind.name)", phaseNames: seenNames)
        }
        if let emulatorIssue = validateEmulator() { issues.append(emulatorIssue) }
        return issues
    }

    /// Throws ``ScenarioValidationError`` listing every problem, if there is any.
    public func validate() throws(ScenarioValidationError) {
        let issues = validationIssues()
        if !issues.isEmpty { throw ScenarioValidationError(issues: issues) }
    }

    private func validate(_ executor: Executor, at path: String) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        func rate(_ value: Double, _ field: String, allowZero: Bool = false) {
            let ok = value.isFinite && (allowZero ? value >= 0 : value > 0) && value <= Scenario.maximumRate
            if !ok {
                issues.append(.init(
                    path: "\(path).\(field)",
                    message: "must be \(allowZero ? ">= 0" : "> 0") and <= 1000000 per second (got \(value))"
                ))
            }
        }
        func duration(_ ns: UInt64) {
            if ns == 0 || ns > Scenario.maximumPhaseNanoseconds {
                issues.append(.init(path: "\(path).duration", message: "must be > 0 and at most 7 days (got \(Double(ns) / 1e9) s)"))
            }
        }
        func workers(_ count: Int) {
            if !(1...10_000).contains(count) {
                issues.append(.init(path: "\(path).workers", message: "must be in 1...10000 (got \(count))"))
            }
        }
        switch executor.kind {
        case .constantRate(let perSecond, let ns):
            rate(perSecond, "rate")
            duration(ns)
        case .rampingRate(let from, let to, let ns):
            rate(from, "from", allowZero: true)
            rate(to, "to", allowZero: true)
            if from == 0 && to == 0 { issues.append(.init(path: "\(path).to", message: "a ramp from 0 to 0 sends nothing")) }
            duration(ns)
        case .constantConcurrency(let count, let ns):
            workers(count)
            duration(ns)
        case .iterations(let count, let workerCount):
            if !(1...1_000_000_000).contains(count) {
                issues.append(.init(path: "\(path).count", message: "must be in 1...1000000000 (got \(count))"))
            }
            workers(workerCount)
        }
        return issues
    }

    private func validate(_ mix: Mix, at path: String) -> [ValidationIssue] {
        guard !mix.workloads.isEmpty else { return [.init(path: path, message: "must contain at least one operation")] }
        var issues: [ValidationIssue] = []
        for (index, workload) in mix.workloads.enumerated() {
            let workloadPath = "\(path)[\(index)] \(workload.operationName)"
            issues += workload.validate(at: workloadPath)
            if let missing = missingFixture(for: workload.requirement) {
                issues.append(.init(path: workloadPath, message: "needs \(missing) in Setup { }"))
            }
        }
        return issues
    }

    private func validate(_ fault: Fault, at path: String, phaseNames: Set<String>) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        if !(0...1).contains(fault.probability) {
            issues.append(.init(path: "\(path).probability", message: "must be in 0...1 (got \(fault.probability))"))
        }
        let known = Set(APIOperation.allCases.map(\.rawValue))
        for operation in fault.operations.sorted() where !known.contains(operation) {
            issues.append(.init(
                path: "\(path).only", message: "unknown operation \"\(operation)\"; allowed: \(known.sorted().joined(separator: ", "))"))
        }
        switch fault.window {
        case .always: break
        case .phase(let name):
            if !phaseNames.contains(name) {
                issues.append(.init(path: "\(path).during", message: "no phase is named \"\(name)\""))
            }
        case .seconds(let from, let to):
            if let from, let to, !(from >= 0 && from < to) {
                issues.append(.init(path: "\(path).between", message: "must be a range 0 <= from < to seconds (got \(from)...\(to))"))
            }
        }
        return issues
    }

    private func missingFixture(for requirement: FixtureRequirement) -> String? {
        switch requirement {
        case .none:
            return nil
        case .targetGroup(let kind):
            let present = fixtures.contains { ($0 as? TargetGroups)?.type == kind }
            return present ? nil : "TargetGroups(n, type: .\(String(describing: kind)))"
        case .cloudMapService:
            return fixtures.contains { $0 is CloudMapService } ? nil : "CloudMapService(namespace:name:)"
        case .deployment:
            return fixtures.contains { $0 is Deployment } ? nil : "Deployment(targets:)"
        }
    }

    private func validateEmulator() -> ValidationIssue? {
        let delay = emulator.cloudMapOperationDelay.nanosecondsClamped
        if delay > 60_000_000_000 {
            return .init(path: "emulator.cloudMapOperationDelay", message: "must be at most 60 s")
        }
        if emulator.targetGroupQuota < 1 || emulator.targetsPerGroupQuota < 1 || emulator.instancesPerServiceQuota < 1 {
            return .init(path: "emulator", message: "quotas must be at least 1")
        }
        do {
            try emulator.configuration.validate()
        } catch {
            return .init(path: "emulator.\(error.field)", message: error.message)
        }
        return nil
    }
}
