import AWSModel
import Emulator
import Testing

@Suite("Emulator faults: configuration checks")
struct EmulatorFaultsConfigurationTests {
    @Test("The defaults and sensible settings are valid")
    func valid() throws {
        try EmulatorConfiguration().validate()
        var configuration = EmulatorConfiguration()
        configuration.faults = EmulatorFaults(
            rateLimits: ["RegisterTargets": .init(rate: 100, burst: 20)],
            brownouts: [.init(from: 0, to: 0.001, errorFraction: 1)], registerTargetsFailureFraction: 1)
        configuration.mutations.dropAcknowledgedRegistrations = 0
        try configuration.validate()
    }

    /// One setting out of range, and the field the check must name.
    enum BadSetting: CaseIterable, Sendable {
        case zeroRate, infiniteRate, zeroBurst, negativeStart, emptyWindow, windowFraction, negativeFraction
        case nanFraction, dropFraction

        var field: String {
            switch self {
            case .zeroRate, .infiniteRate: "faults.rateLimits[X].rate"
            case .zeroBurst: "faults.rateLimits[X].burst"
            case .negativeStart: "faults.brownouts[0].from"
            case .emptyWindow: "faults.brownouts[0].to"
            case .windowFraction: "faults.brownouts[0].errorFraction"
            case .negativeFraction, .nanFraction: "faults.registerTargetsFailureFraction"
            case .dropFraction: "mutations.dropAcknowledgedRegistrations"
            }
        }

        func apply(to configuration: inout EmulatorConfiguration) {
            switch self {
            case .zeroRate: configuration.faults.rateLimits["X"] = .init(rate: 0, burst: 1)
            case .infiniteRate: configuration.faults.rateLimits["X"] = .init(rate: .infinity, burst: 1)
            case .zeroBurst: configuration.faults.rateLimits["X"] = .init(rate: 1, burst: 0)
            case .negativeStart: configuration.faults.brownouts = [.init(from: -0.001, to: 1)]
            case .emptyWindow: configuration.faults.brownouts = [.init(from: 2, to: 2)]
            case .windowFraction: configuration.faults.brownouts = [.init(from: 0, to: 1, errorFraction: 1.001)]
            case .negativeFraction: configuration.faults.registerTargetsFailureFraction = -0.1
            case .nanFraction: configuration.faults.registerTargetsFailureFraction = .nan
            case .dropFraction: configuration.mutations.dropAcknowledgedRegistrations = 1.5
            }
        }
    }

    @Test("Each setting out of range is reported with its field", arguments: BadSetting.allCases)
    func invalid(setting: BadSetting) {
        var configuration = EmulatorConfiguration()
        setting.apply(to: &configuration)
        #expect(throws: EmulatorConfigurationError.self) { try configuration.validate() }
        do {
            try configuration.validate()
        } catch {
            #expect(error.field == setting.field)
            #expect(error.description.hasPrefix(setting.field + " must be"))
        }
    }

    @Test("Out-of-range settings never crash the emulator: a rate of 0 never refills, a burst of 0 acts as 1")
    func outOfRangeIsSafe() {
        let fixture = FaultsFixture {
            $0.faults.rateLimits["ListTargetGroups"] = .init(rate: 0, burst: 0)
            $0.faults.rateLimits["ListTargets"] = .init(rate: -.infinity, burst: Int.max)
            $0.faults.brownouts = [.init(from: .nan, to: .greatestFiniteMagnitude, errorFraction: .nan)]
        }
        #expect(fixture.error(CheapRequest.listGroups) == nil)
        fixture.at(seconds: 1_000_000)
        let refused = fixture.error(CheapRequest.listGroups)
        #expect(refused?.code == "ThrottlingException")
        #expect((refused?.retryAfterSeconds ?? 0) > 1_000_000)
    }
}
