extension EmulatorFaults {
    /// A token bucket: `burst` requests at once, refilled at `rate` tokens per second on the emulator clock.
    public struct RateLimit: Sendable, Hashable {
        /// Tokens added per second; must be finite and above 0.
        public var rate: Double
        /// The bucket's size (and the initial number of tokens); at least 1.
        public var burst: Int

        public init(rate: Double, burst: Int) {
            self.rate = rate
            self.burst = burst
        }
    }
}
