extension EmulatorConfiguration {
    /// Checks the fault and mutation settings; the first one out of range is thrown.
    ///
    /// The emulator never crashes on out-of-range settings (a rate that is not positive never refills, a burst
    /// below 1 is 1, fractions act clamped to 0-1, a window that ends before it starts is never active), but a
    /// scenario should call this so that a typo is reported rather than quietly changing the run.
    public func validate() throws(EmulatorConfigurationError) {
        for operation in faults.rateLimits.keys.sorted() {
            guard let limit = faults.rateLimits[operation] else { continue }
            let field = "faults.rateLimits[\(operation)]"
            guard limit.rate.isFinite, limit.rate > 0 else {
                throw EmulatorConfigurationError(
                    field: field + ".rate", message: "must be a finite number above 0 per second, got \(limit.rate)")
            }
            guard limit.burst >= 1 else {
                throw EmulatorConfigurationError(
                    field: field + ".burst", message: "must be at least 1, got \(limit.burst)")
            }
        }
        for (index, brownout) in faults.brownouts.enumerated() {
            let field = "faults.brownouts[\(index)]"
            guard brownout.from.isFinite, brownout.from >= 0 else {
                throw EmulatorConfigurationError(
                    field: field + ".from", message: "must be a finite number of seconds >= 0, got \(brownout.from)")
            }
            guard brownout.to.isFinite, brownout.to > brownout.from else {
                throw EmulatorConfigurationError(
                    field: field + ".to",
                    message: "must be a finite number of seconds above from (\(brownout.from)), got \(brownout.to)")
            }
            try Self.checkFraction(brownout.errorFraction, field + ".errorFraction")
        }
        try Self.checkFraction(faults.registerTargetsFailureFraction, "faults.registerTargetsFailureFraction")
        try Self.checkFraction(mutations.dropAcknowledgedRegistrations, "mutations.dropAcknowledgedRegistrations")
    }

    private static func checkFraction(_ value: Double, _ field: String) throws(EmulatorConfigurationError) {
        guard (0...1).contains(value) else {
            throw EmulatorConfigurationError(field: field, message: "must be between 0 and 1, got \(value)")
        }
    }
}
