import AWSModel
import BenchCore
@testable import Emulator

/// A fresh emulator on a manual clock, with its ledger, for one test.
struct LatticeFixture {
    let clock = ManualClock()
    let ledger = Ledger()
    let emulator: LatticeEmulator

    init(seed: UInt64 = 7, configure: (inout EmulatorConfiguration) -> Void = { _ in }) {
        var configuration = EmulatorConfiguration()
        configure(&configuration)
        emulator = LatticeEmulator(configuration: configuration, clock: clock, seed: seed, ledger: ledger)
    }

    /// Creates a valid group of `type` and returns its id.
    @discardableResult
    func group(
        _ name: String = "web", type: String = "IP", config: TargetGroupConfig? = nil
    ) throws(ServiceError) -> String {
        let output = try emulator.createTargetGroup(
            CreateTargetGroupInput(name: name, type: type, config: config ?? defaultConfig(for: type)))
        return output.id ?? ""
    }

    func register(_ group: String, _ targets: [Target]) throws(ServiceError) -> RegisterTargetsOutput {
        try emulator.registerTargets(RegisterTargetsInput(targetGroupIdentifier: group, targets: targets))
    }

    /// The error `CreateTargetGroup` answers `input` with, if any.
    func createError(_ input: CreateTargetGroupInput) -> ServiceError? {
        serviceError { () throws(ServiceError) in try emulator.createTargetGroup(input) }
    }

    /// The error `RegisterTargets` answers with, if any.
    func registerError(_ group: String, _ targets: [Target]) -> ServiceError? {
        serviceError { () throws(ServiceError) in try register(group, targets) }
    }

    func listAll(_ group: String) throws(ServiceError) -> [TargetSummary] {
        try emulator.listTargets(ListTargetsInput(targetGroupIdentifier: group)).items
    }
}

extension LatticeEmulator {
    /// The ids of every target of `group`, following `nextToken` through all pages.
    func listedIds(_ group: String) throws -> [String] {
        try allItems { token in
            let page = try listTargets(ListTargetsInput(targetGroupIdentifier: group, nextToken: token))
            return (page.items.compactMap(\.id), page.nextToken)
        }
    }
}

/// A configuration each type accepts.
func defaultConfig(for type: String) -> TargetGroupConfig? {
    type == "LAMBDA" ? nil : TargetGroupConfig(port: 8080, protocol: "HTTP", vpcIdentifier: "vpc-0123abcd")
}

/// A valid IP group request.
func ipGroupInput(
    name: String = "web", token: String? = nil, config: TargetGroupConfig? = nil, tags: [String: String]? = nil
) -> CreateTargetGroupInput {
    CreateTargetGroupInput(
        name: name, type: "IP", config: config ?? defaultConfig(for: "IP"), clientToken: token, tags: tags)
}

/// The `ServiceError` `body` throws, or `nil` when it succeeds.
func serviceError<T>(_ body: () throws(ServiceError) -> T) -> ServiceError? {
    do {
        _ = try body()
        return nil
    } catch {
        return error
    }
}

extension ServiceError {
    /// The `name`s in a `ValidationException`'s `fieldList`.
    var fieldNames: [String] {
        guard case .array(let list)? = fields["fieldList"] else { return [] }
        return list.compactMap { item in
            if case .object(let field) = item { field["name"]?.stringValue } else { nil }
        }
    }
}
