import Foundation
import Testing

@testable import BenchKit

/// `summary.json`'s `resources`: the load generator's own CPU, memory and startup time, read from the kernel.
@Suite struct ProcessResourcesTests {
    @Test func usageGrowsWithWorkAndMemoryIsThisProcesssOwn() {
        let before = ProcessResources.sample()
        var sink: UInt64 = 0
        for value in 0..<2_000_000 as Range<UInt64> { sink &+= value &* 2_654_435_761 }
        let bytes = [UInt8](repeating: UInt8(truncatingIfNeeded: sink), count: 32 << 20)  // 32 MiB, touched
        let after = ProcessResources.sample(startupSeconds: 1.5)
        #expect(after.cpuSeconds > before.cpuSeconds)
        #expect(after.peakRSSBytes >= bytes.count)
        #expect(after.startupSeconds == 1.5)
        #expect(bytes[bytes.count - 1] == UInt8(truncatingIfNeeded: sink))
    }

    @Test func processAgeIsPositiveAndBelowTheMachinesUptime() throws {
        let age = try #require(ProcessResources.processAgeSeconds())
        let uptime = try #require(
            (try? String(contentsOfFile: "/proc/uptime", encoding: .utf8))?.split(separator: " ").first
                .flatMap { Double($0) })
        #expect(age >= 0 && age <= uptime)
    }
}
