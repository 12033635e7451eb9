import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What the load generator's own process used: CPU time, peak memory, and how long it took from the command to
/// the first phase. A load generator must cost less than what it measures; this is the evidence, in every
/// `summary.json` (`resources`).
public struct ProcessResources: Sendable, Codable, Hashable {
    /// CPU seconds in user space, all threads, since the process started.
    public var cpuUserSeconds: Double
    /// CPU seconds in the kernel, all threads, since the process started.
    public var cpuSystemSeconds: Double
    /// The process's peak resident set size (`ru_maxrss`), in bytes.
    public var peakRSSBytes: Int
    /// Seconds from the start of the `bench run` process (which compiles the scenario, or finds it cached, and
    /// then execs it in the same process) to the start of the first phase; nil when not measured.
    public var startupSeconds: Double?

    /// The usage so far, from `getrusage(RUSAGE_SELF)`. O(1).
    public static func sample(startupSeconds: Double? = nil) -> ProcessResources {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return ProcessResources(
            cpuUserSeconds: seconds(usage.ru_utime), cpuSystemSeconds: seconds(usage.ru_stime),
            peakRSSBytes: Int(usage.ru_maxrss) * 1024, startupSeconds: startupSeconds)
    }

    /// User plus system CPU seconds.
    public var cpuSeconds: Double { cpuUserSeconds + cpuSystemSeconds }

    /// Seconds since this process started, from its start time in `/proc/self/stat` (clock ticks since boot,
    /// so 10 ms resolution) and `CLOCK_BOOTTIME`; nil where `/proc` is not readable. `exec` keeps the start time,
    /// so in a compiled scenario this counts from the `bench run` command.
    public static func processAgeSeconds() -> Double? {
        guard let stat = try? String(contentsOfFile: "/proc/self/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")")
        else { return nil }
        // Fields after the command name (which may hold spaces) start at field 3; the start time is field 22.
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 19, let ticks = Double(fields[19]) else { return nil }
        let hertz = Double(sysconf(Int32(_SC_CLK_TCK)))
        var now = timespec()
        clock_gettime(CLOCK_BOOTTIME, &now)
        let uptime = Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
        return hertz > 0 ? max(0, uptime - ticks / hertz) : nil
    }
}
