extension EmulatorFaults {
    /// A window of the emulator clock during which requests fail more often and/or are slower.
    ///
    /// The window is `[from, to)` in seconds since the emulator was created. When windows overlap, the largest
    /// error fraction and the largest latency of the active windows apply.
    public struct Brownout: Sendable, Hashable {
        /// Start, in seconds since the emulator's creation (inclusive); at least 0.
        public var from: Double
        /// End, in seconds since the emulator's creation (exclusive); above `from`.
        public var to: Double
        /// The fraction (0-1) of requests that fail with the service's 5xx error.
        public var errorFraction: Double
        /// Latency the transport adds to each request in the window (see ``Emulator/extraLatency(for:)``).
        public var extraLatencyNanoseconds: UInt64
        /// The API operations affected; empty means every operation of every service.
        public var operations: Set<String>

        public init(
            from: Double, to: Double, errorFraction: Double = 0, extraLatencyNanoseconds: UInt64 = 0,
            operations: Set<String> = []
        ) {
            self.from = from
            self.to = to
            self.errorFraction = errorFraction
            self.extraLatencyNanoseconds = extraLatencyNanoseconds
            self.operations = operations
        }

        /// Whether the window applies to `operation`.
        func covers(_ operation: String) -> Bool { operations.isEmpty || operations.contains(operation) }
    }
}
